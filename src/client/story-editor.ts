/**
 * The story editor's autosave: while someone types, the words are saved at least every 10 s and
 * when the page is left, each save carrying the version it was based on. A refused save (someone
 * else saved meanwhile) stops autosaving and shows both texts; the writer chooses. The live
 * preview beside the form is in live-preview.ts.
 */

const EVERY_MS = 10_000

interface Conflict {
  currentVersion: number
  savedBy: string | null
  current: { headline: string; dek: string; bodyMarkdown: string }
}

function start(): void {
  const form = document.querySelector<HTMLFormElement>('form[data-autosave]')
  const url = form?.dataset.autosave
  if (form === null || form === undefined || url === undefined || url === '') return
  const field = (name: string) =>
    form.elements.namedItem(name) as HTMLInputElement | HTMLTextAreaElement | null
  const headline = field('headline')
  const dek = field('dek')
  const body = field('bodyMarkdown')
  const base = field('baseVersion')
  const status = document.getElementById('autosave-status')
  const conflictBox = document.getElementById('autosave-conflict')
  const token = document.querySelector<HTMLMetaElement>('meta[name="csrf-token"]')?.content ?? ''
  if (headline === null || dek === null || body === null || base === null) return
  if (body instanceof HTMLTextAreaElement) placeInsertedPhoto(form, body, url)

  // Photos picked in the library arrive filled in but unsaved: save them like typed words.
  let dirty = form.dataset.unsaved === 'true'
  let inFlight = false
  let stopped = false
  const say = (text: string): void => {
    if (status !== null) status.textContent = text
  }
  const words = () => ({
    baseVersion: Number(base.value),
    headline: headline.value,
    dek: dek.value,
    bodyMarkdown: body.value,
  })

  const save = async (leaving: boolean): Promise<void> => {
    if (!dirty || inFlight || stopped) return
    inFlight = true
    dirty = false
    const sent = words()
    try {
      const response = await fetch(url, {
        method: 'POST',
        credentials: 'same-origin',
        // keepalive lets the last save finish after the page is gone.
        keepalive: leaving,
        headers: {
          'content-type': 'application/json',
          accept: 'application/json',
          'x-csrf-token': token,
        },
        body: JSON.stringify(sent),
      })
      if (response.ok) {
        const saved = (await response.json()) as { version: number; savedAt: string }
        base.value = String(saved.version)
        for (const el of document.querySelectorAll('[data-story-version]'))
          el.textContent = String(saved.version)
        say(`Saved automatically at ${new Date(saved.savedAt).toISOString().slice(11, 19)} UTC.`)
      } else if (response.status === 409) {
        const problem = (await response.json()) as { error: { details: Conflict } }
        showConflict(problem.error.details)
      } else {
        dirty = true
        say('Autosave failed; your text is still here. Use “Save draft” to try again.')
      }
    } catch {
      dirty = true
      say('Autosave could not reach the server; your text is still here.')
    } finally {
      inFlight = false
    }
  }

  const showConflict = (conflict: Conflict): void => {
    stopped = true
    say('Autosave stopped: someone else saved this story.')
    if (conflictBox === null) return
    conflictBox.replaceChildren()
    const heading = document.createElement('h2')
    heading.textContent = `${conflict.savedBy ?? 'Someone else'} saved version ${conflict.currentVersion} while you were writing`
    const explain = document.createElement('p')
    explain.textContent =
      'Nothing was overwritten. Compare the two texts, then keep yours (saved over theirs) or take theirs.'
    const columns = document.createElement('div')
    columns.className = 'nr-conflict-columns'
    const column = (title: string, text: string): HTMLElement => {
      const section = document.createElement('section')
      const h = document.createElement('h3')
      h.textContent = title
      const pre = document.createElement('pre')
      pre.className = 'nr-conflict-text'
      pre.textContent = text
      section.append(h, pre)
      return section
    }
    columns.append(
      column('Their version', `${conflict.current.headline}\n\n${conflict.current.bodyMarkdown}`),
      column('Your version', `${headline.value}\n\n${body.value}`),
    )
    const keep = document.createElement('button')
    keep.type = 'button'
    keep.className = 'button'
    keep.textContent = 'Keep mine'
    keep.addEventListener('click', () => {
      base.value = String(conflict.currentVersion)
      resume()
      void save(false)
    })
    const take = document.createElement('button')
    take.type = 'button'
    take.className = 'button button-secondary'
    take.textContent = 'Take theirs'
    take.addEventListener('click', () => {
      headline.value = conflict.current.headline
      dek.value = conflict.current.dek
      body.value = conflict.current.bodyMarkdown
      base.value = String(conflict.currentVersion)
      resume()
      dirty = false
      say('Their version is in the editor.')
    })
    conflictBox.append(heading, explain, columns, keep, take)
    conflictBox.hidden = false
    conflictBox.tabIndex = -1
    conflictBox.focus()
  }

  const resume = (): void => {
    stopped = false
    dirty = true
    if (conflictBox !== null) {
      conflictBox.hidden = true
      conflictBox.replaceChildren()
    }
  }

  form.addEventListener('input', (event) => {
    const target = event.target as Element | null
    if (target === headline || target === dek || target === body) dirty = true
  })
  // A normal submit carries the words itself; autosave steps aside so the two never race.
  form.addEventListener('submit', () => {
    stopped = true
  })
  setInterval(() => void save(false), EVERY_MS)
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') void save(true)
  })
  window.addEventListener('pagehide', () => void save(true))
}

/** Where the body's cursor was when the writer went to the library, per story (sessionStorage). */
const cursorKey = (url: string): string => `masthead-body-cursor:${url}`

/**
 * The library's "Insert into body" adds the photo's Markdown at the end of the body (that works
 * without JavaScript); with it, the photo goes where the cursor was when the writer left for the
 * library, as a paragraph of its own, and is selected so it can be moved on.
 */
function placeInsertedPhoto(form: HTMLFormElement, body: HTMLTextAreaElement, url: string): void {
  const link = document.querySelector<HTMLAnchorElement>('a[data-photo-library]')
  link?.addEventListener('click', () => {
    try {
      sessionStorage.setItem(cursorKey(url), String(body.selectionStart))
    } catch {
      // Storage refused (private mode): the photo stays at the end, as without JavaScript.
    }
  })
  const snippet = form.dataset.insertedPhoto
  if (snippet === undefined || snippet === '') return
  let stored: string | null = null
  try {
    stored = sessionStorage.getItem(cursorKey(url))
    sessionStorage.removeItem(cursorKey(url))
  } catch {
    stored = null
  }
  const at = body.value.lastIndexOf(snippet)
  if (at < 0) return
  const before = body.value.slice(0, at).trimEnd()
  const cursor = stored === null ? before.length : Math.min(Number(stored) || 0, before.length)
  const head = before.slice(0, cursor).trimEnd()
  const tail = before.slice(cursor).trimStart()
  const lead = head === '' ? '' : `${head}\n\n`
  body.value = `${lead}${snippet}${tail === '' ? '\n' : `\n\n${tail}`}`
  body.focus()
  body.setSelectionRange(lead.length, lead.length + snippet.length)
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start)
else start()

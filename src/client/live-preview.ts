/**
 * The story editor's live preview: a pane beside the form (below it on narrow screens) showing
 * the typed text as readers will see it. The server draws it with the site's own code (the same
 * as the "Preview" button, which still works without JavaScript); the pane shows the returned
 * document in a sandboxed iframe, a moment after typing pauses, one request at a time.
 */

/** How long typing must pause before the preview is redrawn. */
const PAUSE_MS = 700
/** Where the open/closed choice is remembered, across stories. */
const STORAGE_KEY = 'masthead-live-preview'

/** Adds the live preview to the editor form marked with data-live-preview, if any. */
function start(): void {
  const form = document.querySelector<HTMLFormElement>('form[data-live-preview]')
  const url = form?.dataset.livePreview
  if (form === null || form === undefined || url === undefined || url === '') return
  const token = document.querySelector<HTMLMetaElement>('meta[name="csrf-token"]')?.content ?? ''

  const layout = document.createElement('div')
  layout.className = 'nr-live-layout'
  const toggle = document.createElement('button')
  toggle.type = 'button'
  toggle.className = 'button button-secondary nr-live-toggle'
  toggle.textContent = 'Live preview'
  toggle.setAttribute('aria-controls', 'live-preview')
  const pane = document.createElement('section')
  pane.id = 'live-preview'
  pane.className = 'nr-live-preview'
  pane.setAttribute('aria-labelledby', 'live-preview-heading')
  const heading = document.createElement('h2')
  heading.id = 'live-preview-heading'
  heading.textContent = 'Live preview'
  // Deliberately not a live region: a screen reader is not interrupted at every pause in typing.
  const status = document.createElement('p')
  status.className = 'nr-live-status'
  status.textContent = 'Your text as readers will see it, before it is saved.'
  const frame = document.createElement('iframe')
  frame.className = 'nr-live-frame'
  frame.title = 'Live preview of the story'
  // Same origin (so the stylesheet loads and the scroll position can be kept), never scripts.
  frame.setAttribute('sandbox', 'allow-same-origin')
  frame.tabIndex = 0
  pane.append(heading, status, frame)
  form.before(toggle, layout)
  layout.append(form, pane)

  let open = false
  let timer: ReturnType<typeof setTimeout> | undefined
  let inFlight = false
  let again = false
  let drawn = false

  const say = (text: string): void => {
    status.textContent = text
  }

  /** Puts a fresh document in the frame, keeping where the reader had scrolled to. */
  const show = (html: string): void => {
    const doc = frame.contentDocument
    if (!drawn || doc === null || doc.body === null) {
      frame.srcdoc = html
      frame.addEventListener('load', () => (drawn = true), { once: true })
      return
    }
    const fresh = new DOMParser().parseFromString(html, 'text/html')
    doc.title = fresh.title
    // Swapping the body (not reloading the document) leaves the frame's scroll position alone.
    doc.body.replaceWith(doc.adoptNode(fresh.body))
  }

  const fields = (): URLSearchParams => {
    const sent = new URLSearchParams()
    for (const [name, value] of new FormData(form))
      if (typeof value === 'string') sent.append(name, value)
    return sent
  }

  /** Asks for the preview of the form as it is now; a request already out is followed by one more. */
  const refresh = async (): Promise<void> => {
    if (!open) return
    if (inFlight) {
      again = true
      return
    }
    inFlight = true
    again = false
    try {
      const response = await fetch(url, {
        method: 'POST',
        credentials: 'same-origin',
        headers: { accept: 'text/html', 'x-csrf-token': token },
        body: fields(),
      })
      const type = response.headers.get('content-type') ?? ''
      if ((response.ok || response.status === 400) && type.startsWith('text/html')) {
        show(await response.text())
        const at = new Date().toISOString().slice(11, 19)
        say(
          response.ok
            ? `Your text as readers will see it, before it is saved (updated ${at} UTC).`
            : `The text cannot be drawn as it is (${at} UTC); the pane says why.`,
        )
      } else {
        say(`The preview could not be updated (error ${response.status}); your text is safe.`)
      }
    } catch {
      say('The preview could not reach the server; your text is safe.')
    } finally {
      inFlight = false
      // The latest text wins: whatever was typed while this request was out is drawn next.
      if (again) void refresh()
    }
  }

  const setOpen = (next: boolean, remember: boolean): void => {
    open = next
    toggle.setAttribute('aria-expanded', String(next))
    pane.hidden = !next
    layout.classList.toggle('nr-live-on', next)
    if (remember) {
      try {
        localStorage.setItem(STORAGE_KEY, next ? 'on' : 'off')
      } catch {
        // Storage refused (private mode): the choice lasts for this page only.
      }
    }
    if (next) void refresh()
  }

  toggle.addEventListener('click', () => setOpen(!open, true))
  const later = (): void => {
    if (!open) return
    clearTimeout(timer)
    timer = setTimeout(() => void refresh(), PAUSE_MS)
  }
  form.addEventListener('input', later)
  form.addEventListener('change', later)

  let stored: string | null = null
  try {
    stored = localStorage.getItem(STORAGE_KEY)
  } catch {
    stored = null
  }
  setOpen(stored === 'on', false)
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start)
else start()

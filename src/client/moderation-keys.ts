/**
 * Keyboard shortcuts of the moderation queue: j/n and k/p select the next and previous comment,
 * a/r/s/b press its Approve, Reject, Spam and Ban author buttons, ? opens the shortcut list.
 * The buttons are ordinary forms, so without this script everything still works with Tab.
 * A switch in the shortcut list turns the keys off (kept in localStorage).
 */

const SELECTED = 'is-selected'

/** The buttons' data-action for each action key. */
const ACTIONS: Readonly<Record<string, string>> = { a: 'approve', r: 'reject', s: 'spam', b: 'ban' }

/** Where this browser keeps "shortcuts off". */
const OFF_KEY = 'masthead.moderation-shortcuts'

/** Fields whose keys are text (a checkbox or a button is not typed into). */
const TEXT_FIELDS =
  'input:not([type="checkbox"]):not([type="radio"]):not([type="button"]):not([type="submit"]):not([type="reset"]), textarea, select, [contenteditable]:not([contenteditable="false"])'

/** True when a key press belongs to what the person is typing, not to the queue. */
function typing(target: EventTarget | null): boolean {
  return target instanceof Element && target.closest(TEXT_FIELDS) !== null
}

/** Reads the stored choice; storage may be refused (private modes), which means "on". */
function storedOff(): boolean {
  try {
    return window.localStorage.getItem(OFF_KEY) === 'off'
  } catch {
    return false
  }
}

function storeOff(off: boolean): void {
  try {
    if (off) window.localStorage.setItem(OFF_KEY, 'off')
    else window.localStorage.removeItem(OFF_KEY)
  } catch {
    // Not kept: the switch still works for this page.
  }
}

function start(): void {
  const queue = document.querySelector<HTMLElement>('[data-moderation-queue]')
  const help = document.querySelector<HTMLDetailsElement>('details#shortcuts')
  const items = (): HTMLElement[] =>
    queue === null ? [] : [...queue.querySelectorAll<HTMLElement>('li[data-comment-id]')]
  let current = -1
  let off = storedOff()
  const toggle = document.querySelector<HTMLInputElement>('#shortcuts-on')
  if (toggle !== null) {
    toggle.checked = !off
    toggle.addEventListener('change', () => {
      off = !toggle.checked
      storeOff(off)
    })
    const line = toggle.closest<HTMLElement>('.nr-shortcuts-switch')
    if (line !== null) line.hidden = false
  }
  // One action per page: a key held down must not send the next comment's form too.
  let sent = false

  /** Selects item `index` (clamped), marks it for assistive technology and moves the focus to it. */
  const select = (index: number, focus: boolean): void => {
    const list = items()
    if (list.length === 0) return
    const next = Math.max(0, Math.min(index, list.length - 1))
    for (const item of list) {
      item.classList.remove(SELECTED)
      item.removeAttribute('aria-current')
    }
    const item = list[next]
    if (item === undefined) return
    item.classList.add(SELECTED)
    item.setAttribute('aria-current', 'true')
    current = next
    if (focus) {
      item.focus()
      item.scrollIntoView({ block: 'nearest' })
    }
  }

  // Back from an action: what now stands where the handled comment stood is the next one.
  const at = new URLSearchParams(window.location.search).get('at')
  if (at !== null && /^[0-9]+$/.test(at)) select(Number(at), true)

  // A click or Tab into a comment makes it the selected one, so the keys act where the person is.
  queue?.addEventListener('focusin', (event) => {
    const item = (event.target as Element | null)?.closest<HTMLElement>('li[data-comment-id]')
    if (item !== null && item !== undefined) select(items().indexOf(item), false)
  })

  document.addEventListener('keydown', (event) => {
    if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return
    if (off || typing(event.target)) return
    const key = event.key
    if (key === '?') {
      if (help === null) return
      event.preventDefault()
      help.open = !help.open
      if (help.open) help.querySelector('summary')?.focus()
      return
    }
    if (key === 'j' || key === 'n') {
      event.preventDefault()
      select(current + 1, true)
      return
    }
    if (key === 'k' || key === 'p') {
      event.preventDefault()
      select(current < 0 ? 0 : current - 1, true)
      return
    }
    const action = ACTIONS[key]
    if (action === undefined || current < 0 || sent) return
    const button = items()[current]?.querySelector<HTMLButtonElement>(
      `button[data-action="${action}"]`,
    )
    if (button === null || button === undefined) return
    event.preventDefault()
    sent = true
    button.form?.requestSubmit(button)
  })
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start)
else start()

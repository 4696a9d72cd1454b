/** Copy-link buttons: shown only when scripts run, they copy a story's address and say so. */

const COPIED = 'Link copied'
const FAILED = 'Copy failed: select the address bar to copy the link'

/** Reveals one button and makes it copy its data-copy-link URL, reporting in its aria-controls status. */
function attach(button: HTMLButtonElement): void {
  const url = button.dataset.copyLink
  if (url === undefined || url === '') return
  const statusId = button.getAttribute('aria-controls')
  const status = statusId === null ? null : document.getElementById(statusId)
  const report = (message: string): void => {
    if (status !== null) status.textContent = message
  }
  button.addEventListener('click', () => {
    // Clear first so a second click announces again in screen readers.
    report('')
    if (navigator.clipboard === undefined) {
      report(FAILED)
      return
    }
    navigator.clipboard.writeText(url).then(
      () => report(COPIED),
      () => report(FAILED),
    )
  })
  button.hidden = false
}

function start(): void {
  for (const button of document.querySelectorAll<HTMLButtonElement>('button[data-copy-link]')) {
    attach(button)
  }
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start)
else start()

/** Live "n/300" counters for comment boxes, counting characters as readers see them (graphemes). */

type Counter = (text: string) => number

/** Grapheme clusters when the browser can segment, code points otherwise (never UTF-16 units). */
function graphemeCounter(): Counter {
  if (typeof Intl !== 'undefined' && 'Segmenter' in Intl) {
    const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' })
    return (text) => {
      let count = 0
      for (const _segment of segmenter.segment(text)) count += 1
      return count
    }
  }
  return (text) => Array.from(text).length
}

/** Wires one textarea to the counter its aria-describedby names; no counter, no wiring. */
function attach(textarea: HTMLTextAreaElement, count: Counter): void {
  const limit = Number(textarea.dataset.graphemeLimit)
  if (!Number.isFinite(limit) || limit <= 0) return
  const ids = (textarea.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean)
  const counter = ids
    .map((id) => document.getElementById(id))
    .find((element) => element?.hasAttribute('data-grapheme-counter') === true)
  if (counter === undefined || counter === null) return
  const update = (): void => {
    const used = count(textarea.value)
    counter.textContent = `${used}/${limit}`
    counter.classList.toggle('over-limit', used > limit)
  }
  textarea.addEventListener('input', update)
  update()
}

function start(): void {
  const count = graphemeCounter()
  for (const textarea of document.querySelectorAll<HTMLTextAreaElement>(
    'textarea[data-grapheme-limit]',
  )) {
    attach(textarea, count)
  }
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start)
else start()

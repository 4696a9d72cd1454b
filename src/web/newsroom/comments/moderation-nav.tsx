/** The moderation desk's own navigation (queue filters and lists) and its shortcut help. */

import type { QueueFilter } from '../../../comments/index.js'
import type { SafeHtml } from '../../render/html.js'
import { QUEUE_FILTERS } from './comment-schemas.js'
import { FILTER_LABELS, SHORTCUTS } from './moderation-labels.js'

/** Which part of the desk a page is. */
export type DeskPart = QueueFilter | 'words' | 'banned' | 'log'

const LISTS: readonly { part: DeskPart; label: string; href: string }[] = [
  { part: 'words', label: 'Banned words', href: '/newsroom/comments/words' },
  { part: 'banned', label: 'Banned readers', href: '/newsroom/comments/banned' },
  { part: 'log', label: 'Audit log', href: '/newsroom/comments/log' },
]

/** The address of a queue filter's first page. */
export function queueHref(filter: QueueFilter, page = 1): string {
  const query = new URLSearchParams()
  if (filter !== 'held') query.set('filter', filter)
  if (page > 1) query.set('page', String(page))
  const text = query.toString()
  return text === '' ? '/newsroom/comments' : `/newsroom/comments?${text}`
}

/** The desk's sub-navigation, the current part marked for assistive technology. */
export function ModerationNav(props: { current: DeskPart }): SafeHtml {
  const entries = [
    ...QUEUE_FILTERS.map((filter) => ({
      part: filter,
      label: FILTER_LABELS[filter],
      href: queueHref(filter),
    })),
    ...LISTS,
  ]
  return (
    <nav class="nr-subnav" aria-label="Moderation">
      <ul>
        {entries.map((entry) => (
          <li>
            <a href={entry.href} aria-current={entry.part === props.current ? 'page' : undefined}>
              {entry.label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  )
}

/** The visible "Keyboard shortcuts" disclosure (the script opens it with "?"). */
export function ShortcutHelp(): SafeHtml {
  return (
    <details class="nr-shortcuts" id="shortcuts">
      <summary>Keyboard shortcuts</summary>
      <p>
        These keys work on the queue whenever no text field has the focus. Every action is also a
        button on each comment, reachable with Tab, and works without JavaScript.
      </p>
      {/* Shown by the script (the keys exist only with it); single-key shortcuts must be
          possible to turn off (WCAG 2.1.4). The choice is kept in this browser. */}
      <p class="nr-shortcuts-switch" hidden>
        <input type="checkbox" id="shortcuts-on" checked />{' '}
        <label for="shortcuts-on">Use these single-key shortcuts</label>
      </p>
      <table class="nr-table">
        <caption class="visually-hidden">Keyboard shortcuts of the moderation queue</caption>
        <thead>
          <tr>
            <th scope="col">Key</th>
            <th scope="col">Does</th>
          </tr>
        </thead>
        <tbody>
          {SHORTCUTS.map((shortcut) => (
            <tr>
              <td>
                {shortcut.keys.map((key, i) => (
                  <>
                    {i > 0 ? ' or ' : ''}
                    <kbd>{key}</kbd>
                  </>
                ))}
              </td>
              <td>{shortcut.does}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  )
}

/** Numbered pagination for story lists: previous/next, first/last, ellipses around a window. */

import type { SafeHtml } from '../../render/html.js'
import { pagePath } from '../site-urls.js'

/** The page numbers to show for `page` of `total`, with `null` where an ellipsis goes. */
export function pageWindow(page: number, total: number, around = 2): (number | null)[] {
  const shown: (number | null)[] = []
  const from = Math.max(2, page - around)
  const to = Math.min(total - 1, page + around)
  shown.push(1)
  if (from > 2) shown.push(null)
  for (let n = from; n <= to; n++) shown.push(n)
  if (to < total - 1) shown.push(null)
  if (total > 1) shown.push(total)
  return shown
}

/** The `<nav aria-label="Pagination">` for a list at `basePath`; nothing when there is one page. */
export function Pagination(props: {
  basePath: string
  page: number
  totalPages: number
  /** The address of page `n`, when it is not `basePath?page=n` (search keeps its query). */
  href?: (n: number) => string
}): SafeHtml {
  const { page, totalPages, basePath } = props
  const hrefOf = props.href ?? ((n: number) => pagePath(basePath, n))
  if (totalPages <= 1) return <></>
  return (
    <nav class="pagination" aria-label="Pagination">
      <ul>
        {page > 1 ? (
          <li>
            <a href={hrefOf(page - 1)} rel="prev">
              ‹ Previous<span class="visually-hidden"> page</span>
            </a>
          </li>
        ) : null}
        {pageWindow(page, totalPages).map((n) =>
          n === null ? (
            <li class="pagination-gap" aria-hidden="true">
              …
            </li>
          ) : (
            <li>
              <a href={hrefOf(n)} aria-current={n === page ? 'page' : undefined}>
                <span class="visually-hidden">Page </span>
                {n}
              </a>
            </li>
          ),
        )}
        {page < totalPages ? (
          <li>
            <a href={hrefOf(page + 1)} rel="next">
              Next<span class="visually-hidden"> page</span> ›
            </a>
          </li>
        ) : null}
      </ul>
    </nav>
  )
}

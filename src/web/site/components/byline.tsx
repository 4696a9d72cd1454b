/** The line under a headline: authors (linked), publication and update times, and the view count. */

import type { AuthorSummary } from '../../../newsroom/index.js'
import { formatDateTime, formatViews } from '../../render/format.js'
import type { SafeHtml } from '../../render/html.js'
import { authorPath } from '../site-urls.js'

export interface BylineProps {
  authors: readonly AuthorSummary[]
  publishedAt: Date
  updatedAt: Date | null
  views: number
  language: string
}

/** The byline block of a story. */
export function Byline(props: BylineProps): SafeHtml {
  const names = props.authors.map((author, index) => (
    <>
      {index === 0 ? '' : index === props.authors.length - 1 ? ' and ' : ', '}
      <a href={authorPath(author)} rel="author">
        {author.name}
      </a>
    </>
  ))
  return (
    <div class="byline">
      {props.authors.length === 0 ? null : <p class="byline-authors">By {names}</p>}
      <p class="byline-meta">
        <time datetime={props.publishedAt.toISOString()}>
          {formatDateTime(props.publishedAt, props.language)}
        </time>
        {props.updatedAt === null ? null : (
          <>
            {' · '}
            <span class="byline-updated">
              Updated{' '}
              <time datetime={props.updatedAt.toISOString()}>
                {formatDateTime(props.updatedAt, props.language)}
              </time>
            </span>
          </>
        )}
        {' · '}
        <span class="view-count">{formatViews(props.views)}</span>
      </p>
    </div>
  )
}

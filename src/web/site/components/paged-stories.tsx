/** One page of a story list with its position ("Page 2 of 5") and the pagination below it. */

import type { ArticleSummary, Page } from '../../../newsroom/index.js'
import { formatCount } from '../../render/format.js'
import type { SafeHtml } from '../../render/html.js'
import { Pagination } from './pagination.js'
import { StoryList } from './story-card.js'

/** The stories of `list`, or a sentence when there are none. */
export function PagedStories(props: {
  list: Page<ArticleSummary>
  basePath: string
  language: string
}): SafeHtml {
  const { list } = props
  if (list.total === 0) return <p class="list-empty">No stories have been published here yet.</p>
  return (
    <>
      <p class="list-position">
        {formatCount(list.total)} {list.total === 1 ? 'story' : 'stories'}
        {list.totalPages > 1 ? ` · page ${list.page} of ${list.totalPages}` : ''}
      </p>
      <StoryList stories={list.items} language={props.language} level={2} withPhoto />
      <Pagination basePath={props.basePath} page={list.page} totalPages={list.totalPages} />
    </>
  )
}

/** " (page 2)" for titles of pages after the first. */
export function pageSuffix(page: number): string {
  return page > 1 ? `, page ${page}` : ''
}

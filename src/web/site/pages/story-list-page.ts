/** The paging rule shared by section, author and tag pages: 20 stories a page, 404 past the last. */

import type { ArticleListFilter, ArticleSummary, Page } from '../../../newsroom/index.js'
import type { PageContext } from '../page-context.js'

/** Stories per page on section, author and tag pages. */
export const STORIES_PER_PAGE = 20

/** Page `page` of the stories matching `filter`, or undefined when the page is past the last. */
export async function loadStoryPage(
  ctx: PageContext,
  filter: ArticleListFilter,
  page: number,
): Promise<Page<ArticleSummary> | undefined> {
  const list = await ctx.services.newsroom.listArticles(filter, page, STORIES_PER_PAGE)
  // An empty list still has its page 1 (it says so); any other empty page does not exist.
  if (page > list.totalPages || list.page !== page) return undefined
  return list
}

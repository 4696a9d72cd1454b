/** Loads an author page: the author box and one page of their stories. */

import type { ArticleSummary, Author, Page } from '../../../newsroom/index.js'
import {
  frameOf,
  type LoadedPage,
  newestChange,
  type PageContext,
  type SiteFrame,
} from '../page-context.js'
import { loadStoryPage } from './story-list-page.js'

export interface AuthorPageProps {
  frame: SiteFrame
  author: Author
  list: Page<ArticleSummary>
}

/** Loads `/author/{slug}?page=N`; undefined when there is no such author or page. */
export async function loadAuthorPage(
  ctx: PageContext,
  slug: string,
  page: number,
): Promise<LoadedPage<AuthorPageProps> | undefined> {
  const [sections, author] = await Promise.all([
    ctx.services.newsroom.listSections(),
    ctx.services.newsroom.getAuthor(slug),
  ])
  if (author === undefined) return undefined
  const list = await loadStoryPage(ctx, { authorId: author.id }, page)
  if (list === undefined) return undefined
  return {
    props: {
      frame: frameOf(ctx, sections, { kind: 'author', slug: author.slug, name: author.name }),
      author,
      list,
    },
    cacheTags: [`author:${author.id}`],
    lastModified: newestChange(list.items),
  }
}

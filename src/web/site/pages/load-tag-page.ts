/** Loads a tag page: the tag and one page of its stories. */

import type { ArticleSummary, Page, Tag } from '../../../newsroom/index.js'
import {
  frameOf,
  type LoadedPage,
  newestChange,
  type PageContext,
  type SiteFrame,
} from '../page-context.js'
import { loadStoryPage } from './story-list-page.js'

export interface TagPageProps {
  frame: SiteFrame
  tag: Tag
  list: Page<ArticleSummary>
}

/** Loads `/tag/{slug}?page=N`; undefined when there is no such tag or page. */
export async function loadTagPage(
  ctx: PageContext,
  slug: string,
  page: number,
): Promise<LoadedPage<TagPageProps> | undefined> {
  const [sections, tag] = await Promise.all([
    ctx.services.newsroom.listSections(),
    ctx.services.newsroom.getTag(slug),
  ])
  if (tag === undefined) return undefined
  const list = await loadStoryPage(ctx, { tagId: tag.id }, page)
  if (list === undefined) return undefined
  return {
    props: {
      frame: frameOf(ctx, sections, { kind: 'tag', slug: tag.slug, name: tag.name }),
      tag,
      list,
    },
    cacheTags: [`tag:${tag.id}`],
    lastModified: newestChange(list.items),
  }
}

/** Loads a section page: the section and one page of its stories. */

import type { ArticleSummary, Page, Section } from '../../../newsroom/index.js'
import {
  frameOf,
  type LoadedPage,
  newestChange,
  type PageContext,
  type SiteFrame,
} from '../page-context.js'
import { RESERVED_SEGMENTS } from '../site-urls.js'
import { loadStoryPage } from './story-list-page.js'

export interface SectionPageProps {
  frame: SiteFrame
  section: Section
  list: Page<ArticleSummary>
}

/** Loads `/{section}?page=N`; undefined when there is no such section or page. */
export async function loadSectionPage(
  ctx: PageContext,
  slug: string,
  page: number,
): Promise<LoadedPage<SectionPageProps> | undefined> {
  if (RESERVED_SEGMENTS.has(slug)) return undefined
  const sections = await ctx.services.newsroom.listSections()
  const section = sections.find((s) => s.slug === slug)
  if (section === undefined) return undefined
  const list = await loadStoryPage(ctx, { sectionId: section.id }, page)
  if (list === undefined) return undefined
  return {
    props: {
      frame: frameOf(ctx, sections, { kind: 'section', slug: section.slug, name: section.name }),
      section,
      list,
    },
    cacheTags: [`section:${section.slug}`],
    lastModified: newestChange(list.items),
  }
}

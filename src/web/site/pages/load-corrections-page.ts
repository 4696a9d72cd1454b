/** Loads `/corrections`: the newest corrections on published stories, 20 a page. */

import type { CorrectionEntry, Page } from '../../../newsroom/index.js'
import { frameOf, type LoadedPage, type PageContext, type SiteFrame } from '../page-context.js'

/** Corrections per page. */
export const CORRECTIONS_PER_PAGE = 20

export interface CorrectionsPageProps {
  frame: SiteFrame
  list: Page<CorrectionEntry>
}

/** Loads page `page`; undefined past the last page (page 1 exists even when empty). */
export async function loadCorrectionsPage(
  ctx: PageContext,
  page: number,
): Promise<LoadedPage<CorrectionsPageProps> | undefined> {
  const [sections, list] = await Promise.all([
    ctx.services.newsroom.listSections(),
    ctx.services.newsroom.listCorrections(page, CORRECTIONS_PER_PAGE),
  ])
  if (page > list.totalPages || list.page !== page) return undefined
  const newest = list.items[0]?.note.createdAt ?? null
  return {
    props: { frame: frameOf(ctx, sections), list },
    // Purged by every article event (a note is an article.updated), and by the stories it names.
    cacheTags: ['corrections', ...list.items.map((entry) => `article:${entry.story.id}`)],
    lastModified: page === 1 ? newest : null,
  }
}

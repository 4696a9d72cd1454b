/** Loads the 404 page: the sections and the newest stories, so a lost reader has somewhere to go. */

import type { ArticleSummary } from '../../../newsroom/index.js'
import { frameOf, type PageContext, type SiteFrame } from '../page-context.js'

export interface NotFoundPageProps {
  frame: SiteFrame
  latest: ArticleSummary[]
  /** Set when the address held a story that was taken down (410 Gone). */
  gone?: boolean
}

/** Loads the 404 page's props (never cached, so no tags). */
export async function loadNotFoundPage(ctx: PageContext): Promise<NotFoundPageProps> {
  const [sections, latest] = await Promise.all([
    ctx.services.newsroom.listSections(),
    ctx.services.newsroom.latestArticles({ limit: 5 }),
  ])
  return { frame: frameOf(ctx, sections), latest }
}

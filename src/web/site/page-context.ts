/** What every page loader receives and returns: services and site identity in, props and tags out. */

import type { ArticleSummary, Section } from '../../newsroom/index.js'
import type { AssetManifest } from '../assets/asset-manifest.js'
import { feedLinks } from '../distribution/feed-links.js'
import type { ShareUtm } from './components/share-links.js'
import type { PageBanner, PageFrame, SiteIdentity } from '../render/layout.js'
import type { Services } from '../services.js'

/** The frame of a reader page, with the full asset manifest (views load the page scripts). */
export interface SiteFrame extends PageFrame {
  assets: AssetManifest
  /** Campaign parameters for share links; null or absent: clean canonical links. */
  shareUtm?: ShareUtm | null
}

/** The inputs a loader needs besides the request's own parameters. */
export interface PageContext {
  services: Services
  site: SiteIdentity
  assets: AssetManifest
  /** The time of the request (the edition date under the masthead). */
  now: Date
  /** Campaign parameters for share links (config.distribution.shareUtm). */
  shareUtm?: ShareUtm | null
  /** The breaking-news banner up now; null or absent: none. */
  banner?: PageBanner | null
}

/** A loader's answer: the view's props and what the page cache needs to know. */
export interface LoadedPage<P> {
  props: P
  cacheTags: string[]
  lastModified: Date | null
}

/** The section, author or tag whose feeds a page announces besides the site's. */
export type FeedSubject = Parameters<typeof feedLinks>[1]

/** The frame shared by every page, from the sections list; `feeds` names the page's own feed subject. */
export function frameOf(
  ctx: PageContext,
  sections: readonly Section[],
  feeds?: FeedSubject,
): SiteFrame {
  return {
    site: ctx.site,
    assets: ctx.assets,
    sections: sections.map(({ slug, name }) => ({ slug, name })),
    editionDate: ctx.now,
    feeds: feedLinks(ctx.site.name, feeds),
    shareUtm: ctx.shareUtm ?? null,
    banner: ctx.banner ?? null,
  }
}

/** The newest change among `stories` (edit or publication), or null for an empty list. */
export function newestChange(stories: readonly ArticleSummary[]): Date | null {
  let newest: Date | null = null
  for (const story of stories) {
    const at = story.updatedAt ?? story.publishedAt
    if (newest === null || at > newest) newest = at
  }
  return newest
}

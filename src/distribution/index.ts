/** Distribution's public surface: feeds, sitemaps and robots.txt over the newsroom's listings. */

import type { DistributionConfig } from '../config.js'
import type { Clock } from '../lib/clock.js'
import type { Newsroom } from '../newsroom/index.js'
import { createFeeds, type FeedDocument } from './feeds/feeds.js'
import type { FeedFormat, FeedScope, SiteIdentity, SiteLinks } from './links.js'
import { robotsTxt } from './robots.js'
import { createSitemaps } from './sitemaps/sitemaps.js'

export type { FeedDocument }
export type { ResolvedScope } from './feeds/feed-model.js'
export type { FeedFormat, FeedLogoImage, FeedScope, SiteIdentity, SiteLinks } from './links.js'
export { FEED_CONTENT_TYPES, FEED_LENGTH } from './feeds/feeds.js'
export { NEWS_LIMIT, SITEMAP_BLOCK } from './sitemaps/sitemaps.js'
export { feedNotFound, sitemapNotFound } from './errors.js'

export interface Distribution {
  /** The feed of `scope` in `format` (newest 50 stories); undefined for an unknown section, author or tag. */
  feed(scope: FeedScope, format: FeedFormat): Promise<FeedDocument | undefined>
  /** The sitemap index, listing every non-empty sitemap file with its newest change. */
  sitemapIndex(): Promise<{ body: string; lastModified: Date | null }>
  /**
   * A sitemap file ('sections', 'news', 'stories-1', 'authors-1', 'tags-1', …) as a stream of
   * XML chunks read page by page; undefined when there is no such file.
   */
  sitemap(name: string): Promise<AsyncIterable<string> | undefined>
  /** The robots.txt body: the configured disallow rules and the sitemap index's address. */
  robotsTxt(): string
}

export interface DistributionDeps {
  newsroom: Newsroom
  /** The size in bytes of a stored media file by its public path (feeds' enclosure lengths). */
  fileSize: (publicPath: string) => Promise<number | undefined>
  clock: Clock
  site: SiteIdentity
  /** The reader site's URL scheme (the web layer's, handed in by app.ts). */
  links: SiteLinks
  settings: DistributionConfig
  /** Ids per sitemap file and rows per read; only tests change the defaults (50,000 and 1,000). */
  sitemapPaging?: { blockSize: number; pageSize: number }
}

/**
 * Builds the distribution service.
 * @example const distribution = createDistribution({ newsroom, clock, site, links, settings })
 */
export function createDistribution(deps: DistributionDeps): Distribution {
  const { site, links, settings } = deps
  const feed = createFeeds(deps)
  const sitemaps = createSitemaps({ ...deps, ...deps.sitemapPaging })
  const robots = robotsTxt(
    settings.robotsDisallow,
    new URL(links.sitemap('index'), site.url + '/').href,
  )
  return {
    feed,
    sitemapIndex: () => sitemaps.index(),
    sitemap: (name) => sitemaps.open(name),
    robotsTxt: () => robots,
  }
}

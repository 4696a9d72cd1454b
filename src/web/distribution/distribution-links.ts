/** The feed and sitemap addresses, and the reader site's URL scheme as distribution needs it. */

import type { FeedFormat, FeedScope, SiteLinks } from '../../distribution/index.js'
import { articlePath, authorPath, sectionPath, tagPath } from '../site/site-urls.js'

/** Each feed format's file name, under the scope's own path. */
export const FEED_FILES: Readonly<Record<FeedFormat, string>> = {
  rss: 'feed.xml',
  atom: 'atom.xml',
  json: 'feed.json',
}

/**
 * The path of a scope's feed: `/feed.xml`, `/atom.xml`, `/feed.json` for the site;
 * `/{section}/feed.xml`, `/author/{slug}/feed.xml`, `/tag/{slug}/feed.xml` and so on for the rest.
 */
export function feedPath(scope: FeedScope, format: FeedFormat): string {
  const file = FEED_FILES[format]
  switch (scope.kind) {
    case 'site':
      return `/${file}`
    case 'section':
      return `${sectionPath(scope)}/${file}`
    case 'author':
      return `${authorPath(scope)}/${file}`
    case 'tag':
      return `${tagPath(scope)}/${file}`
  }
}

/** `/sitemap.xml` for the index, `/sitemap-{name}.xml` for each file (at the root, as the protocol wants). */
export function sitemapPath(name: string): string {
  return name === 'index' ? '/sitemap.xml' : `/sitemap-${name}.xml`
}

/** The site's URL scheme for distribution (wired in app.ts). */
export const distributionLinks: SiteLinks = {
  story: articlePath,
  section: sectionPath,
  author: authorPath,
  tag: tagPath,
  feed: feedPath,
  sitemap: sitemapPath,
}

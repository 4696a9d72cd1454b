/** A feed as the three formats share it: one channel and its items, built once from the stories. */

import { photoVariants } from '../../media/index.js'
import type { FeedStory } from '../../newsroom/index.js'
import {
  absolute,
  type FeedFormat,
  type FeedLogoImage,
  type SiteIdentity,
  type SiteLinks,
  tagUri,
} from '../links.js'
import { absolutizeHtml } from '../xml.js'

/** The subject a feed was resolved to (id null for the whole site). */
export interface ResolvedScope {
  kind: 'site' | 'section' | 'author' | 'tag'
  id: number | null
  slug: string | null
  name: string
  description: string
}

export interface FeedImage {
  url: string
  /** The rendition's public path (`/media/…`), for looking up its size. */
  path: string
  /** The rendition's size in bytes; null when the stored file could not be found. */
  bytes: number | null
  type: string
  width: number
  height: number
  caption: string
  credit: string
}

export interface FeedItem {
  /** A tag URI on the story id: stable across edits and slug changes. */
  id: string
  url: string
  title: string
  /** The dek (plain text); may be empty. */
  summary: string
  /** Absolute-linked body HTML in full-text feeds, null in excerpt feeds. */
  contentHtml: string | null
  published: Date
  updated: Date
  authors: { name: string; url: string }[]
  categories: string[]
  image: FeedImage | null
}

export interface FeedChannel {
  id: string
  title: string
  description: string
  /** The page the feed mirrors. */
  homeUrl: string
  /** The feed's own address in each format (self links and alternates). */
  urls: Record<FeedFormat, string>
  language: string
  siteName: string
  /**
   * The site logo (absolute URLs): `feed` fits RSS's `<image>` (at most 144×400), `large` is
   * Atom's `<logo>`; null when the site has none.
   */
  logo: { feed: FeedLogoImage; large: FeedLogoImage } | null
  /** The newest change among the items; the epoch for an empty feed (stable bytes, stable ETag). */
  updated: Date
  items: FeedItem[]
}

/** The widest lead-photo rendition a feed points at (readers scale it down). */
const FEED_IMAGE_WIDTH = 1200

/** Builds the channel for `scope` from its newest `stories`. */
export function feedChannel(
  site: SiteIdentity,
  links: SiteLinks,
  scope: ResolvedScope,
  stories: readonly FeedStory[],
): FeedChannel {
  const feedScope =
    scope.kind === 'site' ? { kind: 'site' as const } : { kind: scope.kind, slug: scope.slug ?? '' }
  const items = stories.map((story) => feedItem(site, links, story))
  let updated = new Date(0)
  for (const item of items) if (item.updated > updated) updated = item.updated
  return {
    id: tagUri(site, scope.kind === 'site' ? 'feed' : `feed:${scope.kind}:${scope.id ?? 0}`),
    title: scope.kind === 'site' ? site.name : `${scope.name} — ${site.name}`,
    description: scope.description,
    homeUrl: absolute(site, homePath(links, scope)),
    urls: {
      rss: absolute(site, links.feed(feedScope, 'rss')),
      atom: absolute(site, links.feed(feedScope, 'atom')),
      json: absolute(site, links.feed(feedScope, 'json')),
    },
    language: site.language,
    siteName: site.name,
    logo: channelLogo(site),
    updated,
    items,
  }
}

function channelLogo(site: SiteIdentity): FeedChannel['logo'] {
  const logo = site.logo
  if (logo === undefined || logo === null) return null
  const image = (file: FeedLogoImage): FeedLogoImage => ({ ...file, url: absolute(site, file.url) })
  return { feed: image(logo.feed), large: image(logo.large) }
}

function homePath(links: SiteLinks, scope: ResolvedScope): string {
  const slug = { slug: scope.slug ?? '' }
  switch (scope.kind) {
    case 'site':
      return '/'
    case 'section':
      return links.section(slug)
    case 'author':
      return links.author(slug)
    case 'tag':
      return links.tag(slug)
  }
}

function feedItem(site: SiteIdentity, links: SiteLinks, story: FeedStory): FeedItem {
  return {
    id: tagUri(site, `story:${story.id}`),
    url: absolute(site, links.story(story)),
    title: story.headline,
    summary: story.dek,
    contentHtml: story.bodyHtml === null ? null : absolutizeHtml(story.bodyHtml, site.url),
    published: story.publishedAt,
    updated: story.updatedAt ?? story.publishedAt,
    authors: story.authors.map((author) => ({
      name: author.name,
      url: absolute(site, links.author(author)),
    })),
    categories: [story.section.name, ...story.tags.map((tag) => tag.name)],
    image: story.leadPhoto === null ? null : feedImage(site, story.leadPhoto),
  }
}

function feedImage(
  site: SiteIdentity,
  photo: NonNullable<FeedStory['leadPhoto']>,
): FeedImage | null {
  const jpegs = photoVariants(photo).filter((variant) => variant.format === 'jpeg')
  const variant = jpegs.filter((v) => v.width <= FEED_IMAGE_WIDTH).pop() ?? jpegs[0]
  if (variant === undefined) return null
  return {
    url: absolute(site, variant.url),
    path: variant.url,
    bytes: null,
    type: 'image/jpeg',
    width: variant.width,
    height: variant.height,
    caption: photo.caption,
    credit: photo.credit,
  }
}

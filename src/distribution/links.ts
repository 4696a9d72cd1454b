/** The addresses distribution writes into feeds and sitemaps: the reader site's URL scheme, handed in. */

/** A feed's subject: the whole site, or one section, author or tag by slug. */
export type FeedScope = { kind: 'site' } | { kind: 'section' | 'author' | 'tag'; slug: string }

/** The three feed formats every scope offers. */
export type FeedFormat = 'rss' | 'atom' | 'json'

/**
 * Root-relative paths of reader pages, feeds and sitemap files. The web layer owns the URL
 * scheme and hands this in (app.ts), so a feed can never link to an address the site does not
 * answer.
 */
export interface SiteLinks {
  story(story: { slug: string; section: { slug: string } }): string
  section(section: { slug: string }): string
  author(author: { slug: string }): string
  tag(tag: { slug: string }): string
  feed(scope: FeedScope, format: FeedFormat): string
  /** A sitemap file by name ('index', 'sections', 'news', 'stories-3', …). */
  sitemap(name: string): string
}

/** Who the site is: the configured URL, and the name, language and logo the admin set. */
export interface SiteIdentity {
  readonly url: string
  readonly name: string
  readonly language: string
  /** The logo's renditions feeds use (root-relative); null or absent: no logo. */
  readonly logo?: {
    readonly feed: FeedLogoImage
    readonly large: FeedLogoImage
  } | null
}

/** One logo file: root-relative path and size in pixels. */
export interface FeedLogoImage {
  readonly url: string
  readonly width: number
  readonly height: number
}

/** The absolute URL of root-relative `path` on the site. */
export function absolute(site: SiteIdentity, path: string): string {
  return new URL(path, site.url + '/').href
}

/**
 * A tag URI (RFC 4151) naming one of the site's things for good: it rests on the story's (or
 * section's, author's, tag's) id, never its slug, so renaming a story keeps its feed id. The
 * date is the one this naming scheme was minted in and must never change.
 * @example tagUri(site, 'story:42') // 'tag:news.example.org,2026:story:42'
 */
export function tagUri(site: SiteIdentity, specific: string): string {
  return `tag:${new URL(site.url).hostname},2026:${specific}`
}

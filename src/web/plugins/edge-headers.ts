/**
 * What a public page tells a CDN (MASTHEAD_CDN_*): how long the edge may keep it (`s-maxage`,
 * `stale-while-revalidate`, `stale-if-error`) and the cache tags it is purged by (Surrogate-Key,
 * Cache-Tag). Worked out once per rendered page: page-entry.ts keeps the result in the stored
 * entry, so the front door and Fastify send the same bytes on every hit.
 */

import type { CdnConfig } from '../../config.js'
import { VIEW_TOKEN_MAX_AGE_MS } from '../../engagement/index.js'

/** The tag every page carries: purging it drops every page (and no asset) at the CDN. */
export const SITE_TAG = 'masthead'

/**
 * The longest a story page may live at the edge, s-maxage and stale-while-revalidate together.
 * Its view token (made at render) must still be accepted when a reader's beacon sends it back:
 * 30 minutes, less 60 s in the page cache, 60 s in the browser past the edge's copy, a minute of
 * clock skew between processes, and minutes to spare for a slow page or a prerendered tab.
 */
export const STORY_EDGE_SECONDS = Math.floor(VIEW_TOKEN_MAX_AGE_MS / 1000) - 600

/**
 * Fastly refuses a Surrogate-Key header over 16 KiB, Cloudflare a Cache-Tag header over 16 KB.
 * A page with more tags than fit is not kept past max-age at the edge (a lost tag would be a
 * purge that misses it); it still carries the site tag.
 */
const MAX_TAG_HEADER_BYTES = 16_000
/** A tag no CDN would take (a space splits Surrogate-Key, a comma Cache-Tag): never sent. */
const UNSAFE_TAG = /[\s,"]/

/** What the page cache knows of a page every cache may keep. */
export interface PublicPage {
  /** The browsers' max-age already worked out (60 s, or less when what the page shows expires). */
  readonly maxAgeSeconds: number
  /** The page's cache tags (PageResult.cacheTags). */
  readonly tags: readonly string[]
  /** A reading of a story: the page carries a view token, so its edge lifetime is capped. */
  readonly isStory: boolean
  /** What the page shows expires this soon (ms; PageResult.maxAgeMs, a banner's end). */
  readonly expiresInMs?: number | undefined
}

export interface EdgeAnswer {
  readonly cacheControl: string
  /** Flat header names and values (empty when no tag header is configured). */
  readonly tagHeaders: readonly string[]
}

export interface EdgeHeaders {
  /** The Cache-Control and tag headers of a public page. */
  publicPage(page: PublicPage): EdgeAnswer
}

/**
 * The headers MASTHEAD_CDN_* asks for.
 * @example createEdgeHeaders(config.cdn).publicPage({ maxAgeSeconds: 60, tags: ['front'], isStory: false })
 */
export function createEdgeHeaders(
  cdn: Pick<CdnConfig, 'sMaxAge' | 'staleWhileRevalidate' | 'staleIfError' | 'tagHeader'>,
): EdgeHeaders {
  const { sMaxAge, staleWhileRevalidate, staleIfError, tagHeader } = cdn
  const browsersOnly = (maxAgeSeconds: number): string => `public, max-age=${maxAgeSeconds}`
  return {
    publicPage: ({ maxAgeSeconds, tags, isStory, expiresInMs }) => {
      const tagHeaders = tagHeadersFor(tagHeader, tags)
      if (sMaxAge === 0 || tagHeaders === undefined)
        return {
          cacheControl: browsersOnly(maxAgeSeconds),
          tagHeaders: tagHeaders ?? siteTagOnly(tagHeader),
        }
      // What the page shows expires sooner (a banner's end): the edge keeps it no longer either.
      const limit =
        expiresInMs === undefined ? Infinity : Math.max(0, Math.floor(expiresInMs / 1000))
      const edge = Math.min(sMaxAge, limit, isStory ? STORY_EDGE_SECONDS : Infinity)
      const stale = Math.min(staleWhileRevalidate, isStory ? STORY_EDGE_SECONDS - edge : Infinity)
      let cacheControl = `${browsersOnly(maxAgeSeconds)}, s-maxage=${edge}`
      if (stale > 0) cacheControl += `, stale-while-revalidate=${stale}`
      if (staleIfError > 0) cacheControl += `, stale-if-error=${staleIfError}`
      return { cacheControl, tagHeaders }
    },
  }
}

/** No CDN configured: today's `public, max-age=N` and no tag header. */
export const noEdgeHeaders: EdgeHeaders = createEdgeHeaders({
  sMaxAge: 0,
  staleWhileRevalidate: 0,
  staleIfError: 0,
  tagHeader: 'none',
})

/** The tag header(s) for `tags` plus the site tag; undefined when they would be too long. */
function tagHeadersFor(
  setting: CdnConfig['tagHeader'],
  tags: readonly string[],
): string[] | undefined {
  if (setting === 'none') return []
  const keys = [...new Set([...tags.filter((tag) => !UNSAFE_TAG.test(tag)), SITE_TAG])]
  const spaced = keys.join(' ')
  if (Buffer.byteLength(spaced) > MAX_TAG_HEADER_BYTES) return undefined
  return withSetting(setting, spaced, keys.join(','))
}

function siteTagOnly(setting: CdnConfig['tagHeader']): string[] {
  return setting === 'none' ? [] : withSetting(setting, SITE_TAG, SITE_TAG)
}

function withSetting(
  setting: Exclude<CdnConfig['tagHeader'], 'none'>,
  spaced: string,
  commas: string,
): string[] {
  const surrogate = ['surrogate-key', spaced]
  const cacheTag = ['cache-tag', commas]
  if (setting === 'surrogate-key') return surrogate
  if (setting === 'cache-tag') return cacheTag
  return [...surrogate, ...cacheTag]
}

/** A page as the page cache stores it: its bodies and replayed headers, and what it sends in each coding. */

import { createHash } from 'node:crypto'
import { brotliCompressSync, constants as zlib, gzipSync } from 'node:zlib'
import type { CacheEntry } from '../../infra/cache-store/cache-store.js'
import type { ContentCoding } from '../http/negotiation.js'
import type { PageResult } from '../page-result.js'
import { type EdgeHeaders, noEdgeHeaders } from './edge-headers.js'

/** Bodies this small gain nothing from compression but the CPU it costs. */
const MIN_COMPRESS_BYTES = 1024
const TEXT_HTML = 'text/html; charset=utf-8'
/** The codings a page may be stored in, best first. */
export const PAGE_CODINGS: readonly ContentCoding[] = ['br', 'gzip']

/** Metadata keys of a page entry (CacheEntry.meta is ours to fill). */
const META = {
  etag: 'etag',
  cacheControl: 'cacheControl',
  lastModified: 'lastModified',
  viewOf: 'viewOf',
  contentType: 'contentType',
  /** The entry's cache tags, space-separated: a re-stored entry keeps them. */
  tags: 'tags',
  /** When the entry's ttl ends (ms since the epoch): a re-stored entry keeps it too. */
  expiresAt: 'expiresAt',
  /** The CDN's tag header(s), names and values joined by newlines (see edge-headers.ts). */
  edgeTags: 'edgeTags',
} as const

/**
 * Encodes `result` once: the body in the client's coding and the headers to replay, the CDN's
 * among them (`edge`: worked out here, once per entry, never per request).
 */
export function buildEntry(
  result: PageResult,
  cacheable: boolean,
  coding: ContentCoding,
  ttlMs: number,
  edge: EdgeHeaders = noEdgeHeaders,
): CacheEntry {
  const identity = Buffer.from(result.html, 'utf8')
  const meta: Record<string, string> = {
    [META.etag]: createHash('sha1').update(identity).digest('base64url'),
  }
  if (result.status === 200 && cacheable) {
    const { cacheControl, tagHeaders } = edge.publicPage({
      maxAgeSeconds: browserMaxAge(result.maxAgeMs),
      tags: result.cacheTags,
      isStory: result.viewOf !== undefined,
      expiresInMs: result.maxAgeMs,
    })
    meta[META.cacheControl] = cacheControl
    if (tagHeaders.length > 0) meta[META.edgeTags] = tagHeaders.join('\n')
  } else {
    meta[META.cacheControl] = cacheControlFor(result.status, cacheable)
  }
  if (result.lastModified !== null) meta[META.lastModified] = result.lastModified.toUTCString()
  if (result.contentType !== undefined) meta[META.contentType] = result.contentType
  if (result.viewOf !== undefined && result.status === 200)
    meta[META.viewOf] = String(result.viewOf)
  if (ttlMs > 0) {
    meta[META.tags] = result.cacheTags.join(' ')
    meta[META.expiresAt] = String(Date.now() + ttlMs)
  }
  const entry: CacheEntry = { bodies: { identity }, meta }
  // A miss compresses only for its own client (both codings cost ~2x on a miss's render path).
  return coding === 'identity' ? entry : withCoding(entry, coding)
}

/**
 * `entry` with its body also in `coding`: a new entry, `entry` itself when the body is too
 * small to be worth compressing.
 */
export function withCoding(entry: CacheEntry, coding: 'br' | 'gzip'): CacheEntry {
  const { identity } = entry.bodies
  if (identity.length < MIN_COMPRESS_BYTES) return entry
  const encoded =
    coding === 'br'
      ? brotliCompressSync(identity, {
          params: {
            [zlib.BROTLI_PARAM_QUALITY]: 5,
            [zlib.BROTLI_PARAM_MODE]: zlib.BROTLI_MODE_TEXT,
            [zlib.BROTLI_PARAM_SIZE_HINT]: identity.length,
          },
        })
      : gzipSync(identity, { level: 6 })
  return { bodies: { ...entry.bodies, [coding]: encoded }, meta: entry.meta }
}

/** The cache tags a stored entry was set with. */
export function tagsOf(entry: CacheEntry): string[] {
  const tags = entry.meta[META.tags]
  return tags === undefined || tags === '' ? [] : tags.split(' ')
}

/** Milliseconds left of a stored entry's ttl (0 for an entry never meant to be stored). */
export function remainingTtl(entry: CacheEntry): number {
  const expiresAt = entry.meta[META.expiresAt]
  return expiresAt === undefined ? 0 : Number(expiresAt) - Date.now()
}

/** Browsers and CDNs keep a page no longer than what it shows lasts (a banner's expiry). */
function browserMaxAge(maxAgeMs: number | undefined): number {
  return maxAgeMs === undefined ? 60 : Math.max(0, Math.min(60, Math.floor(maxAgeMs / 1000)))
}

/** Cache-Control of a page no shared cache may keep for long (public 200s: edge-headers.ts). */
function cacheControlFor(status: number, cacheable: boolean): string {
  if (status === 200 && !cacheable) return 'private, no-cache'
  // A missing page may appear when a story is published: cache briefly, the purge cannot reach it.
  if (status === 404 || status === 410) return 'public, max-age=30'
  return 'no-store'
}

/** What an entry sends in one coding, worked out once per entry and coding (see representationOf). */
export interface Representation {
  /** The bytes sent: the asked coding's body, or identity when the entry lacks it. */
  readonly body: Buffer
  /** Flat header names and values sent with a 200 and a 304 alike (vary, cache-control, validators). */
  readonly validatorHeaders: readonly string[]
  /** Flat header names and values of a 200 only (content type and coding). */
  readonly contentHeaders: readonly string[]
  /** The ETags a client may hold for these bytes (any coding's: they are the same page). */
  readonly etags: readonly string[]
  readonly lastModified: string | undefined
  /** The story the page is a reading of, for the view counter. */
  readonly viewOf: number | undefined
}

// Entries are never changed after set, so what they send in a coding can be kept beside them.
const representations = new WeakMap<CacheEntry, Partial<Record<ContentCoding, Representation>>>()

/**
 * What `entry` sends to a client that asked for `coding` (identity when the entry lacks it): the
 * same object on every serve of a stored entry, so a warm page builds no header strings.
 */
export function representationOf(entry: CacheEntry, coding: ContentCoding): Representation {
  let byCoding = representations.get(entry)
  if (byCoding === undefined) representations.set(entry, (byCoding = {}))
  let found = byCoding[coding]
  if (found === undefined) byCoding[coding] = found = buildRepresentation(entry, coding)
  return found
}

function buildRepresentation(entry: CacheEntry, coding: ContentCoding): Representation {
  const { meta, bodies } = entry
  const encoded = coding === 'identity' ? undefined : bodies[coding]
  const hash = meta[META.etag] ?? ''
  // Each coding is its own representation, so each gets its own strong validator (RFC 9110 8.8.3).
  const etag = encoded === undefined ? `"${hash}"` : `"${hash}-${coding === 'br' ? 'br' : 'gz'}"`
  const lastModified = meta[META.lastModified]
  const viewOf = meta[META.viewOf]
  const edgeTags = meta[META.edgeTags]
  return {
    body: encoded ?? bodies.identity,
    validatorHeaders: [
      'vary',
      'Accept-Encoding',
      'cache-control',
      meta[META.cacheControl] ?? 'no-store',
      'etag',
      etag,
      ...(lastModified === undefined ? [] : ['last-modified', lastModified]),
      // With a 304 too: a CDN revalidating its copy keeps the tags current (RFC 9111 4.3.4).
      ...(edgeTags === undefined ? [] : edgeTags.split('\n')),
    ],
    contentHeaders: [
      'content-type',
      meta[META.contentType] ?? TEXT_HTML,
      ...(encoded === undefined ? [] : ['content-encoding', coding]),
    ],
    etags: [`"${hash}"`, `"${hash}-br"`, `"${hash}-gz"`],
    lastModified,
    viewOf: viewOf === undefined ? undefined : Number(viewOf),
  }
}

/**
 * Whether `entry` can be sent to a client that asked for `coding` as it is stored: false when it
 * lacks that coding's body and the page is big enough to be worth compressing now.
 */
export function servesAsStored(entry: CacheEntry, coding: ContentCoding): boolean {
  return (
    coding === 'identity' ||
    entry.bodies[coding] !== undefined ||
    entry.bodies.identity.length < MIN_COMPRESS_BYTES
  )
}

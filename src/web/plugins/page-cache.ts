/** The page cache: reply.sendPage adds validators and compression, and warm pages skip routing entirely. */

import { createHash } from 'node:crypto'
import { brotliCompressSync, constants as zlib, gzipSync } from 'node:zlib'
import type { FastifyReply, FastifyRequest } from 'fastify'
import fp from 'fastify-plugin'
import type { CacheEntry, CacheStore } from '../../infra/cache-store/cache-store.js'
import type { Bus } from '../../infra/bus/bus.js'
import type { SendPageOptions } from '../fastify.js'
import { isNotModified } from '../http/conditional.js'
import { chooseEncoding, type ContentCoding } from '../http/negotiation.js'
import type { PageResult } from '../page-result.js'
import { EVERYTHING, subscribePageCacheInvalidation } from './page-cache-invalidation.js'
import type { FrontDoor } from './front-door.js'
import { createMissCoalescing, type SharedPage } from './miss-coalescing.js'
import { isTrackingParam, pageCacheKey } from './page-url.js'
import type { PageViewer } from './view-counting.js'

export interface PageCacheOptions {
  /** Where 200 pages are kept; undefined sends pages with validators but stores nothing. */
  store: CacheStore | undefined
  /** The bus whose events purge stale pages (see page-cache-invalidation.ts). */
  bus: Bus
  /** How long a stored page may be served; rankings on it may lag by this much. */
  ttlMs?: number
  /**
   * Called for every 200/304 answer of a page that is a reading of a story (PageResult.viewOf),
   * served from the cache or rendered: the view counter's hook (it decides what counts).
   */
  onPageView?: (request: PageViewer, articleId: number) => void
  /** Answers warm pages before Fastify when the store can look up at once (see front-door.ts). */
  frontDoor?: FrontDoor
  /**
   * How long a miss waits for the request already rendering the same page (routes with
   * `config: { storesPages: true }`, see miss-coalescing.ts) before it renders the page itself;
   * 0 renders every miss. Default 2000.
   */
  coalesceWaitMs?: number
}

/** Bodies this small gain nothing from compression but the CPU it costs. */
const MIN_COMPRESS_BYTES = 1024
const TEXT_HTML = 'text/html; charset=utf-8'
/** The codings a page may be stored in, best first. */
export const PAGE_CODINGS: readonly ContentCoding[] = ['br', 'gzip']

/** A cache hit's key and the purge generation at its lookup (a purge since forbids re-storing). */
interface EntryOrigin {
  key: string
  generation: number
}

/** Registers reply.sendPage, the cache-hit hook, tracking-parameter stripping and invalidation. */
export const pageCachePlugin = fp<PageCacheOptions>(
  async (app, { store, bus, ttlMs = 60_000, onPageView, frontDoor, coalesceWaitMs = 2000 }) => {
    // Bumped by every purge: a page rendered across a purge may show stale data, so it is not stored.
    let purgeGeneration = 0
    const generationAtMiss = new WeakMap<FastifyRequest, number>()
    const coalescing = createMissCoalescing({ waitMs: coalesceWaitMs })
    /** The requests rendering a page others wait for, and how each hands it over. */
    const leaders = new WeakMap<FastifyRequest, (shared: SharedPage | undefined) => void>()

    const unsubscribe = subscribePageCacheInvalidation(
      bus,
      async (tags) => {
        purgeGeneration += 1
        if (tags.includes(EVERYTHING)) {
          await store?.clear()
          app.log.debug('page cache cleared')
          return
        }
        const purged = (await store?.purgeTags(tags)) ?? 0
        app.log.debug({ tags, purged }, 'page cache purged')
      },
      async () => {
        purgeGeneration += 1
        await store?.clear()
        app.log.warn('page cache cleared: events from other processes may have been missed')
      },
    )
    app.addHook('onClose', async () => unsubscribe())

    /**
     * Sends `entry`. When the client wants a coding the entry lacks, the body is compressed now
     * and, for a cache hit with no purge since its lookup, a new complete entry (same tags, the
     * rest of the same ttl) replaces it in the store: a stored entry is never changed after `set`.
     */
    const serve = (
      request: FastifyRequest,
      reply: FastifyReply,
      entry: CacheEntry,
      status: number,
      origin: EntryOrigin | undefined,
    ): FastifyReply => {
      const coding = chooseEncoding(request.headers['accept-encoding'], PAGE_CODINGS)
      let served = entry
      if (coding !== 'identity' && entry.bodies[coding] === undefined) {
        served = withCoding(entry, coding)
        const ttl = remainingTtl(served)
        if (
          store !== undefined &&
          origin !== undefined &&
          origin.generation === purgeGeneration &&
          served !== entry &&
          ttl > 0
        ) {
          store
            .set(origin.key, served, { tags: tagsOf(served), ttlMs: ttl })
            .catch((error: unknown) => request.log.warn({ err: error }, 'page cache store failed'))
        }
      }
      return serveEntry(request, reply, served, coding, status, onPageView)
    }

    const getNow = store?.getNow?.bind(store)
    if (frontDoor !== undefined && getNow !== undefined) {
      frontDoor.open({ lookup: getNow, ...(onPageView === undefined ? {} : { onPageView }) })
      // From the first step of a close, Fastify answers (503 to new requests).
      app.addHook('preClose', (done) => {
        frontDoor.close()
        done()
      })
    }

    if (store !== undefined) {
      /**
       * Serves the stored page, or on a miss lets the request render (`done`), unless the same
       * page is being rendered for another request: then this one waits for it (until `until`).
       */
      const lookUp = (
        request: FastifyRequest,
        reply: FastifyReply,
        done: () => void,
        until?: number,
      ): void => {
        const key = pageCacheKey(request.url)
        const generation = purgeGeneration
        const render = (): void => {
          generationAtMiss.set(request, purgeGeneration)
          done()
        }
        store.get(key).then(
          (entry) => {
            if (entry !== undefined)
              return void serve(request, reply, entry, 200, { key, generation })
            if (coalesceWaitMs <= 0 || request.routeOptions.config.storesPages !== true)
              return render()
            const coding = chooseEncoding(request.headers['accept-encoding'], PAGE_CODINGS)
            const flight = coalescing.join(`${coding} ${key}`, until)
            if (flight.lead) {
              leaders.set(request, flight.settle)
              return render()
            }
            const deadline = until ?? Date.now() + coalesceWaitMs
            void flight.shared.then((shared) => {
              if (shared === undefined) render()
              else if (shared.generation === purgeGeneration)
                serve(request, reply, shared.entry, 200, undefined)
              // Purged since the leader missed: its page may be stale; wait for the next render.
              else if (Date.now() < deadline) lookUp(request, reply, done, deadline)
              else render()
            })
          },
          (error: unknown) => {
            request.log.warn({ err: error }, 'page cache lookup failed')
            done()
          },
        )
      }
      // Warm pages the front door left (conditional and HEAD requests, a coding the entry lacks,
      // requests through inject): one lookup, a few headers and a buffer write.
      app.addHook('onRequest', (request, reply, done) => {
        if (request.method !== 'GET' && request.method !== 'HEAD') return done()
        lookUp(request, reply, done)
      })
      // A leader that answered without a page to share (a redirect, an error): its waiters render.
      app.addHook('onResponse', (request, _reply, done) => {
        leaders.get(request)?.(undefined)
        done()
      })
    }

    // Tracking parameters never reach a route's schema, so routes may reject unknown parameters.
    app.addHook('preValidation', async (request) => {
      const query = request.query
      if (query === null || typeof query !== 'object') return
      for (const name of Object.keys(query)) {
        if (isTrackingParam(name)) delete (query as Record<string, unknown>)[name]
      }
    })

    app.decorateReply(
      'sendPage',
      function sendPage(this: FastifyReply, result: PageResult, options: SendPageOptions = {}) {
        const request = this.request
        const cacheable = result.status === 200 && options.cache !== false
        const generation = generationAtMiss.get(request)
        const ttl = Math.min(ttlMs, result.maxAgeMs ?? ttlMs)
        const storing =
          cacheable &&
          ttl > 0 &&
          store !== undefined &&
          generation === purgeGeneration &&
          (request.method === 'GET' || request.method === 'HEAD')
        const coding = chooseEncoding(request.headers['accept-encoding'], PAGE_CODINGS)
        const entry = buildEntry(result, cacheable, coding, storing ? ttl : 0)
        if (storing) {
          store
            .set(pageCacheKey(request.url), entry, { tags: result.cacheTags, ttlMs: ttl })
            .catch((error: unknown) => request.log.warn({ err: error }, 'page cache store failed'))
        }
        const lead = leaders.get(request)
        if (lead !== undefined) {
          leaders.delete(request)
          // Shared like a stored page, purge or not (the waiters check the generation): never a
          // page a hit could not be (an error, `cache: false`) or one setting a cookie.
          const shareable =
            cacheable && ttl > 0 && generation !== undefined && !this.hasHeader('set-cookie')
          lead(shareable ? { entry, generation } : undefined)
        }
        return serve(request, this, entry, result.status, undefined)
      },
    )
  },
  { name: 'masthead-page-cache' },
)

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
} as const

/** Encodes `result` once: the body in the client's coding and the headers to replay. */
function buildEntry(
  result: PageResult,
  cacheable: boolean,
  coding: ContentCoding,
  ttlMs: number,
): CacheEntry {
  const identity = Buffer.from(result.html, 'utf8')
  const meta: Record<string, string> = {
    [META.etag]: createHash('sha1').update(identity).digest('base64url'),
    [META.cacheControl]: cacheControlFor(result.status, cacheable, result.maxAgeMs),
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
function withCoding(entry: CacheEntry, coding: 'br' | 'gzip'): CacheEntry {
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
function tagsOf(entry: CacheEntry): string[] {
  const tags = entry.meta[META.tags]
  return tags === undefined || tags === '' ? [] : tags.split(' ')
}

/** Milliseconds left of a stored entry's ttl (0 for an entry never meant to be stored). */
function remainingTtl(entry: CacheEntry): number {
  const expiresAt = entry.meta[META.expiresAt]
  return expiresAt === undefined ? 0 : Number(expiresAt) - Date.now()
}

function cacheControlFor(status: number, cacheable: boolean, maxAgeMs?: number): string {
  if (status === 200) {
    if (!cacheable) return 'private, no-cache'
    // Browsers and CDNs keep a page no longer than what it shows lasts (a banner's expiry).
    const seconds =
      maxAgeMs === undefined ? 60 : Math.max(0, Math.min(60, Math.floor(maxAgeMs / 1000)))
    return `public, max-age=${seconds}`
  }
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

/** Sends `entry` in `coding` (identity when it lacks that body), or 304 when the client's copy is current. */
function serveEntry(
  request: FastifyRequest,
  reply: FastifyReply,
  entry: CacheEntry,
  coding: ContentCoding,
  status: number,
  onPageView: PageCacheOptions['onPageView'],
): FastifyReply {
  const sent = representationOf(entry, coding)
  if (onPageView !== undefined && sent.viewOf !== undefined) onPageView(request, sent.viewOf)
  setHeaders(reply, sent.validatorHeaders)
  if (
    status === 200 &&
    isNotModified(
      {
        ifNoneMatch: request.headers['if-none-match'],
        ifModifiedSince: request.headers['if-modified-since'],
      },
      { etags: sent.etags, lastModified: sent.lastModified },
    )
  ) {
    return reply.code(304).send()
  }
  setHeaders(reply, sent.contentHeaders)
  return reply.code(status).send(sent.body)
}

function setHeaders(reply: FastifyReply, flat: readonly string[]): void {
  for (let i = 0; i < flat.length; i += 2) reply.header(flat[i]!, flat[i + 1])
}

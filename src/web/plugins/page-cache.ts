/** The page cache: reply.sendPage adds validators and compression, and warm pages skip routing entirely. */

import { createHash } from 'node:crypto'
import { brotliCompressSync, constants as zlib, gzipSync } from 'node:zlib'
import type { FastifyReply, FastifyRequest } from 'fastify'
import fp from 'fastify-plugin'
import type { CacheEntry, CacheStore } from '../../infra/cache-store/cache-store.js'
import type { Bus } from '../../infra/bus/bus.js'
import type { SendPageOptions } from '../fastify.js'
import type { PageResult } from '../page-result.js'
import { subscribePageCacheInvalidation } from './page-cache-invalidation.js'
import { isTrackingParam, pageCacheKey } from './page-url.js'

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
  onPageView?: (request: FastifyRequest, articleId: number) => void
}

type Encoding = 'br' | 'gzip' | 'identity'

/** Bodies this small gain nothing from compression but the CPU it costs. */
const MIN_COMPRESS_BYTES = 1024
const TEXT_HTML = 'text/html; charset=utf-8'

/** Registers reply.sendPage, the cache-hit hook, tracking-parameter stripping and invalidation. */
export const pageCachePlugin = fp<PageCacheOptions>(
  async (app, { store, bus, ttlMs = 60_000, onPageView }) => {
    // Bumped by every purge: a page rendered across a purge may show stale data, so it is not stored.
    let purgeGeneration = 0
    const generationAtMiss = new WeakMap<FastifyRequest, number>()

    const unsubscribe = subscribePageCacheInvalidation(bus, async (tags) => {
      purgeGeneration += 1
      const purged = (await store?.purgeTags(tags)) ?? 0
      app.log.debug({ tags, purged }, 'page cache purged')
    })
    app.addHook('onClose', async () => unsubscribe())

    if (store !== undefined) {
      // The hot path: a warm page costs one lookup, a few headers and a buffer write.
      app.addHook('onRequest', (request, reply, done) => {
        if (request.method !== 'GET' && request.method !== 'HEAD') return done()
        store.get(pageCacheKey(request.url)).then(
          (entry) => {
            if (entry === undefined) {
              generationAtMiss.set(request, purgeGeneration)
              done()
            } else {
              serveEntry(request, reply, entry, 200, onPageView)
            }
          },
          (error: unknown) => {
            request.log.warn({ err: error }, 'page cache lookup failed')
            done()
          },
        )
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
        const storing =
          cacheable &&
          store !== undefined &&
          generationAtMiss.get(request) === purgeGeneration &&
          (request.method === 'GET' || request.method === 'HEAD')
        const entry = buildEntry(result, cacheable, [chooseEncoding(request)])
        if (storing) {
          store
            .set(pageCacheKey(request.url), entry, { tags: result.cacheTags, ttlMs })
            .catch((error: unknown) => request.log.warn({ err: error }, 'page cache store failed'))
        }
        return serveEntry(request, this, entry, result.status, onPageView)
      },
    )
  },
  { name: 'masthead-page-cache' },
)

/** Encodes `result` once: the bodies in each wanted coding and the headers to replay. */
function buildEntry(
  result: PageResult,
  cacheable: boolean,
  encodings: readonly Encoding[],
): CacheEntry {
  const identity = Buffer.from(result.html, 'utf8')
  const bodies: { identity: Buffer; br?: Buffer; gzip?: Buffer } = { identity }
  for (const encoding of encodings) encodedBody(bodies, encoding)
  const meta: Record<string, string> = {
    etag: createHash('sha1').update(identity).digest('base64url'),
    cacheControl: cacheControlFor(result.status, cacheable),
  }
  if (result.lastModified !== null) meta.lastModified = result.lastModified.toUTCString()
  if (result.viewOf !== undefined && result.status === 200) meta.viewOf = String(result.viewOf)
  return { bodies, meta }
}

/**
 * The body in `encoding`, compressed on first need and kept in the entry: a cache miss pays only
 * for the coding its client asked for (both codings cost ~2x on the render path of a miss).
 */
function encodedBody(bodies: CacheEntry['bodies'], encoding: Encoding): Buffer | undefined {
  if (encoding === 'identity' || bodies.identity.length < MIN_COMPRESS_BYTES) return undefined
  const existing = bodies[encoding]
  if (existing !== undefined) return existing
  const encoded =
    encoding === 'br'
      ? brotliCompressSync(bodies.identity, {
          params: {
            [zlib.BROTLI_PARAM_QUALITY]: 5,
            [zlib.BROTLI_PARAM_MODE]: zlib.BROTLI_MODE_TEXT,
            [zlib.BROTLI_PARAM_SIZE_HINT]: bodies.identity.length,
          },
        })
      : gzipSync(bodies.identity, { level: 6 })
  bodies[encoding] = encoded
  return encoded
}

function cacheControlFor(status: number, cacheable: boolean): string {
  if (status === 200) return cacheable ? 'public, max-age=60' : 'private, no-cache'
  // A missing page may appear when a story is published: cache briefly, the purge cannot reach it.
  if (status === 404 || status === 410) return 'public, max-age=30'
  return 'no-store'
}

/** Sends `entry` in the best coding the client accepts, or 304 when its copy is current. */
function serveEntry(
  request: FastifyRequest,
  reply: FastifyReply,
  entry: CacheEntry,
  status: number,
  onPageView: PageCacheOptions['onPageView'],
): FastifyReply {
  const { meta, bodies } = entry
  if (onPageView !== undefined && meta.viewOf !== undefined)
    onPageView(request, Number(meta.viewOf))
  const encoding = chooseEncoding(request)
  const body = encodedBody(bodies, encoding)
  const hash = meta.etag ?? ''
  // Each coding is its own representation, so each gets its own strong validator (RFC 9110 8.8.3).
  const etag = body === undefined ? `"${hash}"` : `"${hash}-${encoding === 'br' ? 'br' : 'gz'}"`
  reply.header('vary', 'Accept-Encoding')
  reply.header('cache-control', meta.cacheControl ?? 'no-store')
  reply.header('etag', etag)
  if (meta.lastModified !== undefined) reply.header('last-modified', meta.lastModified)
  if (status === 200 && isNotModified(request, hash, meta.lastModified)) {
    return reply.code(304).send()
  }
  reply.header('content-type', TEXT_HTML)
  if (body !== undefined) reply.header('content-encoding', encoding)
  return reply.code(status).send(body ?? bodies.identity)
}

/** RFC 9110 13.1: If-None-Match wins over If-Modified-Since; both compare weakly here. */
function isNotModified(
  request: FastifyRequest,
  hash: string,
  lastModified: string | undefined,
): boolean {
  const ifNoneMatch = request.headers['if-none-match']
  if (ifNoneMatch !== undefined) {
    if (ifNoneMatch.trim() === '*') return true
    return ifNoneMatch.split(',').some((tag) => {
      const opaque = tag.trim().replace(/^W\//, '').replace(/^"|"$/g, '')
      return opaque === hash || opaque === `${hash}-br` || opaque === `${hash}-gz`
    })
  }
  const ifModifiedSince = request.headers['if-modified-since']
  if (ifModifiedSince === undefined || lastModified === undefined) return false
  const since = Date.parse(ifModifiedSince)
  return !Number.isNaN(since) && Date.parse(lastModified) <= since
}

/** Picks br, then gzip, then identity, honouring q=0 refusals. */
function chooseEncoding(request: FastifyRequest): Encoding {
  const header = request.headers['accept-encoding']
  if (header === undefined || header === '') return 'identity'
  if (!header.includes(';')) {
    if (header.includes('br')) return 'br'
    return header.includes('gzip') ? 'gzip' : 'identity'
  }
  const accepted = new Set<string>()
  for (const part of header.split(',')) {
    const [name = '', ...params] = part.trim().toLowerCase().split(';')
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='))
    if (q === undefined || Number(q.slice(2)) > 0) accepted.add(name.trim())
  }
  if (accepted.has('br')) return 'br'
  return accepted.has('gzip') ? 'gzip' : 'identity'
}

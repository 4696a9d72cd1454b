/** The page cache: reply.sendPage adds validators and compression, and warm pages skip routing entirely. */

import type { FastifyReply, FastifyRequest } from 'fastify'
import fp from 'fastify-plugin'
import type { CacheEntry, CacheStore } from '../../infra/cache-store/cache-store.js'
import type { Bus } from '../../infra/bus/bus.js'
import type { SendPageOptions } from '../fastify.js'
import { isNotModified } from '../http/conditional.js'
import { chooseEncoding, type ContentCoding } from '../http/negotiation.js'
import type { PageResult } from '../page-result.js'
import { EVERYTHING, subscribePageCacheInvalidation } from './page-cache-invalidation.js'
import type { EdgeHeaders } from './edge-headers.js'
import type { FrontDoor } from './front-door.js'
import { createMissCoalescing, type SharedPage } from './miss-coalescing.js'
import {
  buildEntry,
  PAGE_CODINGS,
  remainingTtl,
  representationOf,
  tagsOf,
  withCoding,
} from './page-entry.js'
import { isTrackingParam, pageCacheKey } from './page-url.js'
import { createPurgeClock } from './purge-clock.js'
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
  /** What public pages tell a CDN (edge-headers.ts); default: `public, max-age=60`, no tags. */
  edge?: EdgeHeaders
}

/** A cache hit's key and the purge generation at its lookup (a purge since forbids re-storing). */
interface EntryOrigin {
  key: string
  generation: number
}

/** Registers reply.sendPage, the cache-hit hook, tracking-parameter stripping and invalidation. */
export const pageCachePlugin = fp<PageCacheOptions>(
  async (
    app,
    { store, bus, ttlMs = 60_000, onPageView, frontDoor, coalesceWaitMs = 2000, edge },
  ) => {
    // A page rendered across a purge of one of its tags may show stale data: not stored nor shared.
    const purges = createPurgeClock()
    const generationAtMiss = new WeakMap<FastifyRequest, number>()
    const coalescing = createMissCoalescing({ waitMs: coalesceWaitMs })
    /** The requests rendering a page others wait for, and how each hands it over. */
    const leaders = new WeakMap<FastifyRequest, (shared: SharedPage | undefined) => void>()

    const unsubscribe = subscribePageCacheInvalidation(
      bus,
      async (tags) => {
        purges.purge(tags)
        if (tags.includes(EVERYTHING)) {
          await store?.clear()
          app.log.debug('page cache cleared')
          return
        }
        const purged = (await store?.purgeTags(tags)) ?? 0
        app.log.debug({ tags, purged }, 'page cache purged')
      },
      async () => {
        purges.purge([EVERYTHING])
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
          !purges.purgedSince(origin.generation, tagsOf(served)) &&
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
        const generation = purges.now()
        // A page rendered across a purge after `since` is not stored (nor shared as current).
        const render = (since: number): void => {
          generationAtMiss.set(request, since)
          done()
        }
        store.get(key).then(
          (entry) => {
            if (entry !== undefined)
              return void serve(request, reply, entry, 200, { key, generation })
            if (coalesceWaitMs <= 0 || request.routeOptions.config.storesPages !== true)
              return render(generation)
            const coding = chooseEncoding(request.headers['accept-encoding'], PAGE_CODINGS)
            const flight = coalescing.join(`${coding} ${key}`, until)
            if (flight.lead) {
              leaders.set(request, flight.settle)
              return render(generation)
            }
            const deadline = until ?? Date.now() + coalesceWaitMs
            void flight.shared.then((shared) => {
              if (shared === undefined) render(purges.now())
              else if (!purges.purgedSince(shared.generation, shared.tags))
                serve(request, reply, shared.entry, 200, undefined)
              // Purged since the leader missed: its page may be stale; wait for the next render.
              else if (Date.now() < deadline) lookUp(request, reply, done, deadline)
              else render(purges.now())
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
          generation !== undefined &&
          !purges.purgedSince(generation, result.cacheTags) &&
          (request.method === 'GET' || request.method === 'HEAD')
        const coding = chooseEncoding(request.headers['accept-encoding'], PAGE_CODINGS)
        const entry = buildEntry(result, cacheable, coding, storing ? ttl : 0, edge)
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
          lead(shareable ? { entry, generation, tags: result.cacheTags } : undefined)
        }
        return serve(request, this, entry, result.status, undefined)
      },
    )
  },
  { name: 'masthead-page-cache' },
)

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

/**
 * Tells a CDN which pages to drop: tags asked for within a short window (200 ms) go out as one
 * batch, and a request that fails is sent again after 1, 5 and 20 s, each failure logged.
 * Nothing is kept on disk: a process that dies with purges pending or retrying loses them (the
 * pages then wait for their s-maxage at the edge).
 */

import type { Logger } from '../logger.js'
import { type Purge, type PurgeRequest, type PurgeTarget, purgeRequests } from './purge-requests.js'

/** Waits before the second, third and fourth attempt of a failed purge request. */
export const RETRY_DELAYS_MS: readonly number[] = [1000, 5000, 20_000]

export interface CdnPurgerDeps {
  target: PurgeTarget
  /** The tag every page carries (a whole-site purge at providers without purge_everything). */
  siteTag: string
  logger: Logger
  /** How long tags gather before they are sent as one batch (ms; default 200). */
  batchMs?: number
  /** Waits between attempts (default RETRY_DELAYS_MS); their number is the retries. */
  retryDelaysMs?: readonly number[]
  /** How long one request may take before it counts as failed (ms; default 10 s). */
  timeoutMs?: number
}

export interface CdnPurger {
  /** Drops the pages carrying any of `tags` at the CDN (in the next batch). */
  purge(tags: readonly string[]): void
  /** Drops every page at the CDN (the next batch is that alone). */
  purgeEverything(): void
  /**
   * Sends the pending batch now and waits for requests in flight; retries still waiting are
   * given up (logged). Later calls to purge are ignored.
   */
  close(): Promise<void>
}

/**
 * Creates a purger for `target`; it sends nothing until asked.
 * @example const purger = createCdnPurger({ target: config.cdn.purge, siteTag: 'masthead', logger })
 */
export function createCdnPurger(deps: CdnPurgerDeps): CdnPurger {
  const { target, siteTag, logger, batchMs = 200, timeoutMs = 10_000 } = deps
  const delays = deps.retryDelaysMs ?? RETRY_DELAYS_MS
  const pending = new Set<string>()
  let everything = false
  let batchTimer: NodeJS.Timeout | undefined
  let closed = false
  const inFlight = new Set<Promise<void>>()
  const retries = new Map<NodeJS.Timeout, PurgeRequest>()

  const send = (request: PurgeRequest, attempt: number): void => {
    const sending = attemptOnce(request, timeoutMs).then((failure) => {
      inFlight.delete(sending)
      if (failure === undefined) {
        logger.debug({ provider: target.provider, tags: request.tags.length }, 'CDN purged')
        return
      }
      const retryInMs = delays[attempt]
      const about = { provider: target.provider, tags: request.tags, attempt: attempt + 1 }
      if (retryInMs === undefined || closed) {
        logger.error(
          { ...about, failure },
          'CDN purge failed; given up (pages stay cached until their s-maxage)',
        )
        return
      }
      logger.warn({ ...about, failure, retryInMs }, 'CDN purge failed; retrying')
      const timer = setTimeout(() => {
        retries.delete(timer)
        send(request, attempt + 1)
      }, retryInMs)
      timer.unref()
      retries.set(timer, request)
    })
    inFlight.add(sending)
  }

  const flush = (): void => {
    clearTimeout(batchTimer)
    batchTimer = undefined
    if (!everything && pending.size === 0) return
    // A whole-site purge covers whatever tags were asked for with it.
    const purge: Purge = everything ? { everything: true } : { tags: [...pending] }
    everything = false
    pending.clear()
    for (const request of purgeRequests(target, purge, siteTag)) send(request, 0)
  }

  const schedule = (): void => {
    if (batchTimer !== undefined) return
    batchTimer = setTimeout(flush, batchMs)
    // close() sends what is pending: the timer need not keep a finishing command alive.
    batchTimer.unref()
  }

  return {
    purge: (tags) => {
      if (closed || tags.length === 0) return
      for (const tag of tags) pending.add(tag)
      schedule()
    },
    purgeEverything: () => {
      if (closed) return
      everything = true
      schedule()
    },
    close: async () => {
      if (closed) return
      flush()
      closed = true
      for (const [timer, request] of retries) {
        clearTimeout(timer)
        logger.error(
          { provider: target.provider, tags: request.tags },
          'CDN purge given up at shutdown (pages stay cached until their s-maxage)',
        )
      }
      retries.clear()
      while (inFlight.size > 0) await Promise.all([...inFlight])
    },
  }
}

/** Sends `request` once; resolves with what went wrong, or undefined when the CDN took it. */
async function attemptOnce(request: PurgeRequest, timeoutMs: number): Promise<string | undefined> {
  try {
    const response = await fetch(request.url, {
      method: 'POST',
      headers: request.headers,
      ...(request.body === undefined ? {} : { body: request.body }),
      signal: AbortSignal.timeout(timeoutMs),
    })
    // The answer says why a purge was refused (Cloudflare's errors[]); never more than a line.
    const text = await response.text().catch(() => '')
    return response.ok ? undefined : `HTTP ${response.status}: ${text.slice(0, 200)}`
  } catch (error) {
    return error instanceof Error ? `${error.name}: ${error.message}` : String(error)
  }
}

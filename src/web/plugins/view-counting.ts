/** The glue between HTTP requests and the view counter: what it needs to know about a request. */

import type { IncomingHttpHeaders } from 'node:http'
import type { Engagement, ViewRequest } from '../../engagement/index.js'

/** What a view is judged by: a FastifyRequest has it, and so does the front door's request. */
export interface PageViewer {
  readonly method: string
  /** The client's address as Fastify's request.ip gives it (behind trusted proxies, theirs). */
  readonly ip: string
  readonly headers: IncomingHttpHeaders
}

/** The facts the counter judges a request by (method, client address, headers). */
export function viewRequestOf(request: PageViewer): ViewRequest {
  return { method: request.method, address: request.ip, headers: request.headers }
}

/**
 * The page cache's onPageView hook: counts each serve of a story page, cache hits included.
 * @example app.register(pageCachePlugin, { store, bus, onPageView: pageViewCounter(engagement) })
 */
export function pageViewCounter(
  engagement: Engagement,
): (request: PageViewer, articleId: number) => void {
  return (request, articleId) => {
    engagement.countView(articleId, viewRequestOf(request))
  }
}

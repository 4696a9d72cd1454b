/** The glue between HTTP requests and the view counter: what it needs to know about a request. */

import type { FastifyRequest } from 'fastify'
import type { Engagement, ViewRequest } from '../../engagement/index.js'

/** The facts the counter judges a request by (method, client address, headers). */
export function viewRequestOf(request: FastifyRequest): ViewRequest {
  return { method: request.method, address: request.ip, headers: request.headers }
}

/**
 * The page cache's onPageView hook: counts each serve of a story page, cache hits included.
 * @example app.register(pageCachePlugin, { store, bus, onPageView: pageViewCounter(engagement) })
 */
export function pageViewCounter(
  engagement: Engagement,
): (request: FastifyRequest, articleId: number) => void {
  return (request, articleId) => {
    engagement.countView(articleId, viewRequestOf(request))
  }
}

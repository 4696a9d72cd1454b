/** Refuses writes a browser sends on behalf of another site (a foreign Origin, Sec-Fetch-Site: cross-site). */

import type { FastifyRequest } from 'fastify'
import { crossSiteRequest } from './errors.js'

export interface CrossSiteOptions {
  /** The site's public URL (config.site.url): its origin is always ours. */
  siteUrl: string
  /**
   * Whether `Origin: null` passes (HTML forms: a page with a strict referrer policy or a
   * sandboxed frame sends it; the stamp still guards them). The JSON API refuses it.
   */
  allowNullOrigin: boolean
}

/**
 * A preHandler that throws CROSS_SITE_REQUEST (403) when the browser says the request comes
 * from another site: `Sec-Fetch-Site: cross-site`, or an `Origin` that is neither the site's
 * public origin nor the origin the request was addressed to. Clients that send neither header
 * (scripts, curl) pass: they are no confused browser, and the rate limits apply to them.
 * @example app.post('/x', { preHandler: refuseCrossSite({ siteUrl, allowNullOrigin: false }) }, h)
 */
export function refuseCrossSite({ siteUrl, allowNullOrigin }: CrossSiteOptions) {
  const siteOrigin = new URL(siteUrl).origin
  return async (request: FastifyRequest): Promise<void> => {
    if (request.headers['sec-fetch-site'] === 'cross-site') throw crossSiteRequest()
    const origin = request.headers.origin
    if (origin === undefined || origin === siteOrigin) return
    if (origin === 'null') {
      if (allowNullOrigin) return
      throw crossSiteRequest()
    }
    if (origin !== `${request.protocol}://${request.host}`) throw crossSiteRequest()
  }
}

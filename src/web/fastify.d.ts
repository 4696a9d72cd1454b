/** Type declarations for what Masthead's global plugins add to Fastify's request and reply. */

import type { PageResult } from './page-result.js'

/** How sendPage treats one result. */
export interface SendPageOptions {
  /** False keeps a 200 page out of the shared page cache (e.g. it shows a per-reader notice). */
  cache?: boolean
}

declare module 'fastify' {
  /** What the OpenAPI document (web/api/openapi.ts) reads from a route's schema besides the shapes. */
  interface FastifySchema {
    summary?: string
    description?: string
    tags?: readonly string[]
    /** OpenAPI security requirements, e.g. [{ apiKey: [] }]. */
    security?: readonly Record<string, readonly string[]>[]
  }

  interface FastifyReply {
    /**
     * Sends a rendered page with ETag, Last-Modified, Cache-Control and compression, answering
     * 304 when the client already has it; 200 GET pages are kept in the page cache under their tags.
     * @example return reply.sendPage(await loadArticlePage(services, params))
     */
    sendPage(result: PageResult, options?: SendPageOptions): FastifyReply
  }
}

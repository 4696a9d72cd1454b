/** Type declarations for what Masthead's global plugins add to Fastify's request and reply. */

import type { Actor, Permission } from '../accounts/index.js'
import type { NewsroomPageOptions } from './newsroom/newsroom-page.js'
import type { PageResult } from './page-result.js'

/** How sendPage treats one result. */
export interface SendPageOptions {
  /** False keeps a 200 page out of the shared page cache (e.g. it shows a per-reader notice). */
  cache?: boolean
}

/** The signed-in newsroom session of a request (newsroom routes only). */
export interface NewsroomSession {
  /** The cookie's session token (only the sign-in and account routes need it). */
  token: string
  /** Put in every form (`<CsrfField />`) or sent as the X-CSRF-Token header. */
  csrfToken: string
  /** When the session ends at the latest (its absolute timeout). */
  expiresAt: Date
}

/** How a newsroom route is guarded (route option `config: { newsroom: { … } }`). */
export interface NewsroomRouteConfig {
  /** Open to signed-out visitors (sign-in, password reset). Default: sign-in required. */
  public?: boolean
  /** The permission a signed-in user needs for this screen; else the 403 page. */
  permission?: Permission
  /**
   * The route reads a multipart body itself (a file upload, streamed, so it is not parsed before
   * the guard runs) and checks the CSRF field with `requireCsrf` before it keeps any file. The
   * guard still refuses foreign origins.
   */
  multipartCsrf?: boolean
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

  interface FastifyInstance {
    /** Compiles the route validators no request has used yet (server.ts compiles them lazily). */
    compilePendingValidators(): Promise<void>
  }

  interface FastifyContextConfig {
    /** Newsroom routes only: who may open the route (see src/web/newsroom/routes.ts). */
    newsroom?: NewsroomRouteConfig
    /**
     * The route answers GETs with reply.sendPage pages the page cache keeps: concurrent misses of
     * one page render it once (see src/web/plugins/miss-coalescing.ts). Leave it off routes whose
     * answers are never stored (search, forms, the catch-all 404), or their misses would queue.
     */
    storesPages?: boolean
  }

  interface FastifyRequest {
    /** The signed-in newsroom user; null when signed out or outside /newsroom. */
    actor: Actor | null
    /** The signed-in session (CSRF token for forms); null when signed out or outside /newsroom. */
    newsroomSession: NewsroomSession | null
  }

  interface FastifyReply {
    /**
     * Newsroom routes only: renders `page` inside the newsroom layout (header, navigation by
     * permission, sign-out form) and sends it, never cached, never indexed.
     * @example return reply.newsroomPage({ title: 'Stories', current: 'stories', main: <StoryList … /> })
     */
    newsroomPage(page: NewsroomPageOptions): FastifyReply

    /**
     * Sends a rendered page with ETag, Last-Modified, Cache-Control and compression, answering
     * 304 when the client already has it; 200 GET pages are kept in the page cache under their tags.
     * @example return reply.sendPage(await loadArticlePage(services, params))
     */
    sendPage(result: PageResult, options?: SendPageOptions): FastifyReply
  }
}

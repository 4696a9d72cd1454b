/**
 * The newsroom's hooks: who is signed in (request.actor), who may open the route, and the CSRF
 * check on every request that changes something. Registered inside the newsroom plugin only.
 */

import type { FastifyReply, FastifyRequest } from 'fastify'
import {
  type Accounts,
  csrfMatches,
  requirePermission,
  sessionRequired,
} from '../../accounts/index.js'
import { refuseCrossSite } from '../plugins/cross-site.js'
import { csrfTokenInvalid } from '../plugins/errors.js'
import { CSRF_FIELD } from './components/csrf-field.js'
import { signInPath } from './return-path.js'
import { clearedSessionCookie, sessionTokenFrom } from './session-cookie.js'

/** The header a script sends the CSRF token in (from `<meta name="csrf-token">`). */
export const CSRF_HEADER = 'x-csrf-token'

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

/** Headers every newsroom answer carries: never stored by anyone, never indexed. */
export function markPrivate(reply: FastifyReply): void {
  reply.header('cache-control', 'private, no-store')
  reply.header('x-robots-tag', 'noindex, nofollow')
}

/**
 * Throws CSRF_TOKEN_INVALID unless `given` is the CSRF token of the request's session (for routes
 * with `multipartCsrf`, which read the form field themselves).
 */
export function requireCsrf(request: FastifyRequest, given: unknown): void {
  const session = request.newsroomSession
  if (session === null || typeof given !== 'string' || !csrfMatches(session.token, given))
    throw csrfTokenInvalid()
}

/** Builds the guard's hooks for the newsroom plugin. */
export function sessionGuard({ accounts, siteUrl }: { accounts: Accounts; siteUrl: string }) {
  const secure = new URL(siteUrl).protocol === 'https:'
  const refuseForeign = refuseCrossSite({ siteUrl, allowNullOrigin: false })

  /** onRequest: finds the session, then sends the signed-out to sign-in and the unpermitted to 403. */
  const onRequest = async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    markPrivate(reply)
    const token = sessionTokenFrom(request.headers.cookie)
    const signedIn = token === undefined ? undefined : await accounts.resolveSession(token)
    if (token !== undefined && signedIn === undefined)
      reply.header('set-cookie', clearedSessionCookie(secure))
    request.actor = signedIn?.actor ?? null
    request.newsroomSession =
      token === undefined || signedIn === undefined
        ? null
        : { token, csrfToken: signedIn.csrfToken, expiresAt: signedIn.expiresAt }

    const rule = request.routeOptions.config.newsroom ?? {}
    if (rule.public === true) return
    const actor = request.actor
    if (actor === null) {
      if (request.method === 'GET' || request.method === 'HEAD') {
        await reply.redirect(signInPath(request.url), 303)
        return
      }
      throw sessionRequired()
    }
    requirePermission(actor, 'newsroom.enter')
    if (rule.permission !== undefined) requirePermission(actor, rule.permission)
  }

  /**
   * preValidation (the body is parsed by then): a write must come from our own pages and, when
   * signed in, carry the session's CSRF token, which is then removed so route schemas never see it.
   */
  const preValidation = async (request: FastifyRequest): Promise<void> => {
    if (SAFE_METHODS.has(request.method)) return
    await refuseForeign(request)
    if (request.routeOptions.config.newsroom?.multipartCsrf === true) return
    const body = request.body
    const form =
      body !== null && typeof body === 'object' ? (body as Record<string, unknown>) : undefined
    const fromForm = form?.[CSRF_FIELD]
    if (form !== undefined) delete form[CSRF_FIELD]
    if (request.routeOptions.config.newsroom?.public === true) return
    requireCsrf(request, typeof fromForm === 'string' ? fromForm : request.headers[CSRF_HEADER])
  }

  return { onRequest, preValidation }
}

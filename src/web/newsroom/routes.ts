/**
 * The newsroom plugin (/newsroom): sign-in and sign-out, the home, the account and password
 * reset pages, and every screen of NEWSROOM_SCREENS, all behind the session guard.
 */

import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify'
import { can } from '../../accounts/index.js'
import { isMastheadError } from '../../lib/errors.js'
import { errorTitle, prefersHtml, publicError } from '../plugins/error-handler.js'
import { accountRoutes } from './account-routes.js'
import { dashboardReply } from './dashboard/routes.js'
import { navFor } from './nav.js'
import { decorateNewsroomPage } from './newsroom-page.js'
import { NewsroomErrorPage } from './pages/error-page.js'
import { HomePage } from './pages/home-page.js'
import { SignInPage } from './pages/sign-in-page.js'
import { NEWSROOM_HOME, safeReturnPath } from './return-path.js'
import { SignInForm, SignInQuery, NoticeQuery, EmptyForm } from './route-schemas.js'
import { NEWSROOM_SCREENS, type NewsroomScreenOptions } from './screens.js'
import { clearedSessionCookie, sessionCookie } from './session-cookie.js'
import { sessionGuard } from './session-guard.js'

/** Confirmations a redirect may ask a page to show (?notice=…); anything else shows nothing. */
export const NOTICES: Readonly<Record<string, string>> = {
  'signed-out': 'You are signed out.',
  'signed-out-everywhere': 'You are signed out on every device.',
  'password-reset': 'Your new password is set. Sign in with it.',
  'password-changed': 'Your password is changed. Your other sessions have ended.',
}

export type NewsroomOptions = NewsroomScreenOptions & {
  /** How long the session cookie is kept by the browser (the session's absolute timeout). */
  sessionMaxMs: number
  /** The screens registered inside (default NEWSROOM_SCREENS; tests add probes). */
  screens?: readonly FastifyPluginAsync<NewsroomScreenOptions>[]
}

/**
 * The encapsulated newsroom; registered by the server at /newsroom.
 * @example app.register(newsroomPlugin, { prefix: '/newsroom', services, site, assets, sessionMaxMs })
 */
export const newsroomPlugin: FastifyPluginAsync<NewsroomOptions> = async (app, options) => {
  const { services, site, assets } = options
  const { accounts } = services
  const secure = new URL(site.url).protocol === 'https:'
  const guard = sessionGuard({ accounts, siteUrl: site.url })
  const exists = (href: string): boolean => app.hasRoute({ method: 'GET', url: href })

  app.decorateRequest('actor', null)
  app.decorateRequest('newsroomSession', null)
  decorateNewsroomPage(app, { site, assets })
  app.addHook('onRequest', guard.onRequest)
  app.addHook('preValidation', guard.preValidation)

  // People get the newsroom's own error page; scripts get the global JSON answer.
  app.setErrorHandler(async (error, request, reply) => {
    if (!prefersHtml(request)) throw error
    const answer = publicError(error, request.id)
    if (answer.status >= 500) request.log.error({ err: error }, 'newsroom request failed')
    else request.log.info({ code: answer.code, status: answer.status }, 'newsroom request refused')
    const retryAfter = answer.details.retryAfterSeconds
    if (answer.status === 429 && typeof retryAfter === 'number')
      reply.header('retry-after', String(Math.ceil(retryAfter)))
    const serverFault = answer.status >= 500
    return reply.newsroomPage({
      title: errorTitle(answer.status),
      status: answer.status,
      main: NewsroomErrorPage({
        title: errorTitle(answer.status),
        message: serverFault
          ? `Something went wrong on our side (request ${request.id}).`
          : answer.message,
        code: answer.code,
        signedIn: request.actor !== null,
      }),
    })
  })

  const signInForm = (
    reply: FastifyReply,
    page: { next: string; email?: string; error?: string; notice?: string; status?: number },
  ): FastifyReply =>
    reply.newsroomPage({
      title: 'Sign in',
      status: page.status ?? 200,
      main: SignInPage({
        next: page.next,
        email: page.email ?? '',
        error: page.error,
        notice: page.notice,
      }),
    })

  app.get<{ Querystring: SignInQuery }>(
    '/sign-in',
    { config: { newsroom: { public: true } }, schema: { querystring: SignInQuery } },
    async (request, reply) => {
      const next = safeReturnPath(request.query.next)
      if (request.actor !== null) return reply.redirect(next, 303)
      return signInForm(reply, { next, notice: NOTICES[request.query.notice ?? ''] })
    },
  )

  app.post<{ Body: SignInForm }>(
    '/sign-in',
    { config: { newsroom: { public: true } }, schema: { body: SignInForm } },
    async (request, reply) => {
      const { email, password } = request.body
      const next = safeReturnPath(request.body.next)
      try {
        const { token } = await accounts.signIn({
          email,
          password,
          address: request.ip,
          previousToken: request.newsroomSession?.token,
        })
        reply.header('set-cookie', sessionCookie(token, options.sessionMaxMs / 1000, secure))
        return reply.redirect(next, 303)
      } catch (error) {
        if (!isMastheadError(error) || !error.code.startsWith('SIGN_IN_')) throw error
        const { status, details } = publicError(error, request.id)
        if (typeof details.retryAfterSeconds === 'number')
          reply.header('retry-after', String(details.retryAfterSeconds))
        return signInForm(reply, { next, email, error: error.message, status })
      }
    },
  )

  app.post(
    '/sign-out',
    { schema: { body: EmptyForm } },
    async (request: FastifyRequest, reply: FastifyReply) => {
      if (request.newsroomSession !== null) await accounts.signOut(request.newsroomSession.token)
      reply.header('set-cookie', clearedSessionCookie(secure))
      return reply.redirect('/newsroom/sign-in?notice=signed-out', 303)
    },
  )

  app.get<{ Querystring: NoticeQuery }>(
    '/',
    { schema: { querystring: NoticeQuery } },
    async (request, reply) => {
      const actor = request.actor
      if (actor === null) return reply.redirect('/newsroom/sign-in', 303)
      const notice = NOTICES[request.query.notice ?? '']
      // Roles that may see the figures get the dashboard; the others the plain welcome.
      if (can(actor, 'analytics.view')) return dashboardReply(reply, services, actor, notice)
      // Moderators have one screen: the home sends them straight to it (unless it has news).
      if (
        notice === undefined &&
        can(actor, 'comments.moderate') &&
        !can(actor, 'stories.list') &&
        exists('/newsroom/comments')
      )
        return reply.redirect('/newsroom/comments', 303)
      return reply.newsroomPage({
        title: 'Home',
        current: 'home',
        main: HomePage({
          actor,
          nav: navFor(actor, exists),
          notice,
        }),
      })
    },
  )

  await app.register(accountRoutes, { accounts, secure })
  for (const screen of options.screens ?? NEWSROOM_SCREENS)
    await app.register(screen, { services, site, assets })

  // Anything else under /newsroom is the newsroom's own 404 (private, behind sign-in), never a
  // reader page the public cache could keep.
  app.all('/*', async (request, reply) =>
    reply.newsroomPage({
      title: errorTitle(404),
      status: 404,
      main: NewsroomErrorPage({
        title: errorTitle(404),
        message: 'There is no newsroom page at this address.',
        code: 'ROUTE_NOT_FOUND',
        signedIn: request.actor !== null,
      }),
    }),
  )
}

export { NEWSROOM_HOME }

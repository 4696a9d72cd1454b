/** The account routes: the user's own page (password change, sign out everywhere) and password reset by link. */

import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify'
import { type Accounts, sessionRequired } from '../../accounts/index.js'
import { isMastheadError } from '../../lib/errors.js'
import { publicError } from '../plugins/error-handler.js'
import { AccountPage } from './pages/account-page.js'
import { ForgotPasswordPage, ResetPasswordPage } from './pages/password-reset-pages.js'
import {
  EmptyForm,
  ForgotForm,
  NoticeQuery,
  PasswordChangeForm,
  ResetForm,
  ResetParams,
} from './route-schemas.js'
import { clearedSessionCookie } from './session-cookie.js'

/** Refusals a password form shows next to its fields (anything else is an error page). */
const FORM_CODES = new Set([
  'PASSWORD_CURRENT_WRONG',
  'PASSWORD_CONFIRMATION_MISMATCH',
  'USER_PASSWORD_TOO_SHORT',
  'USER_PASSWORD_TOO_LONG',
])

const ACCOUNT_NOTICES: Readonly<Record<string, string>> = {
  'password-changed': 'Your password is changed. Your other sessions have ended.',
}

/** Registered inside the newsroom plugin (so behind its guard). */
export const accountRoutes: FastifyPluginAsync<{ accounts: Accounts; secure: boolean }> = async (
  app,
  { accounts, secure },
) => {
  const signedIn = (request: FastifyRequest) => {
    const { actor, newsroomSession } = request
    if (actor === null || newsroomSession === null) throw sessionRequired()
    return { actor, session: newsroomSession }
  }

  const accountPage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    page: { error?: string; notice?: string; status?: number },
  ): Promise<FastifyReply> => {
    const { actor, session } = signedIn(request)
    const user = await accounts.findById(actor.userId)
    if (user === undefined) throw sessionRequired()
    return reply.newsroomPage({
      title: 'Your account',
      current: 'account',
      status: page.status ?? 200,
      main: AccountPage({
        actor,
        email: user.email,
        csrfToken: session.csrfToken,
        expiresAt: session.expiresAt,
        error: page.error,
        notice: page.notice,
      }),
    })
  }

  app.get<{ Querystring: NoticeQuery }>(
    '/account',
    { schema: { querystring: NoticeQuery } },
    async (request, reply) =>
      accountPage(request, reply, { notice: ACCOUNT_NOTICES[request.query.notice ?? ''] }),
  )

  app.post<{ Body: PasswordChangeForm }>(
    '/account/password',
    { schema: { body: PasswordChangeForm } },
    async (request, reply) => {
      const { actor, session } = signedIn(request)
      try {
        await accounts.changePassword(actor, { ...request.body, keepToken: session.token })
      } catch (error) {
        if (!isMastheadError(error) || !FORM_CODES.has(error.code)) throw error
        const { status } = publicError(error, request.id)
        return accountPage(request, reply, { error: error.message, status })
      }
      return reply.redirect('/newsroom/account?notice=password-changed', 303)
    },
  )

  app.post(
    '/account/sign-out-everywhere',
    { schema: { body: EmptyForm } },
    async (request, reply) => {
      await accounts.signOutEverywhere(signedIn(request).actor)
      reply.header('set-cookie', clearedSessionCookie(secure))
      return reply.redirect('/newsroom/sign-in?notice=signed-out-everywhere', 303)
    },
  )

  const open = { config: { newsroom: { public: true } } }

  app.get('/forgot-password', open, async (_request, reply) =>
    reply.newsroomPage({ title: 'Reset your password', main: ForgotPasswordPage({ sent: false }) }),
  )

  app.post<{ Body: ForgotForm }>(
    '/forgot-password',
    { ...open, schema: { body: ForgotForm } },
    async (request, reply) => {
      // The same answer whether or not the address has an account.
      await accounts.requestReset(request.body.email)
      return reply.newsroomPage({
        title: 'Reset your password',
        main: ForgotPasswordPage({ sent: true }),
      })
    },
  )

  app.get<{ Params: ResetParams }>(
    '/reset-password/:token',
    { ...open, schema: { params: ResetParams } },
    async (request, reply) => {
      const valid = (await accounts.checkResetToken(request.params.token)) !== undefined
      return reply.newsroomPage({
        title: 'Choose a new password',
        status: valid ? 200 : 400,
        main: ResetPasswordPage({ token: request.params.token, valid }),
      })
    },
  )

  app.post<{ Params: ResetParams; Body: ResetForm }>(
    '/reset-password/:token',
    { ...open, schema: { params: ResetParams, body: ResetForm } },
    async (request, reply) => {
      const { token } = request.params
      try {
        await accounts.resetPassword({ token, ...request.body })
      } catch (error) {
        if (!isMastheadError(error)) throw error
        const valid = error.code !== 'PASSWORD_RESET_INVALID'
        if (valid && !FORM_CODES.has(error.code)) throw error
        return reply.newsroomPage({
          title: 'Choose a new password',
          status: publicError(error, request.id).status,
          main: ResetPasswordPage({ token, valid, error: error.message }),
        })
      }
      reply.header('set-cookie', clearedSessionCookie(secure))
      return reply.redirect('/newsroom/sign-in?notice=password-reset', 303)
    },
  )
}

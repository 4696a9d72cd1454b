/**
 * /newsroom/users (admins only): invite a user with a one-time link that sets their password,
 * change a role, deactivate (every session of theirs ends at once). The accounts service
 * enforces the rules (never the last active admin); this screen shows its refusals.
 */

import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify'
import { parseRole, type User, userIdNotFound } from '../../../accounts/index.js'
import { isMastheadError, type MastheadError } from '../../../lib/errors.js'
import { publicError } from '../../plugins/error-handler.js'
import type { NewsroomScreenOptions } from '../screens.js'
import { DeactivatePage, type InviteDraft, type InviteShown, UsersPage } from './users-page.js'
import { EmptyForm } from '../route-schemas.js'
import { AddUserForm, RoleForm, UserParams, UsersQuery } from './users-schemas.js'

const USERS_NOTICES: Readonly<Record<string, string>> = {
  'role-changed': 'The role is changed.',
  deactivated: 'The user is deactivated; their sessions have ended.',
}

/** Refusals a person can act on (bad input, a taken address, the last admin): shown on the page. */
const shownOnPage = (error: unknown): error is MastheadError =>
  isMastheadError(error) && (error.kind === 'invalid' || error.kind === 'conflict')

/** Registers the screen (inside the newsroom plugin). */
export const userScreens: FastifyPluginAsync<NewsroomScreenOptions> = async (app, options) => {
  const { accounts } = options.services
  const config = { newsroom: { permission: 'users.manage' as const } }
  const csrfOf = (request: FastifyRequest): string => request.newsroomSession?.csrfToken ?? ''

  const render = async (
    request: FastifyRequest,
    reply: FastifyReply,
    extra: {
      notice?: string | undefined
      addError?: string
      draft?: InviteDraft
      error?: string
      invited?: InviteShown
      status?: number
    } = {},
  ) =>
    reply.newsroomPage({
      title: 'Users',
      current: 'users',
      status: extra.status ?? 200,
      main: UsersPage({ ...extra, users: await accounts.listUsers(), csrfToken: csrfOf(request) }),
    })

  /** The user of `id`, or USER_NOT_FOUND (a 404). */
  const userOf = async (id: number): Promise<User> => {
    const user = await accounts.findById(id)
    if (user === undefined) throw userIdNotFound(id)
    return user
  }

  app.get<{ Querystring: UsersQuery }>(
    '/users',
    { config, schema: { querystring: UsersQuery } },
    async (request, reply) =>
      render(request, reply, { notice: USERS_NOTICES[request.query.notice ?? ''] }),
  )

  // No redirect after an invitation: the link is a secret shown once, so it may not travel in a
  // URL (history, logs). Posting again is harmless: the address is then taken (a 409).
  app.post<{ Body: AddUserForm }>(
    '/users',
    { config, schema: { body: AddUserForm } },
    async (request, reply) => {
      const { name, email, role } = request.body
      try {
        const invited = await accounts.inviteUser({ name, email, role: parseRole(role) })
        request.log.info({ userId: invited.user.id, by: request.actor?.userId }, 'user invited')
        return render(request, reply, {
          status: 201,
          invited: {
            name: invited.user.name,
            email: invited.user.email,
            url: invited.url,
            expiresAt: invited.expiresAt,
            mailed: invited.mailed,
          },
        })
      } catch (error) {
        if (!shownOnPage(error)) throw error
        return render(request, reply, {
          addError: error.message,
          draft: { name, email, role },
          status: publicError(error, request.id).status,
        })
      }
    },
  )

  app.post<{ Params: UserParams; Body: RoleForm }>(
    '/users/:id/role',
    { config, schema: { params: UserParams, body: RoleForm } },
    async (request, reply) => {
      const user = await userOf(request.params.id)
      try {
        await accounts.setRole(user.email, request.body.role)
      } catch (error) {
        if (!shownOnPage(error)) throw error
        return render(request, reply, {
          error: error.message,
          status: publicError(error, request.id).status,
        })
      }
      return reply.redirect('/newsroom/users?notice=role-changed', 303)
    },
  )

  app.get<{ Params: UserParams }>(
    '/users/:id/deactivate',
    { config, schema: { params: UserParams } },
    async (request, reply) => {
      const user = await userOf(request.params.id)
      if (user.deactivatedAt !== null) return reply.redirect('/newsroom/users', 303)
      return reply.newsroomPage({
        title: `Deactivate ${user.name}`,
        current: 'users',
        main: DeactivatePage({ user, csrfToken: csrfOf(request) }),
      })
    },
  )

  app.post<{ Params: UserParams }>(
    '/users/:id/deactivate',
    { config, schema: { params: UserParams, body: EmptyForm } },
    async (request, reply) => {
      const user = await userOf(request.params.id)
      try {
        const { endedSessions } = await accounts.deactivate(user.email)
        request.log.info(
          { userId: user.id, endedSessions, by: request.actor?.userId },
          'user deactivated',
        )
      } catch (error) {
        if (!shownOnPage(error)) throw error
        return render(request, reply, {
          error: error.message,
          status: publicError(error, request.id).status,
        })
      }
      return reply.redirect('/newsroom/users?notice=deactivated', 303)
    },
  )
}

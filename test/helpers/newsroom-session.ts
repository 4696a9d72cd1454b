/** Signs test users in to the newsroom through the real sign-in form (for route tests). */

import type { FastifyInstance } from 'fastify'
import type { Accounts, UserRole } from '../../src/accounts/index.js'

/** A signed-in browser, as far as inject needs one. */
export interface NewsroomClient {
  /** The Cookie header value. */
  cookie: string
  /** The session's CSRF token (from `<meta name="csrf-token">`). */
  csrf: string
  userId: number
}

export const TEST_PASSWORD = 'correct horse battery staple'

const FORM = 'application/x-www-form-urlencoded'

/** Posts the sign-in form; returns the response. */
export async function postSignIn(
  web: FastifyInstance,
  email: string,
  password: string,
  extra: { ip?: string; cookie?: string; next?: string } = {},
) {
  return web.inject({
    method: 'POST',
    url: '/newsroom/sign-in',
    remoteAddress: extra.ip ?? '203.0.113.9',
    headers: {
      accept: 'text/html',
      'content-type': FORM,
      origin: 'http://127.0.0.1:3000',
      ...(extra.cookie === undefined ? {} : { cookie: extra.cookie }),
    },
    payload: new URLSearchParams({
      email,
      password,
      ...(extra.next === undefined ? {} : { next: extra.next }),
    }).toString(),
  })
}

/** Signs in `email` and reads the CSRF token from the home page. */
export async function signIn(
  web: FastifyInstance,
  email: string,
  password = TEST_PASSWORD,
  ip?: string,
): Promise<Omit<NewsroomClient, 'userId'>> {
  const response = await postSignIn(web, email, password, ip === undefined ? {} : { ip })
  if (response.statusCode !== 303) throw new Error(`sign-in failed: ${response.statusCode}`)
  const cookie = String(response.headers['set-cookie']).split(';')[0] ?? ''
  // The account page, which every role has (a moderator's /newsroom redirects to the desk).
  const home = await web.inject({
    url: '/newsroom/account',
    headers: { accept: 'text/html', cookie },
  })
  const csrf = /<meta name="csrf-token" content="([^"]+)"/.exec(home.body)?.[1]
  if (csrf === undefined) throw new Error('no CSRF token on the account page')
  return { cookie, csrf }
}

/** Creates a user with `role` and signs them in. */
export async function newsroomClient(
  web: FastifyInstance,
  accounts: Accounts,
  role: UserRole,
  email = `${role}-${Math.random().toString(36).slice(2, 8)}@example.org`,
): Promise<NewsroomClient> {
  const { user } = await accounts.addUser({
    email,
    name: `Test ${role}`,
    role,
    password: TEST_PASSWORD,
  })
  return { ...(await signIn(web, email)), userId: user.id }
}

/** Posts a form as `client` (CSRF token included unless `csrf: false`). */
export async function postForm(
  web: FastifyInstance,
  client: Pick<NewsroomClient, 'cookie' | 'csrf'>,
  url: string,
  fields: Record<string, string> = {},
  options: { csrf?: boolean; origin?: string } = {},
) {
  const form = new URLSearchParams(fields)
  if (options.csrf !== false) form.set('_csrf', client.csrf)
  return web.inject({
    method: 'POST',
    url,
    headers: {
      accept: 'text/html',
      'content-type': FORM,
      cookie: client.cookie,
      origin: options.origin ?? 'http://127.0.0.1:3000',
    },
    payload: form.toString(),
  })
}

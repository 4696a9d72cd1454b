/** The accounts domain's public surface: createAccounts and its types. */

import type { Db } from '../db/database.js'
import { classifyDbError } from '../db/dialect/classify-db-error.js'
import type { Logger } from '../infra/logger.js'
import type { Mailer } from '../infra/mail/mailer.js'
import type { Clock } from '../lib/clock.js'
import type { Accounts } from './accounts.js'
import { userEmailTaken, userLastAdmin, userNotFound } from './errors.js'
import { createPasswordReset, INVITE_LINK_MS } from './password-reset.js'
import { DEFAULT_HASH_COST, generatePassword, type HashCost, hashPassword } from './passwords.js'
import { createSessions, type SessionPolicy } from './sessions.js'
import { createSignIn } from './sign-in.js'
import type { User } from './types.js'
import { checkPassword, normalizeEmail, normalizeName, parseRole } from './user-rules.js'
import {
  allUsers,
  insertUser,
  otherActiveAdmins,
  updateUser,
  userByEmail,
  userById,
  userCount,
} from './user-queries.js'

export type * from './types.js'
export type { Accounts }
export type { SignedIn, SessionPolicy } from './sessions.js'
export type { SignInAttempt } from './sign-in.js'
export { csrfMatches } from './sessions.js'
export { sessionRequired, userIdNotFound } from './errors.js'
export { INVITE_LINK_MS, MAILED_LINK_MS, PRINTED_LINK_MS } from './password-reset.js'
export { USER_ROLES } from './types.js'
export { sweepSessionsJob } from './jobs/sweep-sessions.js'
export { parseRole } from './user-rules.js'
export type { HashCost } from './passwords.js'
export { can, PERMISSIONS, requirePermission } from './permissions.js'
export type { Actor, Permission, PermissionSettings, StoryAccess } from './permissions.js'

/** What the accounts service needs; only db and clock are required (tests). */
export interface AccountsDeps {
  db: Db
  clock: Clock
  /** Session lifetimes (default: 4 h idle, 7 days at most). */
  sessionPolicy?: SessionPolicy
  /** How long too many failed sign-ins lock an account or address (default 15 min). */
  signInLockMs?: number
  /** Delivers reset links (default: none are sent). */
  mailer?: Mailer
  logger?: Logger
  /** The link a reset token is opened at. */
  resetUrl?: (token: string) => string
  /** The site's name as e-mails give it, read at each message (the admin's setting). */
  siteName?: () => string
  /** argon2id cost for new hashes (default DEFAULT_HASH_COST; tests pass a cheaper one). */
  hashCost?: HashCost
}

const DEFAULT_POLICY: SessionPolicy = { idleMs: 4 * 3_600_000, maxMs: 7 * 86_400_000 }

/**
 * Builds the accounts service.
 * @example const { user, generatedPassword } = await createAccounts({ db, clock }).addUser({ email, name, role: 'admin' })
 */
export function createAccounts(deps: AccountsDeps): Accounts {
  const { db, clock } = deps
  const hashCost = deps.hashCost ?? DEFAULT_HASH_COST
  const hash = (password: string) => hashPassword(password, hashCost)
  const sessions = createSessions({ db, clock, policy: deps.sessionPolicy ?? DEFAULT_POLICY })
  const signIn = createSignIn({
    db,
    clock,
    sessions,
    lockMs: deps.signInLockMs ?? 15 * 60_000,
    hash,
  })
  const mailer = deps.mailer ?? { delivers: false, send: async () => {} }
  const logger = deps.logger ?? silentLogger()
  const siteName = deps.siteName ?? (() => 'Masthead')
  const reset = createPasswordReset({
    siteName,
    db,
    clock,
    sessions,
    mailer,
    logger,
    resetUrl: deps.resetUrl ?? ((token) => `/newsroom/reset-password/${token}`),
    onReset: (user) => signIn.clearFailures(user.email),
    hash,
  })

  const existing = async (email: string): Promise<User> => {
    const normalized = email.trim().toLowerCase()
    const user = await userByEmail(db, normalized)
    if (user === undefined) throw userNotFound(normalized)
    return user
  }
  /** Refuses to leave no active admin behind. */
  const keepAnAdmin = async (user: User): Promise<void> => {
    if (user.role === 'admin' && user.deactivatedAt === null) {
      if ((await otherActiveAdmins(db, user.id)) === 0) throw userLastAdmin()
    }
  }

  const addUser: Accounts['addUser'] = async (input) => {
    const email = normalizeEmail(input.email)
    const name = normalizeName(input.name)
    const role = parseRole(input.role)
    if (input.password !== undefined) checkPassword(input.password)
    if ((await userByEmail(db, email)) !== undefined) throw userEmailTaken(email)
    const generatedPassword = input.password === undefined ? generatePassword() : undefined
    const passwordHash = await hash(input.password ?? generatedPassword ?? '')
    try {
      const user = await insertUser(db, { email, name, role, passwordHash }, clock.now())
      return { user, generatedPassword }
    } catch (error) {
      if (classifyDbError(error) === 'unique') throw userEmailTaken(email)
      throw error
    }
  }

  return {
    ...signIn,
    ...reset,
    addUser,
    inviteUser: async (input) => {
      // The random password is dropped: only the link can set one the user knows.
      const { user } = await addUser(input)
      const { url, expiresAt } = await reset.createResetLink(user.email, INVITE_LINK_MS)
      if (!mailer.delivers) return { user, url, expiresAt, mailed: false }
      try {
        await mailer.send({
          to: user.email,
          subject: `You are invited to the ${siteName()} newsroom`,
          text:
            `Hello ${user.name},\n\nYou have an account in the ${siteName()} newsroom (${user.role}).\n` +
            `Open this link within 7 days to choose your password:\n\n${url}\n`,
        })
        return { user, url, expiresAt, mailed: true }
      } catch (error) {
        // The admin still sees the link and can pass it on by hand.
        logger.error({ err: error, userId: user.id }, 'invitation mail failed')
        return { user, url, expiresAt, mailed: false }
      }
    },
    findByEmail: (email) => userByEmail(db, email.trim().toLowerCase()),
    findById: (id) => userById(db, id),
    countUsers: () => userCount(db),
    listUsers: () => allUsers(db),
    setRole: async (email, role) => {
      const user = await existing(email)
      const next = parseRole(role)
      if (next !== 'admin') await keepAnAdmin(user)
      await updateUser(db, user.id, { role: next }, clock.now())
      return { ...user, role: next }
    },
    deactivate: async (email) => {
      const user = await existing(email)
      if (user.deactivatedAt !== null) return { user, endedSessions: 0 }
      await keepAnAdmin(user)
      const now = clock.now()
      await updateUser(db, user.id, { deactivatedAt: now }, now)
      const endedSessions = await sessions.endAllFor(user.id)
      return { user: { ...user, deactivatedAt: now }, endedSessions }
    },
    resolveSession: (token) => sessions.resolve(token),
    signOut: (token) => sessions.end(token),
    sweepSessions: () => sessions.sweep(),
  }
}

/** A logger that drops everything (tests that build accounts without one). */
function silentLogger(): Logger {
  const noop = (): void => {}
  const logger = { info: noop, warn: noop, error: noop, debug: noop, child: () => logger }
  return logger as unknown as Logger
}

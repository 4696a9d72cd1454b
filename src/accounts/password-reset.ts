/**
 * Password reset by one-time link: printed by `masthead user reset-password`, or e-mailed on
 * request (the request never tells whether the address has an account).
 */

import type { Db } from '../db/database.js'
import type { Logger } from '../infra/logger.js'
import type { Mailer } from '../infra/mail/mailer.js'
import type { Clock } from '../lib/clock.js'
import { passwordConfirmationMismatch, passwordResetInvalid, userNotFound } from './errors.js'
import {
  deleteUnusedResetTokens,
  insertResetToken,
  newestResetAt,
  resetByHash,
  useResetToken,
} from './reset-queries.js'
import type { Sessions } from './sessions.js'
import { newToken, tokenHash } from './tokens.js'
import type { User } from './types.js'
import { checkPassword } from './user-rules.js'
import { userByEmail, userById, updateUser } from './user-queries.js'

/** How long an e-mailed link works. */
export const MAILED_LINK_MS = 60 * 60_000
/** How long a link printed by the CLI works (the operator passes it on by hand). */
export const PRINTED_LINK_MS = 24 * 60 * 60_000
/** How long an invitation link works (a new colleague may not read mail the same day). */
export const INVITE_LINK_MS = 7 * 24 * 60 * 60_000
/** One e-mailed link per user per this long, so the form cannot flood an inbox. */
const MAIL_EVERY_MS = 60_000

/** The password reset part of the accounts service. */
export interface PasswordReset {
  /** A one-time link for `email`'s user, valid for `validMs` (throws USER_NOT_FOUND). */
  createResetLink(
    email: string,
    validMs?: number,
  ): Promise<{ url: string; user: User; expiresAt: Date }>
  /** Mails a link when `email` belongs to an active user; resolves the same way either way. */
  requestReset(email: string): Promise<void>
  /** The user a still valid link belongs to, or undefined. */
  checkResetToken(token: string): Promise<User | undefined>
  /** Sets a new password by link; ends every session of the user and voids their other links. */
  resetPassword(input: { token: string; next: string; confirm: string }): Promise<User>
}

/**
 * Builds the password reset service; `resetUrl` turns a token into the link people open.
 * @example createPasswordReset({ db, clock, sessions, mailer, logger, resetUrl: (t) => `${site}/newsroom/reset-password/${t}`, onReset })
 */
export function createPasswordReset(deps: {
  db: Db
  clock: Clock
  sessions: Sessions
  mailer: Mailer
  logger: Logger
  resetUrl: (token: string) => string
  /** The site's name, read at each message. */
  siteName: () => string
  /** Called after a reset (the sign-in throttle of that e-mail is cleared). */
  onReset: (user: User) => Promise<void>
  /** Hashes a new password (argon2id at the configured cost). */
  hash: (password: string) => Promise<string>
}): PasswordReset {
  const { db, clock, sessions, mailer, logger, resetUrl, siteName } = deps

  const issue = async (user: User, validMs: number) => {
    const token = newToken()
    const now = clock.now()
    const expiresAt = new Date(now.getTime() + validMs)
    await insertResetToken(db, { tokenHash: tokenHash(token), userId: user.id, expiresAt }, now)
    return { url: resetUrl(token), user, expiresAt }
  }

  const validUser = async (token: string): Promise<User | undefined> => {
    if (token === '' || token.length > 200) return undefined
    const record = await resetByHash(db, tokenHash(token))
    if (record === undefined || record.usedAt !== null) return undefined
    if (record.expiresAt.getTime() <= clock.nowMs()) return undefined
    const user = await userById(db, record.userId)
    return user?.deactivatedAt === null ? user : undefined
  }

  return {
    createResetLink: async (email, validMs = PRINTED_LINK_MS) => {
      const normalized = email.trim().toLowerCase()
      const user = await userByEmail(db, normalized)
      if (user === undefined) throw userNotFound(normalized)
      return issue(user, validMs)
    },
    requestReset: async (email) => {
      const user = await userByEmail(db, email.trim().toLowerCase())
      if (user === undefined || user.deactivatedAt !== null) return
      const last = await newestResetAt(db, user.id)
      if (last !== undefined && clock.nowMs() - last.getTime() < MAIL_EVERY_MS) return
      const { url } = await issue(user, MAILED_LINK_MS)
      // Sent in the background: a slow mail server must not make a known address answer slower.
      mailer
        .send({
          to: user.email,
          subject: `Reset your ${siteName()} newsroom password`,
          text:
            `Hello ${user.name},\n\nSomeone (we hope you) asked to reset your password for the ${siteName()} newsroom.\n` +
            `Open this link within an hour to choose a new one:\n\n${url}\n\n` +
            'If you did not ask, ignore this message: your password stays as it is.\n',
        })
        .catch((error: unknown) =>
          logger.error({ err: error, userId: user.id }, 'password reset mail failed'),
        )
    },
    checkResetToken: validUser,
    resetPassword: async ({ token, next, confirm }) => {
      const user = await validUser(token)
      if (user === undefined) throw passwordResetInvalid()
      checkPassword(next)
      if (next !== confirm) throw passwordConfirmationMismatch()
      const passwordHash = await deps.hash(next)
      if (!(await useResetToken(db, tokenHash(token), clock.now()))) throw passwordResetInvalid()
      await updateUser(db, user.id, { passwordHash }, clock.now())
      await deleteUnusedResetTokens(db, user.id)
      await sessions.endAllFor(user.id)
      await deps.onReset(user)
      return user
    },
  }
}

/**
 * Server-side newsroom sessions: a random token in the cookie, only its hash in the database,
 * an idle and an absolute timeout, and a CSRF token derived from the session token.
 */

import type { Db } from '../db/database.js'
import type { Clock } from '../lib/clock.js'
import type { Actor } from './permissions.js'
import {
  deleteExpiredSessions,
  deleteStaleSignInRows,
  deleteSession,
  deleteUserSessions,
  insertSession,
  sessionByHash,
  touchSession,
} from './session-queries.js'
import { derivedToken, newToken, sameSecret, tokenHash } from './tokens.js'

/** How long sessions live. */
export interface SessionPolicy {
  /** A session unused this long ends. */
  idleMs: number
  /** A session ends this long after sign-in, however busy. */
  maxMs: number
}

/** A session that is valid now. */
export interface SignedIn {
  actor: Actor
  /** The token the forms of this session must carry (see `csrfMatches`). */
  csrfToken: string
  /** When the session ends at the latest (the absolute timeout). */
  expiresAt: Date
}

/** Sessions are touched at most this often: a page view need not write to the database. */
const TOUCH_EVERY_MS = 60_000

/** The session store. */
export interface Sessions {
  /** Starts a new session for user `userId`; the token goes into the cookie and nowhere else. */
  start(userId: number): Promise<{ token: string }>
  /** The session for a cookie's `token` when it is still valid (an ended one is deleted). */
  resolve(token: string): Promise<SignedIn | undefined>
  /** Ends the session of `token` (sign-out). */
  end(token: string): Promise<void>
  /** Ends every session of user `userId` but `keepToken`'s; returns how many ended. */
  endAllFor(userId: number, keepToken?: string): Promise<number>
  /** Deletes timed-out sessions (returns how many), stale throttles and expired reset links. */
  sweep(): Promise<number>
}

/** True when `given` is the CSRF token of the session whose cookie token is `token`. */
export function csrfMatches(token: string, given: string): boolean {
  return sameSecret(csrfTokenOf(token), given)
}

/** The CSRF token of session `token`: an HMAC of it, so a form never shows the session token. */
function csrfTokenOf(token: string): string {
  return derivedToken(token, 'masthead-newsroom-csrf')
}

/**
 * Builds the session store.
 * @example const sessions = createSessions({ db, clock, policy: { idleMs: 4 * 3600_000, maxMs: 7 * 86400_000 } })
 */
export function createSessions({
  db,
  clock,
  policy,
}: {
  db: Db
  clock: Clock
  policy: SessionPolicy
}): Sessions {
  return {
    start: async (userId) => {
      const token = newToken()
      await insertSession(db, tokenHash(token), userId, clock.now())
      return { token }
    },
    resolve: async (token) => {
      if (token === '' || token.length > 200) return undefined
      const hash = tokenHash(token)
      const record = await sessionByHash(db, hash)
      if (record === undefined) return undefined
      const now = clock.now()
      const idleEnd = record.lastSeenAt.getTime() + policy.idleMs
      const hardEnd = record.createdAt.getTime() + policy.maxMs
      if (record.user.deactivatedAt !== null || now.getTime() >= Math.min(idleEnd, hardEnd)) {
        await deleteSession(db, hash)
        return undefined
      }
      if (now.getTime() - record.lastSeenAt.getTime() >= TOUCH_EVERY_MS)
        await touchSession(db, hash, now)
      return {
        actor: { userId: record.userId, role: record.user.role, name: record.user.name },
        csrfToken: csrfTokenOf(token),
        expiresAt: new Date(hardEnd),
      }
    },
    end: async (token) => deleteSession(db, tokenHash(token)),
    endAllFor: async (userId, keepToken) =>
      deleteUserSessions(db, userId, keepToken === undefined ? undefined : tokenHash(keepToken)),
    sweep: async () => {
      const now = clock.nowMs()
      // Throttles forget failures after an hour and locks last at most a day: a day is safe.
      await deleteStaleSignInRows(db, new Date(now - 86_400_000))
      return deleteExpiredSessions(db, new Date(now - policy.idleMs), new Date(now - policy.maxMs))
    },
  }
}

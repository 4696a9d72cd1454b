/**
 * Signing in and out: throttled password checks that never tell whether an account exists,
 * a fresh session per sign-in, sign-out everywhere, and password changes.
 */

import type { Db } from '../db/database.js'
import { addressKey } from '../lib/address-key.js'
import type { Clock } from '../lib/clock.js'
import {
  passwordConfirmationMismatch,
  passwordCurrentWrong,
  sessionRequired,
  signInFailed,
  signInLocked,
  signInThrottled,
} from './errors.js'
import { generatePassword, passwordMatches } from './passwords.js'
import type { Actor } from './permissions.js'
import type { Sessions } from './sessions.js'
import {
  accountPolicy,
  addressPolicy,
  liveFailures,
  strictest,
  throttleVerdict,
  type ThrottlePolicy,
} from './throttle-rules.js'
import { clearThrottle, recordFailure, throttleStates } from './throttle-queries.js'
import { tokenHash } from './tokens.js'
import type { User } from './types.js'
import { checkPassword } from './user-rules.js'
import { credentialsByEmail, passwordHashById, updateUser } from './user-queries.js'

/** One sign-in try, as the form sends it. */
export interface SignInAttempt {
  email: string
  password: string
  /** The client's address (throttled as well as the e-mail). */
  address: string
  /** The session the browser holds now, if any: it ends, so a sign-in always gets a new id. */
  previousToken?: string | undefined
}

/** The sign-in part of the accounts service. */
export interface SignIn {
  /** Checks the password under the throttle; on success ends the old session and starts a new one. */
  signIn(attempt: SignInAttempt): Promise<{ token: string; user: User }>
  /** Checks an e-mail and password without throttling or a session (the CLI's and tests' check). */
  verifyPassword(email: string, password: string): Promise<User | undefined>
  /** Ends every session of the signed-in user, this one included. */
  signOutEverywhere(actor: Actor): Promise<number>
  /** Changes the actor's password after checking the current one; ends their other sessions. */
  changePassword(
    actor: Actor,
    input: { current: string; next: string; confirm: string; keepToken: string },
  ): Promise<void>
  /** Forgets the failed sign-ins of `email` (after a password reset). */
  clearFailures(email: string): Promise<void>
}

/** The throttle key of an e-mail as typed (known or not: the rules must not tell). */
function accountKey(email: string): string {
  return tokenHash(`account:${email.trim().toLowerCase()}`)
}

/**
 * Builds the sign-in service.
 * @example const { token } = await createSignIn({ db, clock, sessions, lockMs }).signIn({ email, password, address })
 */
export function createSignIn({
  db,
  clock,
  sessions,
  lockMs,
  hash,
}: {
  db: Db
  clock: Clock
  sessions: Sessions
  lockMs: number
  /** Hashes a new password (argon2id at the configured cost). */
  hash: (password: string) => Promise<string>
}): SignIn {
  // Verifying against this when the e-mail is unknown keeps a miss as slow as a wrong password.
  let decoyHash: Promise<string> | undefined

  const verifyPassword = async (email: string, password: string): Promise<User | undefined> => {
    const found = await credentialsByEmail(db, email.trim().toLowerCase())
    if (found === undefined) {
      decoyHash ??= hash(generatePassword())
      await passwordMatches(await decoyHash, password)
      return undefined
    }
    return (await passwordMatches(found.passwordHash, password)) ? found.user : undefined
  }

  return {
    verifyPassword,
    signIn: async (attempt) => {
      const keys: [string, ThrottlePolicy][] = [
        [accountKey(attempt.email), accountPolicy(lockMs)],
        [tokenHash(`address:${addressKey(attempt.address)}`), addressPolicy(lockMs)],
      ]
      const now = clock.now()
      const states = await throttleStates(
        db,
        keys.map(([key]) => key),
      )
      const verdict = strictest(
        keys.map(([key, policy]) => throttleVerdict(states.get(key), policy, now)),
      )
      // A lock refuses without counting (or it would never end); a try during a wait counts.
      if (verdict.kind === 'locked') throw signInLocked(Math.ceil(verdict.retryAfterMs / 1000))
      const user =
        verdict.kind === 'wait' ? undefined : await verifyPassword(attempt.email, attempt.password)
      if (user !== undefined && user.deactivatedAt === null) {
        await clearThrottle(db, accountKey(attempt.email))
        if (attempt.previousToken !== undefined) await sessions.end(attempt.previousToken)
        const { token } = await sessions.start(user.id)
        return { token, user }
      }
      for (const [key, policy] of keys) {
        const state = states.get(key)
        await recordFailure(
          db,
          key,
          now,
          state !== undefined && liveFailures(state, policy, now) === 0,
        )
      }
      const after = await throttleStates(
        db,
        keys.map(([key]) => key),
      )
      const next = strictest(
        keys.map(([key, policy]) => throttleVerdict(after.get(key), policy, now)),
      )
      if (next.kind === 'locked') throw signInLocked(Math.ceil(next.retryAfterMs / 1000))
      if (verdict.kind === 'wait') throw signInThrottled(Math.ceil(verdict.retryAfterMs / 1000))
      throw signInFailed()
    },
    signOutEverywhere: (actor) => sessions.endAllFor(actor.userId),
    changePassword: async (actor, input) => {
      const stored = await passwordHashById(db, actor.userId)
      if (stored === undefined) throw sessionRequired()
      if (!(await passwordMatches(stored, input.current))) throw passwordCurrentWrong()
      checkPassword(input.next)
      if (input.next !== input.confirm) throw passwordConfirmationMismatch()
      await updateUser(db, actor.userId, { passwordHash: await hash(input.next) }, clock.now())
      await sessions.endAllFor(actor.userId, input.keepToken)
    },
    clearFailures: (email) => clearThrottle(db, accountKey(email)),
  }
}

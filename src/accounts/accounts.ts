/** The accounts contract: users, sessions, sign-in and password resets. */

import type { PasswordReset } from './password-reset.js'
import type { SignedIn } from './sessions.js'
import type { SignIn } from './sign-in.js'
import type { User, UserRole } from './types.js'

export interface Accounts extends SignIn, PasswordReset {
  /** Creates a user; with no password, a random one is generated and returned once. */
  addUser(input: { email: string; name: string; role: UserRole; password?: string }): Promise<{
    user: User
    generatedPassword: string | undefined
  }>
  /**
   * Adds a user with no usable password (a random one nobody sees) and a one-time link, valid
   * INVITE_LINK_MS, that sets it; mails the link when a mailer delivers. The link is returned
   * so the admin sees it once either way.
   */
  inviteUser(input: { email: string; name: string; role: UserRole }): Promise<{
    user: User
    url: string
    expiresAt: Date
    mailed: boolean
  }>
  findByEmail(email: string): Promise<User | undefined>
  findById(id: number): Promise<User | undefined>
  countUsers(): Promise<number>
  /** Every user, active ones first, by name. */
  listUsers(): Promise<User[]>
  /** Gives `email`'s user another role (never the last active admin's). */
  setRole(email: string, role: string): Promise<User>
  /** Deactivates `email`'s user: they cannot sign in and every session of theirs ends. */
  deactivate(email: string): Promise<{ user: User; endedSessions: number }>
  /** The signed-in session of a cookie's token, if still valid. */
  resolveSession(token: string): Promise<SignedIn | undefined>
  /** Ends the session of `token`. */
  signOut(token: string): Promise<void>
  /** Deletes timed-out sessions; returns how many. */
  sweepSessions(): Promise<number>
}

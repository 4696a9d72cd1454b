/** Newsroom staff accounts. */

import type { UserRole } from '../db/schema.js'

export type { UserRole }

export const USER_ROLES: readonly UserRole[] = [
  'admin',
  'editor',
  'author',
  'contributor',
  'moderator',
]

/** A user as services return it; the password hash never leaves the domain. */
export interface User {
  id: number
  email: string
  name: string
  role: UserRole
  createdAt: Date
  /** When the user was deactivated (they cannot sign in); null while active. */
  deactivatedAt: Date | null
}

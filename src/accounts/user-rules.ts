/** Pure rules for newsroom accounts: e-mail, name, role and password policy. */

import {
  userEmailInvalid,
  userNameInvalid,
  userPasswordTooLong,
  userPasswordTooShort,
  userRoleInvalid,
} from './errors.js'
import { USER_ROLES, type UserRole } from './types.js'

export const PASSWORD_MIN_LENGTH = 12
/** A generous cap so nobody makes us hash megabytes. */
export const PASSWORD_MAX_LENGTH = 1_000
export const NAME_MAX_LENGTH = 120

const EMAIL = /^[^\s@<>(),;:"]+@[^\s@<>(),;:"]+\.[^\s@<>(),;:"]+$/

/** The e-mail in the form we store and look up (trimmed, lower case); throws when malformed. */
export function normalizeEmail(email: string): string {
  const normalized = email.trim().toLowerCase()
  if (normalized.length > 254 || !EMAIL.test(normalized)) throw userEmailInvalid()
  return normalized
}

/** The trimmed name; throws when empty or too long. */
export function normalizeName(name: string): string {
  const trimmed = name.trim()
  if (trimmed === '' || trimmed.length > NAME_MAX_LENGTH) throw userNameInvalid(NAME_MAX_LENGTH)
  return trimmed
}

/** The role named by `role`; throws USER_ROLE_INVALID otherwise. */
export function parseRole(role: string): UserRole {
  if (!(USER_ROLES as readonly string[]).includes(role)) throw userRoleInvalid(role)
  return role as UserRole
}

/** Throws unless `password` has PASSWORD_MIN_LENGTH to PASSWORD_MAX_LENGTH characters (code points). */
export function checkPassword(password: string): void {
  const length = [...password].length
  if (length < PASSWORD_MIN_LENGTH) throw userPasswordTooShort(PASSWORD_MIN_LENGTH)
  if (length > PASSWORD_MAX_LENGTH) throw userPasswordTooLong(PASSWORD_MAX_LENGTH)
}

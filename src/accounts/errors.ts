/** The accounts error catalogue. */

import { type ErrorCatalogue, errorsOf, type MastheadError } from '../lib/errors.js'

/** This catalogue's codes and their kinds. */
export const ACCOUNTS_ERRORS = {
  USER_EMAIL_INVALID: 'invalid',
  USER_EMAIL_TAKEN: 'conflict',
  USER_NAME_INVALID: 'invalid',
  USER_ROLE_INVALID: 'invalid',
  USER_PASSWORD_TOO_SHORT: 'invalid',
  USER_PASSWORD_TOO_LONG: 'invalid',
  ACCESS_FORBIDDEN: 'forbidden',
} as const satisfies ErrorCatalogue

const fail = errorsOf(ACCOUNTS_ERRORS)

/** The e-mail address is malformed. */
export function userEmailInvalid(): MastheadError {
  return fail('USER_EMAIL_INVALID', 'That e-mail address is not valid.', {
    details: { field: 'email' },
  })
}

/** Another user has this e-mail address. */
export function userEmailTaken(email: string): MastheadError {
  return fail('USER_EMAIL_TAKEN', 'A user with that e-mail address exists.', {
    details: { field: 'email', email },
  })
}

/** The name is empty or too long. */
export function userNameInvalid(max: number): MastheadError {
  return fail('USER_NAME_INVALID', `A name has 1 to ${max} characters.`, {
    details: { field: 'name', max },
  })
}

/** The role is not one of USER_ROLES. */
export function userRoleInvalid(role: string): MastheadError {
  return fail('USER_ROLE_INVALID', `Unknown role "${role}".`, {
    details: { field: 'role', role },
  })
}

/** The password is shorter than the minimum. */
export function userPasswordTooShort(min: number): MastheadError {
  return fail('USER_PASSWORD_TOO_SHORT', `A password needs at least ${min} characters.`, {
    details: { field: 'password', min },
  })
}

/** The password is longer than we are willing to hash. */
export function userPasswordTooLong(max: number): MastheadError {
  return fail('USER_PASSWORD_TOO_LONG', `A password may have at most ${max} characters.`, {
    details: { field: 'password', max },
  })
}

/** The signed-in user's role does not allow this. */
export function forbidden(permission: string): MastheadError {
  return fail('ACCESS_FORBIDDEN', 'Your role does not allow this.', { details: { permission } })
}

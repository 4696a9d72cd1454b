/** The accounts error catalogue. */

import { MastheadError } from '../lib/errors.js'

/** The e-mail address is malformed. */
export function userEmailInvalid(): MastheadError {
  return new MastheadError('USER_EMAIL_INVALID', 'invalid', 'That e-mail address is not valid.', {
    details: { field: 'email' },
  })
}

/** Another user has this e-mail address. */
export function userEmailTaken(email: string): MastheadError {
  return new MastheadError(
    'USER_EMAIL_TAKEN',
    'conflict',
    'A user with that e-mail address exists.',
    {
      details: { field: 'email', email },
    },
  )
}

/** The name is empty or too long. */
export function userNameInvalid(max: number): MastheadError {
  return new MastheadError('USER_NAME_INVALID', 'invalid', `A name has 1 to ${max} characters.`, {
    details: { field: 'name', max },
  })
}

/** The role is not one of USER_ROLES. */
export function userRoleInvalid(role: string): MastheadError {
  return new MastheadError('USER_ROLE_INVALID', 'invalid', `Unknown role "${role}".`, {
    details: { field: 'role', role },
  })
}

/** The password is shorter than the minimum. */
export function userPasswordTooShort(min: number): MastheadError {
  return new MastheadError(
    'USER_PASSWORD_TOO_SHORT',
    'invalid',
    `A password needs at least ${min} characters.`,
    {
      details: { field: 'password', min },
    },
  )
}

/** The password is longer than we are willing to hash. */
export function userPasswordTooLong(max: number): MastheadError {
  return new MastheadError(
    'USER_PASSWORD_TOO_LONG',
    'invalid',
    `A password may have at most ${max} characters.`,
    {
      details: { field: 'password', max },
    },
  )
}

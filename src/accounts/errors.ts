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
  USER_NOT_FOUND: 'not_found',
  USER_LAST_ADMIN: 'conflict',
  SIGN_IN_FAILED: 'unauthenticated',
  SIGN_IN_THROTTLED: 'rate_limited',
  SIGN_IN_LOCKED: 'rate_limited',
  SESSION_REQUIRED: 'unauthenticated',
  PASSWORD_CURRENT_WRONG: 'invalid',
  PASSWORD_CONFIRMATION_MISMATCH: 'invalid',
  PASSWORD_RESET_INVALID: 'invalid',
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

/** No user has this e-mail address (operator commands only: sign-in never says so). */
export function userNotFound(email: string): MastheadError {
  return fail('USER_NOT_FOUND', `No user has the e-mail address ${email}.`, {
    details: { email },
  })
}

/** No user has this id (the users screen's addresses). */
export function userIdNotFound(id: number): MastheadError {
  return fail('USER_NOT_FOUND', 'There is no such user.', { details: { id } })
}

/** The change would leave the newsroom without an active admin. */
export function userLastAdmin(): MastheadError {
  return fail('USER_LAST_ADMIN', 'This is the last active admin: make another admin first.')
}

/** Wrong e-mail or password, or a deactivated account: one message, so it never tells which. */
export function signInFailed(): MastheadError {
  return fail('SIGN_IN_FAILED', 'That e-mail address and password do not match.')
}

/** Failed sign-ins came too fast: wait before the next try (the try was not checked). */
export function signInThrottled(retryAfterSeconds: number): MastheadError {
  return fail(
    'SIGN_IN_THROTTLED',
    `Too many failed sign-ins. Please wait ${retryAfterSeconds} seconds before trying again.`,
    { details: { retryAfterSeconds } },
  )
}

/** Too many failed sign-ins: signing in is locked for a while. */
export function signInLocked(retryAfterSeconds: number): MastheadError {
  const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60))
  return fail(
    'SIGN_IN_LOCKED',
    `Too many failed sign-ins: signing in is locked for ${minutes} ${minutes === 1 ? 'minute' : 'minutes'}. ` +
      'Try again later, or ask an administrator for a password reset link.',
    { details: { retryAfterSeconds } },
  )
}

/** The page needs a signed-in user (none, or the session ended). */
export function sessionRequired(): MastheadError {
  return fail('SESSION_REQUIRED', 'Please sign in to continue.')
}

/** A password change whose current password is wrong. */
export function passwordCurrentWrong(): MastheadError {
  return fail('PASSWORD_CURRENT_WRONG', 'The current password is not right.', {
    details: { field: 'current' },
  })
}

/** The new password and its repetition differ. */
export function passwordConfirmationMismatch(): MastheadError {
  return fail('PASSWORD_CONFIRMATION_MISMATCH', 'The two new passwords are not the same.', {
    details: { field: 'confirm' },
  })
}

/** A reset link that is unknown, used, expired, or for a deactivated user. */
export function passwordResetInvalid(): MastheadError {
  return fail(
    'PASSWORD_RESET_INVALID',
    'This password reset link is not valid any more. Ask for a new one.',
  )
}

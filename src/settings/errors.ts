/** The site settings error catalogue. */

import { type ErrorCatalogue, errorsOf, type MastheadError } from '../lib/errors.js'

/** This catalogue's codes and their kinds. */
export const SETTINGS_ERRORS = {
  SETTING_INVALID: 'invalid',
} as const satisfies ErrorCatalogue

const fail = errorsOf(SETTINGS_ERRORS)

/** A setting's new value breaks its rule (`field` names the form field). */
export function settingInvalid(field: string, message: string): MastheadError {
  return fail('SETTING_INVALID', message, { details: { field } })
}

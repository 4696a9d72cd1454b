/** The integrations error catalogue: API keys and their limits, webhooks. */

import { type ErrorCatalogue, errorsOf, type MastheadError } from '../lib/errors.js'

/** This catalogue's codes and their kinds. */
export const INTEGRATIONS_ERRORS = {
  API_KEY_MISSING: 'unauthenticated',
  API_KEY_INVALID: 'unauthenticated',
  API_KEY_NAME_INVALID: 'invalid',
  API_KEY_NOT_FOUND: 'not_found',
  API_RATE_LIMITED: 'rate_limited',
  WEBHOOK_URL_INVALID: 'invalid',
  WEBHOOK_EVENTS_INVALID: 'invalid',
  WEBHOOK_NOT_FOUND: 'not_found',
} as const satisfies ErrorCatalogue

const fail = errorsOf(INTEGRATIONS_ERRORS)

/** The request carries no `Authorization: Bearer` key. */
export function apiKeyMissing(): MastheadError {
  return fail(
    'API_KEY_MISSING',
    'The Content API needs a key: send it as "Authorization: Bearer <key>".',
  )
}

/** The key is unknown or revoked (the two are not told apart). */
export function apiKeyInvalid(): MastheadError {
  return fail('API_KEY_INVALID', 'That API key is not valid (unknown or revoked).')
}

/** The key's name is empty or too long. */
export function apiKeyNameInvalid(max: number): MastheadError {
  return fail('API_KEY_NAME_INVALID', `A key's name has 1 to ${max} characters.`, {
    details: { field: 'name', max },
  })
}

/** No key has this id (or prefix). */
export function apiKeyNotFound(ref: string): MastheadError {
  return fail('API_KEY_NOT_FOUND', `No API key "${ref}".`, { details: { key: ref } })
}

/** The key used up its requests for this window. */
export function apiRateLimited(retryAfterSeconds: number, limit: number): MastheadError {
  return fail(
    'API_RATE_LIMITED',
    `This key may make ${limit} requests a minute; try again in ${retryAfterSeconds} s.`,
    { details: { retryAfterSeconds, limit } },
  )
}

/** The webhook URL is not an http(s) URL a webhook may call. */
export function webhookUrlInvalid(url: string): MastheadError {
  return fail(
    'WEBHOOK_URL_INVALID',
    `"${url}" is not a webhook URL: give an http:// or https:// URL without user or password.`,
    { details: { field: 'url' } },
  )
}

/** No event, or an event name that does not exist. */
export function webhookEventsInvalid(
  unknown: readonly string[],
  known: readonly string[],
): MastheadError {
  const what = unknown.length === 0 ? 'No event given' : `Unknown event ${unknown.join(', ')}`
  return fail('WEBHOOK_EVENTS_INVALID', `${what}; choose from ${known.join(', ')}.`, {
    details: { field: 'events', unknown: [...unknown], known: [...known] },
  })
}

/** No live webhook has this id. */
export function webhookNotFound(ref: string): MastheadError {
  return fail('WEBHOOK_NOT_FOUND', `No webhook "${ref}".`, { details: { webhook: ref } })
}

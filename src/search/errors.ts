/** The search error catalogue. */

import { type ErrorCatalogue, errorsOf, type MastheadError } from '../lib/errors.js'

/** This catalogue's codes and their kinds. */
export const SEARCH_ERRORS = {
  SEARCH_QUERY_TOO_LONG: 'invalid',
  SEARCH_QUERY_EMPTY: 'invalid',
  SEARCH_DATES_REVERSED: 'invalid',
} as const satisfies ErrorCatalogue

const fail = errorsOf(SEARCH_ERRORS)

/** The query is longer than search reads. */
export function searchQueryTooLong(max: number): MastheadError {
  return fail('SEARCH_QUERY_TOO_LONG', `A search can be at most ${max} characters long.`, {
    details: { max },
  })
}

/** Nothing searchable was left of the query (only operators, symbols or exclusions). */
export function searchQueryEmpty(): MastheadError {
  return fail(
    'SEARCH_QUERY_EMPTY',
    'Type one or more words to search for (symbols and words like AND, OR, NOT alone find nothing).',
  )
}

/** The date range ends before it starts. */
export function searchDatesReversed(): MastheadError {
  return fail('SEARCH_DATES_REVERSED', 'The "from" date must not be after the "to" date.')
}

/** The event bus error catalogue. */

import { type ErrorCatalogue, errorsOf, type MastheadError } from '../../lib/errors.js'

/** This catalogue's codes and their kinds. */
export const BUS_ERRORS = {
  BUS_NOT_LISTENING: 'unavailable',
} as const satisfies ErrorCatalogue

const fail = errorsOf(BUS_ERRORS)

/**
 * The shared bus could not LISTEN within `waitedMs` (the last connection error is the cause):
 * a process that started anyway would miss the other processes' changes (stale cached pages).
 */
export function busNotListening(waitedMs: number, cause: unknown): MastheadError {
  return fail(
    'BUS_NOT_LISTENING',
    `The event bus was not listening on PostgreSQL after ${waitedMs} ms; ` +
      'check that the database accepts one more connection for it.',
    { details: { waitedMs }, cause },
  )
}

/** The one error type every expected failure uses; only web/ maps `kind` to an HTTP status. */

export type ErrorKind =
  | 'invalid'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'too_large'
  | 'rate_limited'
  | 'unavailable'

export interface MastheadErrorOptions {
  /** Facts safe to show to the person who caused the error (field names, limits). */
  details?: Record<string, unknown>
  /** The underlying error, kept for logs only. */
  cause?: unknown
}

/** An expected failure with a stable `code` (never reused) and a `kind` that web/ maps to a status. */
export class MastheadError extends Error {
  readonly code: string
  readonly kind: ErrorKind
  readonly details: Record<string, unknown>

  constructor(code: string, kind: ErrorKind, message: string, options: MastheadErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause })
    this.name = 'MastheadError'
    this.code = code
    this.kind = kind
    this.details = options.details ?? {}
  }
}

/** True when `value` is a MastheadError (works across module copies, unlike instanceof alone). */
export function isMastheadError(value: unknown): value is MastheadError {
  return value instanceof MastheadError
}

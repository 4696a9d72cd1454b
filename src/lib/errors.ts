/** The one error type every expected failure uses; only web/ maps `kind` to an HTTP status. */

export type ErrorKind =
  | 'invalid'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'too_large'
  | 'unsupported_type'
  | 'rate_limited'
  | 'unavailable'
  | 'internal'

/** Every kind, for tests that check each has an HTTP status. */
export const ERROR_KINDS: readonly ErrorKind[] = [
  'invalid',
  'unauthenticated',
  'forbidden',
  'not_found',
  'conflict',
  'too_large',
  'unsupported_type',
  'rate_limited',
  'unavailable',
  'internal',
]

/** A catalogue's codes and the kind of failure each one is; every code lives in exactly one. */
export type ErrorCatalogue = Readonly<Record<string, ErrorKind>>

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

  /** The same error (code, kind, message) with other details; this one becomes the cause. */
  withDetails(details: Record<string, unknown>): MastheadError {
    return new MastheadError(this.code, this.kind, this.message, { details, cause: this })
  }
}

/**
 * A builder of `catalogue`'s errors: the code must be one of its keys and the kind comes from it,
 * so a code is written (with its kind) once, in its catalogue.
 * @example const fail = errorsOf(NEWSROOM_ERRORS); throw fail('ARTICLE_NOT_FOUND', 'No story.')
 */
export function errorsOf<C extends ErrorCatalogue>(
  catalogue: C,
): (code: keyof C & string, message: string, options?: MastheadErrorOptions) => MastheadError {
  // `code` is a key of the catalogue by its type, so the lookup always finds a kind.
  return (code, message, options) =>
    new MastheadError(code, catalogue[code] as ErrorKind, message, options)
}

/**
 * True when `value` is a MastheadError. A plain instanceof check: every layer imports this one
 * module, so there is one class (a second copy of the module would not be recognised).
 */
export function isMastheadError(value: unknown): value is MastheadError {
  return value instanceof MastheadError
}

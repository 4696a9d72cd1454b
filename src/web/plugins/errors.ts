/** The web platform's own error catalogue: the global plugins' routes and the request-shape errors. */

import { type ErrorCatalogue, errorsOf, type MastheadError } from '../../lib/errors.js'

/** This catalogue's codes and their kinds. */
export const WEB_ERRORS = {
  ASSET_NOT_FOUND: 'not_found',
  MEDIA_NOT_FOUND: 'not_found',
  ROUTE_NOT_FOUND: 'not_found',
  REQUEST_INVALID: 'invalid',
  BODY_INVALID: 'invalid',
  BODY_TOO_LARGE: 'too_large',
  UNSUPPORTED_MEDIA_TYPE: 'unsupported_type',
  INTERNAL_ERROR: 'internal',
  CROSS_SITE_REQUEST: 'forbidden',
  CSRF_TOKEN_INVALID: 'forbidden',
  REQUEST_ABORTED: 'invalid',
  STORAGE_FULL: 'unavailable',
} as const satisfies ErrorCatalogue

const fail = errorsOf(WEB_ERRORS)

/** No built asset has this name (often a stale hashed URL after a deploy). */
export const assetNotFound = (path: string): MastheadError =>
  fail('ASSET_NOT_FOUND', 'There is no such asset.', { details: { path } })

/** No stored media file lives at this path. */
export const mediaNotFound = (path: string): MastheadError =>
  fail('MEDIA_NOT_FOUND', 'There is no such media file.', { details: { path } })

/** No route matches the address. */
export const routeNotFound = (): MastheadError =>
  fail('ROUTE_NOT_FOUND', 'Nothing lives at this address.')

/** The request's parameters, query or body break the route's schema (`fields` name the parts). */
export const requestInvalid = (where: string, fields: string[]): MastheadError =>
  fail('REQUEST_INVALID', 'Some of what was sent is not valid; check the listed fields.', {
    details: { in: where, fields },
  })

/** The body cannot be read (malformed JSON, a broken form encoding). */
export const bodyInvalid = (message = 'The request body could not be understood.'): MastheadError =>
  fail('BODY_INVALID', message)

/** The body is larger than the route accepts. */
export const bodyTooLarge = (): MastheadError =>
  fail('BODY_TOO_LARGE', 'The request body is larger than this address accepts.')

/** The body's content type is not one the route reads. */
export const unsupportedMediaType = (): MastheadError =>
  fail(
    'UNSUPPORTED_MEDIA_TYPE',
    'The request body has a content type this address does not accept.',
  )

/** Anything unexpected: the client sees only the request id to quote. */
export const internalError = (requestId: string): MastheadError =>
  fail(
    'INTERNAL_ERROR',
    `Something went wrong on our side. If it keeps happening, quote request id ${requestId}.`,
    { details: { requestId } },
  )

/** A browser sent this write from another site (a foreign Origin or Sec-Fetch-Site: cross-site). */
export const crossSiteRequest = (): MastheadError =>
  fail(
    'CROSS_SITE_REQUEST',
    'This request came from another site; post from this site’s own pages.',
  )

/** The client went away (or was cut off) before its request body arrived whole. */
export const requestAborted = (): MastheadError =>
  fail('REQUEST_ABORTED', 'The request body did not arrive whole.')

/** The disk is full: nothing can be written until space is freed (a 503, retried later). */
export const storageFull = (): MastheadError =>
  fail('STORAGE_FULL', 'We cannot save anything right now. Please try again in a few minutes.', {
    details: { retryAfterSeconds: 60 },
  })

/** A newsroom form or request without its session's CSRF token (or with another session's). */
export const csrfTokenInvalid = (): MastheadError =>
  fail(
    'CSRF_TOKEN_INVALID',
    'This form has expired or did not come from the newsroom. Go back, reload the page and try again.',
  )

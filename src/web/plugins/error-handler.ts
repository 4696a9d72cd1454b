/** Maps every failure to one HTTP answer: the kind → status table, JSON for APIs, an HTML page for people. */

import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify'
import fp from 'fastify-plugin'
import { type ErrorKind, isMastheadError, type MastheadError } from '../../lib/errors.js'
import { escapeHtml } from '../../lib/html-escape.js'
import { isOutOfSpace } from '../../lib/out-of-space.js'
import {
  bodyInvalid,
  bodyTooLarge,
  internalError,
  requestAborted,
  requestInvalid,
  routeNotFound,
  storageFull,
  unsupportedMediaType,
} from './errors.js'

/** The one place a domain's error kind becomes an HTTP status. */
export const STATUS_BY_KIND: Readonly<Record<ErrorKind, number>> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  too_large: 413,
  unsupported_type: 415,
  rate_limited: 429,
  unavailable: 503,
  internal: 500,
}

/** Fastify's own request-shape errors that have an error of our catalogue. */
const FASTIFY_ERRORS: Readonly<Record<string, () => MastheadError>> = {
  FST_ERR_CTP_BODY_TOO_LARGE: bodyTooLarge,
  FST_ERR_CTP_INVALID_MEDIA_TYPE: unsupportedMediaType,
}

/** The title of the error page for each status: one table for the site and the plain page. */
const TITLES: Readonly<Record<number, string>> = {
  400: 'That request isn’t quite right',
  401: 'Please sign in',
  403: 'You cannot open this page',
  404: 'Page not found',
  405: 'That is not something this page does',
  409: 'This changed in the meantime',
  413: 'That was more than we can take',
  415: 'That format is not accepted',
  429: 'Please slow down a little',
  500: 'Something went wrong on our side',
  503: 'Temporarily unavailable',
}

/** The heading of the error page that answers with `status`. */
export function errorTitle(status: number): string {
  return TITLES[status] ?? (status >= 500 ? TITLES[500] : undefined) ?? 'We could not handle that'
}

/** What a client may see of an error: never a stack, never an internal message. */
export interface PublicError {
  status: number
  code: string
  message: string
  details: Record<string, unknown>
}

/** The HTTP status `error` answers with (500 for anything unexpected). */
export function statusForError(error: unknown): number {
  return publicError(error, '').status
}

/**
 * The status, stable code, sentence and safe details to show for `error`.
 * @example const { status, code } = publicError(error, request.id)
 */
export function publicError(error: unknown, requestId: string): PublicError {
  if (isMastheadError(error)) return toPublic(error)
  if (isFastifyError(error)) {
    if (error.validation !== undefined) {
      const where = error.validationContext ?? 'request'
      return toPublic(requestInvalid(where, error.validation.map(fieldPath)))
    }
    const known = FASTIFY_ERRORS[error.code]
    if (known !== undefined) return toPublic(known())
    const status = error.statusCode ?? 500
    // Any other refusal of Fastify's keeps its own status (405, 406, …) under one of our codes.
    if (error.code.startsWith('FST_') && status >= 400 && status < 500) {
      const ours = error.code.startsWith('FST_ERR_CTP_')
        ? bodyInvalid()
        : requestInvalid('request', [])
      return { ...toPublic(ours), status }
    }
  }
  if (isAbortedBody(error)) return toPublic(requestAborted())
  if (isOutOfSpace(error)) return toPublic(storageFull())
  return toPublic(internalError(requestId))
}

/**
 * A body the client stopped sending: Node's stream error (ECONNRESET "aborted"), to which Fastify
 * gives status 400. The client's doing, not ours: no 500, no error-level log line.
 */
function isAbortedBody(error: unknown): boolean {
  if (!(error instanceof Error)) return false
  const { code, statusCode } = error as Error & { code?: unknown; statusCode?: unknown }
  return (
    (code === 'ECONNRESET' || code === 'ECONNABORTED' || error.message === 'aborted') &&
    typeof statusCode === 'number' &&
    statusCode >= 400 &&
    statusCode < 500
  )
}

function toPublic(error: MastheadError): PublicError {
  return {
    status: STATUS_BY_KIND[error.kind],
    code: error.code,
    message: error.message,
    details: error.details,
  }
}

/** True when the client should get an HTML page rather than JSON. */
export function prefersHtml(request: FastifyRequest): boolean {
  if (request.url.startsWith('/api/')) return false
  return (request.headers.accept ?? '').includes('text/html')
}

interface ErrorHandlerOptions {
  /** The page language, or a function read at each error page (the admin's setting). */
  language: string | (() => string)
}

/**
 * Installs the global error and not-found handlers. The site's catch-all route answers unmatched
 * pages itself and hands paths under /api/ back here (reply.callNotFound), so they get JSON.
 */
export const errorHandlerPlugin = fp<ErrorHandlerOptions>(
  async (app, options) => {
    const { language } = options
    const languageNow = typeof language === 'string' ? () => language : language
    app.setErrorHandler((error, request, reply) => {
      const answer = publicError(error, request.id)
      if (answer.status >= 500) request.log.error({ err: error }, 'request failed')
      else request.log.info({ code: answer.code, status: answer.status }, 'request refused')
      return sendError(request, reply, answer, languageNow())
    })
    app.setNotFoundHandler((request, reply) =>
      sendError(request, reply, toPublic(routeNotFound()), languageNow()),
    )
  },
  { name: 'masthead-error-handler' },
)

/** Sends `answer` as JSON or as a minimal accessible HTML page, never cached. */
function sendError(
  request: FastifyRequest,
  reply: FastifyReply,
  answer: PublicError,
  language: string,
): FastifyReply {
  reply.code(answer.status)
  reply.removeHeader('etag')
  reply.removeHeader('last-modified')
  reply.removeHeader('content-encoding')
  reply.header('cache-control', 'no-store')
  const retryAfter = answer.details.retryAfterSeconds
  if ((answer.status === 429 || answer.status === 503) && typeof retryAfter === 'number') {
    reply.header('retry-after', String(Math.ceil(retryAfter)))
  }
  if (!prefersHtml(request)) {
    const { code, message, details } = answer
    return reply.type('application/json; charset=utf-8').send({ error: { code, message, details } })
  }
  return reply.type('text/html; charset=utf-8').send(errorPage(answer, language))
}

/** A small standalone page: it must render even when the site's own layout is what failed. */
function errorPage(answer: PublicError, language: string): string {
  const title = errorTitle(answer.status)
  return (
    `<!doctype html><html lang="${escapeHtml(language)}"><head><meta charset="utf-8">` +
    '<meta name="viewport" content="width=device-width, initial-scale=1">' +
    `<meta name="robots" content="noindex"><title>${escapeHtml(title)}</title></head>` +
    `<body><main><h1>${escapeHtml(title)}</h1><p>${escapeHtml(answer.message)}</p>` +
    `<p>Error code: <code>${escapeHtml(answer.code)}</code></p>` +
    '<p><a href="/">Go to the front page</a></p></main></body></html>'
  )
}

function isFastifyError(error: unknown): error is FastifyError {
  return error instanceof Error && typeof (error as Partial<FastifyError>).code === 'string'
}

/** A readable path for one validation issue: 'page', 'author.name', or the missing/extra key. */
function fieldPath(issue: NonNullable<FastifyError['validation']>[number]): string {
  const base = issue.instancePath.replace(/^\//, '').replaceAll('/', '.')
  const params: Record<string, unknown> = issue.params
  const extra = params.additionalProperty ?? params.missingProperty
  const key = typeof extra === 'string' ? extra : ''
  return [base, key].filter((part) => part !== '').join('.') || '(root)'
}

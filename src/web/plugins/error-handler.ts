/** Maps every failure to one HTTP answer: the kind → status table, JSON for APIs, an HTML page for people. */

import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify'
import fp from 'fastify-plugin'
import { type ErrorKind, isMastheadError } from '../../lib/errors.js'
import { escapeHtml } from '../../lib/html-escape.js'

/** The one place a domain's error kind becomes an HTTP status. */
const STATUS_BY_KIND: Readonly<Record<ErrorKind, number>> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  too_large: 413,
  rate_limited: 429,
  unavailable: 503,
}

/** Fastify's own request-shape errors, with the stable code and sentence we answer instead. */
const FASTIFY_ERRORS: Readonly<Record<string, { status: number; code: string; message: string }>> =
  {
    FST_ERR_CTP_BODY_TOO_LARGE: {
      status: 413,
      code: 'BODY_TOO_LARGE',
      message: 'The request body is larger than this address accepts.',
    },
    FST_ERR_CTP_INVALID_MEDIA_TYPE: {
      status: 415,
      code: 'UNSUPPORTED_MEDIA_TYPE',
      message: 'The request body has a content type this address does not accept.',
    },
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
  if (isMastheadError(error)) {
    return {
      status: STATUS_BY_KIND[error.kind],
      code: error.code,
      message: error.message,
      details: error.details,
    }
  }
  if (isFastifyError(error)) {
    if (error.validation !== undefined) {
      const fields = error.validation.map((issue) => fieldPath(issue))
      return {
        status: 400,
        code: 'REQUEST_INVALID',
        message: 'Some of what was sent is not valid; check the listed fields.',
        details: { in: error.validationContext ?? 'request', fields },
      }
    }
    const known = FASTIFY_ERRORS[error.code]
    if (known !== undefined) return { ...known, details: {} }
    const status = error.statusCode ?? 500
    if (error.code.startsWith('FST_') && status >= 400 && status < 500) {
      const code = error.code.startsWith('FST_ERR_CTP_') ? 'BODY_INVALID' : 'REQUEST_INVALID'
      return { status, code, message: 'The request could not be understood.', details: {} }
    }
  }
  return {
    status: 500,
    code: 'INTERNAL_ERROR',
    message: `Something went wrong on our side. If it keeps happening, quote request id ${requestId}.`,
    details: { requestId },
  }
}

/** True when the client should get an HTML page rather than JSON. */
export function prefersHtml(request: FastifyRequest): boolean {
  if (request.url.startsWith('/api/')) return false
  return (request.headers.accept ?? '').includes('text/html')
}

interface ErrorHandlerOptions {
  /** The page language (config.site.language). */
  language: string
  /**
   * Whether to answer unmatched URLs too. Fastify allows one not-found handler per prefix, so
   * when the reader site (mounted at '/') sets its own richer one, the server passes false.
   */
  notFound?: boolean
}

/** Installs the global error and not-found handlers (encapsulated plugins may install richer ones). */
export const errorHandlerPlugin = fp<ErrorHandlerOptions>(
  async (app, { language, notFound = true }) => {
    app.setErrorHandler((error, request, reply) => {
      const answer = publicError(error, request.id)
      if (answer.status >= 500) request.log.error({ err: error }, 'request failed')
      else request.log.info({ code: answer.code, status: answer.status }, 'request refused')
      return sendError(request, reply, answer, language)
    })
    if (!notFound) return
    app.setNotFoundHandler((request, reply) => {
      const answer: PublicError = {
        status: 404,
        code: 'ROUTE_NOT_FOUND',
        message: 'Nothing lives at this address.',
        details: {},
      }
      return sendError(request, reply, answer, language)
    })
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
  if (answer.status === 429 && typeof retryAfter === 'number') {
    reply.header('retry-after', String(Math.ceil(retryAfter)))
  }
  if (!prefersHtml(request)) {
    const { code, message, details } = answer
    return reply.type('application/json; charset=utf-8').send({ error: { code, message, details } })
  }
  return reply.type('text/html; charset=utf-8').send(errorPage(answer, language))
}

const TITLES: Readonly<Record<number, string>> = {
  400: 'This request could not be understood',
  401: 'Please sign in',
  403: 'You cannot open this page',
  404: 'Page not found',
  409: 'This changed in the meantime',
  413: 'That was too large',
  415: 'That format is not accepted',
  429: 'Too many requests',
  503: 'Temporarily unavailable',
}

/** A small standalone page: it must render even when the site's own layout is what failed. */
function errorPage(answer: PublicError, language: string): string {
  const title = TITLES[answer.status] ?? 'Something went wrong'
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

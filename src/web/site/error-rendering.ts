/** Renders the site's error pages from any thrown error, with the status the error handler assigns. */

import type { FastifyRequest } from 'fastify'
import { renderDocument } from '../render/html.js'
import { errorTitle, publicError } from '../plugins/error-handler.js'
import { frameOf, type PageContext, type SiteFrame } from './page-context.js'
import { ErrorPage } from './pages/error-page.tsx'
import { loadNotFoundPage } from './pages/load-not-found-page.js'
import { NotFoundPage } from './pages/not-found-page.tsx'

/** One failed check of a request schema, as Fastify reports it (Ajv's error objects). */
interface ValidationIssue {
  instancePath?: string
  keyword?: string
  params?: Record<string, unknown>
}

/** The status and full HTML of the page that answers `error`. */
export async function renderErrorPage(
  ctx: PageContext,
  error: unknown,
  request: FastifyRequest,
): Promise<{ status: number; html: string }> {
  const pub = publicError(error, request.id)
  const serverFault = pub.status >= 500
  if (serverFault) request.log.error({ err: error }, 'reader page failed')
  if (pub.status === 404) {
    const props = await safely(() => loadNotFoundPage(ctx), { frame: frameOf(ctx, []), latest: [] })
    return { status: 404, html: renderDocument(NotFoundPage(props)) }
  }
  const frame: SiteFrame = await safely(
    async () => frameOf(ctx, await ctx.services.newsroom.listSections()),
    frameOf(ctx, []),
  )
  const html = renderDocument(
    ErrorPage({
      frame,
      status: pub.status,
      title: errorTitle(pub.status),
      message: serverFault
        ? 'We could not show this page just now. Please try again in a moment.'
        : (readerMessage(error) ?? pub.message),
      requestId: serverFault ? request.id : undefined,
    }),
  )
  return { status: pub.status, html }
}

/** A sentence for a reader about a query string our schemas refused, or undefined. */
export function readerMessage(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined
  const { validation, validationContext } = error as {
    validation?: ValidationIssue[]
    validationContext?: string
  }
  if (!Array.isArray(validation) || validationContext !== 'querystring') return undefined
  const issue = validation[0]
  const name =
    typeof issue?.params?.additionalProperty === 'string'
      ? issue.params.additionalProperty
      : (issue?.instancePath ?? '').replace(/^\//, '')
  if (name === 'page') {
    return 'The page number must be a whole number from 1 upwards, as in ?page=2.'
  }
  if (issue?.keyword === 'not' || issue?.keyword === 'additionalProperties') {
    return `This page does not understand the “${name}” part of its address. Remove it and try again.`
  }
  return undefined
}

/** `load()`, or `fallback` when it fails: an error page must render even when the database is down. */
async function safely<T>(load: () => Promise<T>, fallback: T): Promise<T> {
  try {
    return await load()
  } catch {
    return fallback
  }
}

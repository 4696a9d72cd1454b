/**
 * The OpenAPI 3.1 description of /api/v1, generated from the very schemas the routes validate
 * and serialize with: a route cannot be added or changed without the document following.
 */

import type { FastifySchema, RouteOptions } from 'fastify'
import { ApiErrorBody } from '../schema-parts.js'

/** What the document needs to know of one route. */
export interface DescribedRoute {
  method: string
  url: string
  schema: FastifySchema | undefined
}

type JsonObject = Record<string, unknown>

/** The routes of `route` worth describing (not HEAD or OPTIONS, which Fastify and CORS add). */
export function describedRoutes(route: RouteOptions): DescribedRoute[] {
  const methods = Array.isArray(route.method) ? route.method : [route.method]
  return methods
    .filter((method) => method !== 'HEAD' && method !== 'OPTIONS')
    .map((method) => ({ method, url: route.url, schema: route.schema }))
}

/** A TypeBox schema as plain JSON (TypeBox marks its objects with symbols JSON leaves out). */
export function plain(schema: unknown): JsonObject {
  return JSON.parse(JSON.stringify(schema ?? {})) as JsonObject
}

/** `/api/v1/articles/:slug` → `/api/v1/articles/{slug}`. */
export function openApiPath(url: string): string {
  return url.replace(/:([A-Za-z0-9_]+)/g, '{$1}')
}

function parameters(schema: FastifySchema, where: 'path' | 'query'): JsonObject[] {
  const source = plain(where === 'path' ? schema.params : schema.querystring)
  const properties = (source.properties ?? {}) as Record<string, JsonObject>
  const required = new Set((source.required ?? []) as string[])
  return Object.entries(properties).map(([name, property]) => {
    const { description, ...rest } = property
    return {
      name,
      in: where,
      // A query value with a default is never required of the caller.
      required: where === 'path' || (required.has(name) && rest.default === undefined),
      ...(typeof description === 'string' ? { description } : {}),
      schema: rest,
    }
  })
}

function operation(route: DescribedRoute): JsonObject {
  const schema: FastifySchema = route.schema ?? {}
  const extra = schema
  const responses: JsonObject = {}
  const declared = (schema.response ?? {}) as Record<string, unknown>
  for (const [status, body] of Object.entries(declared)) {
    responses[status] = {
      description: status.startsWith('2') ? 'Success' : 'See the error body',
      content: { 'application/json': { schema: plain(body) } },
    }
  }
  if (Object.keys(responses).length === 0) responses['200'] = { description: 'Success' }
  responses['4XX'] = {
    description: 'The request was refused: the body says why, with a stable code.',
    content: { 'application/json': { schema: plain(ApiErrorBody) } },
  }
  const body = schema.body === undefined ? undefined : plain(schema.body)
  return {
    ...(extra.summary === undefined ? {} : { summary: extra.summary }),
    ...(extra.description === undefined ? {} : { description: extra.description }),
    ...(extra.tags === undefined ? {} : { tags: extra.tags }),
    security: extra.security ?? [],
    parameters: [...parameters(schema, 'path'), ...parameters(schema, 'query')],
    ...(body === undefined
      ? {}
      : { requestBody: { required: true, content: { 'application/json': { schema: body } } } }),
    responses,
  }
}

/** The whole document for `routes`, served from `siteUrl`. */
export function openApiDocument(
  routes: readonly DescribedRoute[],
  info: { siteUrl: string; siteName: string; version: string },
): JsonObject {
  const paths: Record<string, Record<string, JsonObject>> = {}
  const sorted = [...routes].sort(
    (a, b) => a.url.localeCompare(b.url) || a.method.localeCompare(b.method),
  )
  for (const route of sorted) {
    const path = openApiPath(route.url)
    paths[path] ??= {}
    paths[path][route.method.toLowerCase()] = operation(route)
  }
  return {
    openapi: '3.1.0',
    info: {
      title: `${info.siteName} API`,
      version: info.version,
      description:
        'The Content API (published stories, sections, authors, tags; an API key is needed) and ' +
        'the public reader endpoints (rankings, views, comments).',
    },
    servers: [{ url: info.siteUrl }],
    components: {
      securitySchemes: {
        apiKey: {
          type: 'http',
          scheme: 'bearer',
          description: 'A key from `masthead api-key add --name NAME`.',
        },
      },
    },
    paths,
  }
}

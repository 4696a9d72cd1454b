/** GET /api/v1/popular and /api/v1/articles/{slug}/related: the rankings as cacheable JSON. */

import { createHash } from 'node:crypto'
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify'
import type { RankedEntry } from '../../engagement/index.js'
import { isNotModified } from '../http/conditional.js'
import type { Services } from '../services.js'
import { rankingArticleNotFound, rankingSectionNotFound } from './ranking-errors.js'
import { articlePath } from '../site/site-urls.js'

/** Rankings change at most once a minute: shared caches may keep an answer that long. */
const CACHE_CONTROL = 'public, max-age=60'
const DEFAULT_LIMIT = 10
const MAX_LIMIT = 50

const REJECT = { not: {} } as const

const sectionRef = {
  type: 'object',
  properties: { slug: { type: 'string' }, name: { type: 'string' } },
  required: ['slug', 'name'],
} as const

/** One ranked story; the response schema is the allowlist of what leaves the server. */
const itemSchema = {
  type: 'object',
  properties: {
    id: { type: 'integer' },
    headline: { type: 'string' },
    url: { type: 'string' },
    section: sectionRef,
    publishedAt: { type: 'string', format: 'date-time' },
    score: { type: 'number' },
    views: { type: 'integer' },
  },
  required: ['id', 'headline', 'url', 'section', 'publishedAt', 'score'],
} as const

const limitSchema = { type: 'integer', minimum: 1, maximum: MAX_LIMIT, default: DEFAULT_LIMIT }

const popularSchema = {
  querystring: {
    type: 'object',
    properties: {
      window: { type: 'string', enum: ['now', 'week'], default: 'now' },
      section: { type: 'string', minLength: 1, maxLength: 100 },
      limit: limitSchema,
    },
    additionalProperties: REJECT,
  },
  response: {
    200: {
      type: 'object',
      properties: {
        window: { type: 'string' },
        section: { anyOf: [sectionRef, { type: 'null' }] },
        items: { type: 'array', items: itemSchema },
      },
      required: ['window', 'section', 'items'],
    },
  },
} as const

const relatedSchema = {
  params: {
    type: 'object',
    properties: { slug: { type: 'string', minLength: 1, maxLength: 200 } },
    required: ['slug'],
  },
  querystring: {
    type: 'object',
    properties: { limit: limitSchema },
    additionalProperties: REJECT,
  },
  response: {
    200: {
      type: 'object',
      properties: {
        article: {
          type: 'object',
          properties: { id: { type: 'integer' }, url: { type: 'string' } },
        },
        items: { type: 'array', items: itemSchema },
      },
      required: ['article', 'items'],
    },
  },
} as const

interface PopularQuery {
  window: 'now' | 'week'
  section?: string
  limit: number
}

/** A ranked entry as the API shows it; Weekly Best's score is a count of views. */
function item(entry: RankedEntry, views: boolean) {
  const { story } = entry
  return {
    id: story.id,
    headline: story.headline,
    url: articlePath(story),
    section: story.section,
    publishedAt: story.publishedAt.toISOString(),
    score: Math.round(entry.score * 1000) / 1000,
    ...(views ? { views: Math.round(entry.score) } : {}),
  }
}

/** Sends `body` with the cache headers, or 304 when the client already holds it. */
function sendCached(request: FastifyRequest, reply: FastifyReply, body: unknown): unknown {
  const etag = `"${createHash('sha1').update(JSON.stringify(body)).digest('base64url')}"`
  reply.header('cache-control', CACHE_CONTROL).header('etag', etag)
  if (isNotModified({ ifNoneMatch: request.headers['if-none-match'] }, { etags: [etag] }))
    return reply.code(304).send()
  return body
}

/** The rankings routes; registered under /api with the /v1 prefix. */
export const rankingRoutes: FastifyPluginAsync<{ services: Services }> = async (
  app,
  { services },
) => {
  const { engagement, newsroom } = services

  app.get<{ Querystring: PopularQuery }>(
    '/popular',
    { schema: popularSchema },
    async (request, reply) => {
      const { window, limit } = request.query
      let section: { slug: string; name: string } | null = null
      if (request.query.section !== undefined) {
        const found = await newsroom.getSection(request.query.section)
        if (found === undefined) throw rankingSectionNotFound(request.query.section)
        section = { slug: found.slug, name: found.name }
      }
      const entries = await engagement.ranking(window, {
        limit,
        ...(section === null ? {} : { sectionSlug: section.slug }),
      })
      const items = entries.map((entry) => item(entry, window === 'week'))
      return sendCached(request, reply, { window, section, items })
    },
  )

  app.get<{ Params: { slug: string }; Querystring: { limit: number } }>(
    '/articles/:slug/related',
    { schema: relatedSchema },
    async (request, reply) => {
      const story = await engagement.storyBySlug(request.params.slug)
      if (story === undefined) throw rankingArticleNotFound(request.params.slug)
      const entries = await engagement.related(story.id, { limit: request.query.limit })
      const article = { id: story.id, url: articlePath(story) }
      return sendCached(request, reply, { article, items: entries.map((e) => item(e, false)) })
    },
  )
}

/** GET /api/v1/popular and /api/v1/articles/{slug}/related: the rankings as cacheable JSON. */

import { createHash } from 'node:crypto'
import { type Static, Type } from '@sinclair/typebox'
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify'
import type { RankedEntry } from '../../engagement/index.js'
import { isNotModified } from '../http/conditional.js'
import { ApiErrorBody, IntId } from '../schema-parts.js'
import type { Services } from '../services.js'
import { rankingArticleNotFound, rankingSectionNotFound } from './ranking-errors.js'
import { articlePath } from '../site/site-urls.js'

/** Rankings change at most once a minute: shared caches may keep an answer that long. */
const CACHE_CONTROL = 'public, max-age=60'
const DEFAULT_LIMIT = 10
const MAX_LIMIT = 50

const SectionRef = Type.Object({ slug: Type.String(), name: Type.String() })

/** One ranked story; the response schema is the allowlist of what leaves the server. */
const Item = Type.Object({
  id: IntId(),
  headline: Type.String(),
  url: Type.String(),
  section: SectionRef,
  publishedAt: Type.String({ format: 'date-time' }),
  score: Type.Number(),
  views: Type.Optional(Type.Integer()),
})
type Item = Static<typeof Item>

const Limit = Type.Integer({ minimum: 1, maximum: MAX_LIMIT, default: DEFAULT_LIMIT })

const PopularQuery = Type.Object(
  {
    window: Type.Union([Type.Literal('now'), Type.Literal('week')], { default: 'now' }),
    section: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    limit: Limit,
  },
  { additionalProperties: false },
)

const PopularReply = Type.Object({
  window: Type.Union([Type.Literal('now'), Type.Literal('week')]),
  section: Type.Union([SectionRef, Type.Null()]),
  items: Type.Array(Item),
})

const RelatedParams = Type.Object({ slug: Type.String({ minLength: 1, maxLength: 200 }) })
const RelatedQuery = Type.Object({ limit: Limit }, { additionalProperties: false })

const RelatedReply = Type.Object({
  article: Type.Object({ id: IntId(), url: Type.String() }),
  items: Type.Array(Item),
})

/** A ranked entry as the API shows it; Weekly Best's score is a count of views. */
function item(entry: RankedEntry, views: boolean): Item {
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
function sendCached<T>(request: FastifyRequest, reply: FastifyReply, body: T): T | FastifyReply {
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

  app.get<{ Querystring: Static<typeof PopularQuery> }>(
    '/popular',
    {
      schema: {
        querystring: PopularQuery,
        response: { 200: PopularReply, '4xx': ApiErrorBody },
      },
    },
    async (request, reply) => {
      const { window, limit } = request.query
      let section: Static<typeof SectionRef> | null = null
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
      return sendCached<Static<typeof PopularReply>>(request, reply, { window, section, items })
    },
  )

  app.get<{ Params: Static<typeof RelatedParams>; Querystring: Static<typeof RelatedQuery> }>(
    '/articles/:slug/related',
    {
      schema: {
        params: RelatedParams,
        querystring: RelatedQuery,
        response: { 200: RelatedReply, '4xx': ApiErrorBody },
      },
    },
    async (request, reply) => {
      const story = await engagement.storyBySlug(request.params.slug)
      if (story === undefined) throw rankingArticleNotFound(request.params.slug)
      const entries = await engagement.related(story.id, { limit: request.query.limit })
      const article = { id: story.id, url: articlePath(story) }
      const body: Static<typeof RelatedReply> = {
        article,
        items: entries.map((e) => item(e, false)),
      }
      return sendCached(request, reply, body)
    },
  )
}

/** GET /api/v1/search: the site search as JSON, with the matched words as marked text parts. */

import { type Static, Type } from '@sinclair/typebox'
import type { FastifyPluginAsync } from 'fastify'
import type { SearchHit } from '../../search/index.js'
import { ApiErrorBody, IntId } from '../schema-parts.js'
import { filtersOf, SEARCH_FIELDS } from '../search-request.js'
import type { Services } from '../services.js'
import { articlePath } from '../site/site-urls.js'

const MAX_LIMIT = 50

const SearchQuery = Type.Object(
  {
    ...SEARCH_FIELDS,
    q: Type.String({ maxLength: 20_000 }),
    limit: Type.Integer({ minimum: 1, maximum: MAX_LIMIT, default: 10 }),
  },
  { additionalProperties: false },
)

/** Text in parts; `mark` parts are the words the query matched. Clients escape `text`. */
const TextParts = Type.Array(Type.Object({ text: Type.String(), mark: Type.Boolean() }))

/** One result; the response schema is the allowlist of what leaves the server. */
const Item = Type.Object({
  id: IntId(),
  headline: Type.String(),
  url: Type.String(),
  section: Type.Object({ slug: Type.String(), name: Type.String() }),
  authors: Type.Array(Type.Object({ slug: Type.String(), name: Type.String() })),
  publishedAt: Type.String({ format: 'date-time' }),
  score: Type.Number(),
  highlights: Type.Object({ headline: TextParts, snippet: TextParts }),
})
type Item = Static<typeof Item>

const SearchReply = Type.Object({
  query: Type.String(),
  total: Type.Integer({ minimum: 0 }),
  /** More stories matched than the 1,000 most relevant counted in `total`. */
  more: Type.Boolean(),
  page: Type.Integer({ minimum: 1 }),
  perPage: Type.Integer({ minimum: 1 }),
  totalPages: Type.Integer({ minimum: 1 }),
  items: Type.Array(Item),
})

function item(hit: SearchHit): Item {
  const { story } = hit
  return {
    id: story.id,
    headline: story.headline,
    url: articlePath(story),
    section: { slug: story.section.slug, name: story.section.name },
    authors: story.authors.map((a) => ({ slug: a.slug, name: a.name })),
    publishedAt: story.publishedAt.toISOString(),
    score: Math.round(hit.score * 10_000) / 10_000,
    highlights: { headline: hit.headline, snippet: hit.snippet },
  }
}

/** The search route; registered under /api with the /v1 prefix. */
export const searchRoutes: FastifyPluginAsync<{ services: Services }> = async (
  app,
  { services },
) => {
  app.get<{ Querystring: Static<typeof SearchQuery> }>(
    '/search',
    {
      schema: {
        summary: 'Full-text search over the stories readers can see',
        tags: ['search'],
        querystring: SearchQuery,
        response: { 200: SearchReply, '4xx': ApiErrorBody },
      },
    },
    async (request, reply) => {
      const { q, page, limit } = request.query
      const results = await services.search.search({
        text: q,
        ...filtersOf(request.query),
        page: page ?? 1,
        perPage: limit,
      })
      // Answers depend on the query and change with every publication: not for shared caches.
      reply.header('cache-control', 'no-store')
      const body: Static<typeof SearchReply> = {
        query: q,
        total: results.total,
        more: results.more,
        page: results.page,
        perPage: results.perPage,
        totalPages: results.totalPages,
        items: results.hits.map(item),
      }
      return body
    },
  )
}

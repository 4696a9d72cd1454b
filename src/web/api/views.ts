/** The view API: the beacon that counts a CDN-served page view, and a story's fresh total. */

import { type Static, Type } from '@sinclair/typebox'
import type { FastifyPluginAsync } from 'fastify'
import { articleNotFound } from '../../newsroom/index.js'
import { viewTokenInvalid } from '../../engagement/index.js'
import { bodyInvalid } from '../plugins/errors.js'
import { viewRequestOf } from '../plugins/view-counting.js'
import { ApiErrorBody } from '../schema-parts.js'
import type { Services } from '../services.js'

export interface ViewRoutesOptions {
  services: Services
}

/** A story slug as the site makes them (lower-case words joined by hyphens, at most 80). */
const Slug = Type.String({ minLength: 1, maxLength: 80, pattern: '^[a-z0-9]+(?:-[a-z0-9]+)*$' })
const NoQuery = Type.Object({}, { additionalProperties: false })
/**
 * A beacon: the story's slug, the signed token its page carries (engagement/view-token.ts) and,
 * optionally, the host name the reader came from (the counter keeps nothing more of it).
 */
const Beacon = Type.Object(
  {
    slug: Slug,
    token: Type.String({ minLength: 1, maxLength: 64 }),
    ref: Type.Optional(Type.String({ maxLength: 253 })),
  },
  { additionalProperties: false },
)
const SlugParams = Type.Object({ slug: Slug }, { additionalProperties: false })
const ViewsReply = Type.Object(
  { views: Type.Integer({ minimum: 0 }) },
  { additionalProperties: false },
)
/** A beacon is `{"slug":"…","token":"…"}`: a few dozen bytes. */
const BEACON_BODY_LIMIT = 1024

/**
 * POST /views and GET /articles/:slug/views, registered under /api/v1.
 * @example await app.register(viewRoutes, { prefix: '/v1', services })
 */
export const viewRoutes: FastifyPluginAsync<ViewRoutesOptions> = async (app, { services }) => {
  const { engagement } = services

  // navigator.sendBeacon(url, string) sends text/plain (a CORS-safe type, so no preflight): in
  // this plugin only, text/plain bodies are JSON and go through the same schema.
  app.removeContentTypeParser('text/plain')
  app.addContentTypeParser(
    'text/plain',
    { parseAs: 'string', bodyLimit: BEACON_BODY_LIMIT },
    (_request, body, done) => {
      try {
        done(null, JSON.parse(body as string))
      } catch {
        done(bodyInvalid('The request body is not valid JSON.'), undefined)
      }
    },
  )

  app.post<{ Body: Static<typeof Beacon> }>(
    '/views',
    {
      bodyLimit: BEACON_BODY_LIMIT,
      // One beacon per page view: an access-log line for each would cost more than counting it.
      logLevel: 'warn',
      schema: { querystring: NoQuery, body: Beacon, response: { '4xx': ApiErrorBody } },
    },
    async (request, reply) => {
      const { slug, token, ref } = request.body
      // The beacon's own Referer is the story page: where the reader came from is `ref`.
      const verdict = await engagement.countBeacon(
        slug,
        { ...viewRequestOf(request), referrer: ref ?? '' },
        token,
      )
      if (verdict === 'invalid-token') throw viewTokenInvalid()
      if (verdict === 'unknown') throw articleNotFound({ slug })
      reply.header('cache-control', 'no-store')
      return reply.code(204).send()
    },
  )

  app.get<{ Params: Static<typeof SlugParams>; Reply: Static<typeof ViewsReply> }>(
    '/articles/:slug/views',
    {
      schema: {
        params: SlugParams,
        querystring: NoQuery,
        response: { 200: ViewsReply, '4xx': ApiErrorBody },
      },
    },
    async (request, reply) => {
      const views = await engagement.viewsBySlug(request.params.slug)
      if (views === undefined) throw articleNotFound({ slug: request.params.slug })
      // Fresh as of the last flush: never stored by a browser or a CDN.
      reply.header('cache-control', 'no-store')
      return { views }
    },
  )
}

/** The comments JSON API: list a story's comments, post one (201 with its status published | held). */

import { type Static, Type } from '@sinclair/typebox'
import type { FastifyPluginAsync, FastifyRequest } from 'fastify'
import { type Comment, commentArticleNotFound } from '../../comments/index.js'
import { isMastheadError } from '../../lib/errors.js'
import { refuseCrossSite } from '../plugins/cross-site.js'
import { unsupportedMediaType } from '../plugins/errors.js'
import { ApiErrorBody, IntId, Nullable, PageNumber } from '../schema-parts.js'
import type { Services } from '../services.js'
import { HELD_BECAUSE, heldBecause, heldMessage } from '../comment-held.js'

export interface CommentRoutesOptions {
  services: Services
  /** The site's public URL: posts from other origins are refused. */
  siteUrl: string
}

/** One comment as the API shows it: never the e-mail, never the reader hash. */
const CommentItem = Type.Object({
  id: IntId(),
  parentId: Nullable(IntId()),
  name: Type.String(),
  body: Type.String(),
  createdAt: Type.String({ format: 'date-time' }),
  /** "author" (a byline of the story) or "staff" on a reply written from the newsroom. */
  badge: Type.Unsafe<'author' | 'staff' | null>({
    type: ['string', 'null'],
    enum: ['author', 'staff', null],
  }),
})
type CommentItem = Static<typeof CommentItem>

/** A top-level comment with its replies (one level deep). */
const Thread = Type.Composite([CommentItem, Type.Object({ replies: Type.Array(CommentItem) })])

const SlugParams = Type.Object({ slug: Type.String({ minLength: 1, maxLength: 200 }) })

const ListQuery = Type.Object(
  {
    order: Type.Optional(Type.Union([Type.Literal('newest'), Type.Literal('oldest')])),
    page: Type.Optional(PageNumber()),
    perPage: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
  },
  { additionalProperties: false },
)

const ListReply = Type.Object({
  order: Type.Union([Type.Literal('newest'), Type.Literal('oldest')]),
  page: Type.Integer(),
  perPage: Type.Integer(),
  totalPages: Type.Integer(),
  totalThreads: Type.Integer(),
  totalComments: Type.Integer(),
  comments: Type.Array(Thread),
})

const PostBody = Type.Object(
  {
    name: Type.String(),
    email: Type.Optional(Nullable(Type.String())),
    body: Type.String(),
    parentId: Type.Optional(Nullable(IntId())),
  },
  { additionalProperties: false },
)

const PostReply = Type.Object({
  comment: Type.Composite([
    CommentItem,
    Type.Object({
      status: Type.Union([Type.Literal('published'), Type.Literal('held')]),
      // Why a held comment waits, when its author is told (never which listed word).
      heldBecause: Type.Optional(Type.Union(HELD_BECAUSE.map((reason) => Type.Literal(reason)))),
    }),
  ]),
  message: Type.String(),
})

/** A comment as the API shows it (CommentItem). */
function publicComment(comment: Comment): CommentItem {
  return {
    id: comment.id,
    parentId: comment.parentId,
    name: comment.authorName,
    body: comment.body,
    createdAt: comment.createdAt.toISOString(),
    badge: comment.badge,
  }
}

/**
 * GET and POST /articles/{slug}/comments, registered under /api with the /v1 prefix.
 * @example await app.register(commentRoutes, { prefix: '/v1', services })
 */
export const commentRoutes: FastifyPluginAsync<CommentRoutesOptions> = async (
  app,
  { services, siteUrl },
) => {
  const { newsroom, comments } = services
  // A browser may send a form-encoded or text/plain POST to any site without asking (no CORS
  // preflight). Taking JSON only means another site's page must ask first, and it is never
  // told yes; a foreign Origin is refused outright, for browsers that say where they come from.
  const refuseForeign = refuseCrossSite({ siteUrl, allowNullOrigin: false })
  const jsonOnly = async (request: FastifyRequest): Promise<void> => {
    const type = (request.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase()
    if (type !== 'application/json') throw unsupportedMediaType()
  }

  /** The published story at `slug` (following a renamed slug); not found otherwise. */
  const storyId = async (slug: string): Promise<number> => {
    const id = await newsroom.resolvePublishedId(slug)
    if (id === undefined) throw commentArticleNotFound({ slug })
    return id
  }

  app.get<{
    Params: Static<typeof SlugParams>
    Querystring: Static<typeof ListQuery>
    Reply: Static<typeof ListReply>
  }>(
    '/articles/:slug/comments',
    {
      schema: {
        params: SlugParams,
        querystring: ListQuery,
        response: { 200: ListReply, '4xx': ApiErrorBody },
      },
    },
    async (request, reply) => {
      const { order = 'newest', page = 1, perPage = 50 } = request.query
      const result = await comments.listThreads(await storyId(request.params.slug), {
        order,
        page,
        perPage,
      })
      reply.header('cache-control', 'public, max-age=30')
      return {
        order: result.order,
        page: result.page,
        perPage: result.perPage,
        totalPages: result.totalPages,
        totalThreads: result.totalThreads,
        totalComments: result.totalComments,
        comments: result.threads.map((thread) => ({
          ...publicComment(thread),
          replies: thread.replies.map(publicComment),
        })),
      }
    },
  )

  app.post<{
    Params: Static<typeof SlugParams>
    Body: Static<typeof PostBody>
    Reply: Static<typeof PostReply>
  }>(
    '/articles/:slug/comments',
    {
      // Before the body is parsed: a refused post costs no parsing.
      onRequest: [refuseForeign, jsonOnly],
      // A comment is at most 300 characters; 16 KiB leaves room for any encoding of it.
      bodyLimit: 16 * 1024,
      schema: {
        params: SlugParams,
        body: PostBody,
        response: { 201: PostReply, '4xx': ApiErrorBody },
      },
    },
    async (request, reply) => {
      const { name, email, body, parentId } = request.body
      // API clients are not held to the form's stamp and time-to-submit check (no formToken):
      // instead they must send JSON from no foreign origin (above), and the per-reader and
      // per-address rate limits, the repeat check and the moderation rules apply as to the form.
      const articleId = await storyId(request.params.slug)
      const comment = await comments
        .post({
          articleId,
          parentId: parentId ?? null,
          authorName: name,
          authorEmail: email ?? null,
          body,
          reader: readerOf(request),
        })
        .catch(renameField)
      reply.code(201)
      if (comment.status === 'published')
        return {
          comment: { ...publicComment(comment), status: 'published' as const },
          message: 'Thanks — your comment is published.',
        }
      const because = heldBecause(comment.holdReason)
      return {
        comment: {
          ...publicComment(comment),
          status: 'held' as const,
          ...(because === undefined ? {} : { heldBecause: because }),
        },
        message: heldMessage(because),
      }
    },
  )
}

/** The domain names fields as its input does; the API's body names them as the client sent them. */
const API_FIELDS: Record<string, string> = { authorName: 'name', authorEmail: 'email' }

/** Rethrows `error`, its `details.field` renamed to the request body's name for that field. */
function renameField(error: unknown): never {
  if (!isMastheadError(error)) throw error
  const renamed = API_FIELDS[String(error.details.field)]
  if (renamed === undefined) throw error
  throw error.withDetails({ ...error.details, field: renamed })
}

/** Who is posting, as the comments domain needs it (it stores only a salted hash of this). */
function readerOf(request: FastifyRequest) {
  return { address: request.ip, userAgent: request.headers['user-agent'] ?? '' }
}

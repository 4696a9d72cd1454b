/** The comments JSON API: list a story's comments, post one (201 with its status published | held). */

import type { FastifyPluginAsync, FastifyRequest } from 'fastify'
import { type Comment, commentArticleNotFound } from '../../comments/index.js'
import { isMastheadError } from '../../lib/errors.js'
import type { Services } from '../services.js'

export interface CommentRoutesOptions {
  services: Services
}

/** Rejects a property (Fastify's Ajv would otherwise strip unknown ones silently). */
const REJECT = { not: {} } as const

const commentSchema = {
  type: 'object',
  properties: {
    id: { type: 'integer' },
    parentId: { type: ['integer', 'null'] },
    name: { type: 'string' },
    body: { type: 'string' },
    createdAt: { type: 'string', format: 'date-time' },
  },
  required: ['id', 'parentId', 'name', 'body', 'createdAt'],
} as const

const threadSchema = {
  type: 'object',
  properties: {
    ...commentSchema.properties,
    replies: { type: 'array', items: commentSchema },
  },
  required: [...commentSchema.required, 'replies'],
} as const

const errorSchema = {
  type: 'object',
  properties: {
    error: {
      type: 'object',
      properties: {
        code: { type: 'string' },
        message: { type: 'string' },
        details: { type: 'object', additionalProperties: true },
      },
    },
  },
} as const

const slugParams = {
  type: 'object',
  properties: { slug: { type: 'string', minLength: 1, maxLength: 200 } },
  required: ['slug'],
} as const

interface ListQuery {
  order?: 'newest' | 'oldest'
  page?: number
  perPage?: number
}

interface PostBody {
  name: string
  email?: string | null
  body: string
  parentId?: number | null
}

/** A comment as the API shows it: never the e-mail, never the reader hash. */
function publicComment(comment: Comment) {
  return {
    id: comment.id,
    parentId: comment.parentId,
    name: comment.authorName,
    body: comment.body,
    createdAt: comment.createdAt.toISOString(),
  }
}

/**
 * GET and POST /articles/{slug}/comments, registered under /api with the /v1 prefix.
 * @example await app.register(commentRoutes, { prefix: '/v1', services })
 */
export const commentRoutes: FastifyPluginAsync<CommentRoutesOptions> = async (
  app,
  { services },
) => {
  const { newsroom, comments } = services

  /** The published story at `slug` (following a renamed slug); not found otherwise. */
  const storyId = async (slug: string): Promise<number> => {
    const id = await newsroom.resolvePublishedId(slug)
    if (id === undefined) throw commentArticleNotFound({ slug })
    return id
  }

  app.get<{ Params: { slug: string }; Querystring: ListQuery }>(
    '/articles/:slug/comments',
    {
      schema: {
        params: slugParams,
        querystring: {
          type: 'object',
          properties: {
            order: { type: 'string', enum: ['newest', 'oldest'] },
            page: { type: 'integer', minimum: 1, maximum: 100_000 },
            perPage: { type: 'integer', minimum: 1, maximum: 100 },
          },
          additionalProperties: REJECT,
        },
        response: {
          200: {
            type: 'object',
            properties: {
              order: { type: 'string' },
              page: { type: 'integer' },
              perPage: { type: 'integer' },
              totalPages: { type: 'integer' },
              totalThreads: { type: 'integer' },
              totalComments: { type: 'integer' },
              comments: { type: 'array', items: threadSchema },
            },
          },
          '4xx': errorSchema,
        },
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

  app.post<{ Params: { slug: string }; Body: PostBody }>(
    '/articles/:slug/comments',
    {
      // A comment is at most 300 characters; 16 KiB leaves room for any encoding of it.
      bodyLimit: 16 * 1024,
      schema: {
        params: slugParams,
        body: {
          type: 'object',
          properties: {
            name: { type: 'string' },
            email: { type: ['string', 'null'] },
            body: { type: 'string' },
            parentId: { type: ['integer', 'null'], minimum: 1, maximum: 2_147_483_647 },
          },
          required: ['name', 'body'],
          additionalProperties: REJECT,
        },
        response: {
          201: {
            type: 'object',
            properties: {
              comment: {
                type: 'object',
                properties: {
                  ...commentSchema.properties,
                  status: { type: 'string', enum: ['published', 'held'] },
                },
              },
              message: { type: 'string' },
            },
          },
          '4xx': errorSchema,
        },
      },
    },
    async (request, reply) => {
      const { name, email, body, parentId } = request.body
      // API clients are not held to the form's time-to-submit check (no formToken): the rate
      // limits, repeat check and moderation rules apply to them as to the form.
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
      const status = comment.status === 'published' ? 'published' : 'held'
      reply.code(201)
      return {
        comment: { ...publicComment(comment), status },
        message:
          status === 'published'
            ? 'Thanks — your comment is published.'
            : 'Thanks — your comment is waiting for review.',
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

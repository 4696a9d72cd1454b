/**
 * The Content API: published stories, sections, authors and tags as JSON, for apps, newsletters
 * and partners. Every route needs an API key (`Authorization: Bearer …`) and counts against the
 * key's limit; browsers may call it from the configured origins (CORS).
 */

import { createHash } from 'node:crypto'
import { type Static, Type } from '@sinclair/typebox'
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify'
import type { ArticleListFilter, ArticleSummary, Tag } from '../../newsroom/index.js'
import { isNotModified } from '../http/conditional.js'
import type { LiveSite } from '../live-site.js'
import type { Services } from '../services.js'
import { authorPath, sectionPath, tagPath } from '../site/site-urls.js'
import {
  contentArticleNotFound,
  contentCursorInvalid,
  contentFieldsInvalid,
  contentFilterNotFound,
} from './content-errors.js'
import { ArticleDetail, ArticleItem, articleItem, type ArticleItemValue } from './content-items.js'

export interface ContentOptions {
  services: Services
  /** The configured URL, and the name, language and logo the admin set (read at each request). */
  site: LiveSite
  corsOrigins: readonly string[]
}

const MAX_LIMIT = 100
const CACHE_CONTROL = 'private, max-age=60'
const Slug = Type.String({ minLength: 1, maxLength: 200, pattern: '^[a-z0-9]+(?:-[a-z0-9]+)*$' })
const Instant = Type.String({ format: 'date-time' })

const ListQuery = Type.Object(
  {
    section: Type.Optional(Slug),
    tag: Type.Optional(Slug),
    author: Type.Optional(Slug),
    since: Type.Optional(Instant),
    until: Type.Optional(Instant),
    limit: Type.Integer({ minimum: 1, maximum: MAX_LIMIT, default: 20 }),
    cursor: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    fields: Type.Optional(Type.String({ minLength: 1, maxLength: 300, pattern: '^[a-zA-Z,]+$' })),
  },
  { additionalProperties: false },
)
type ListQuery = Static<typeof ListQuery>

const ListReply = Type.Object({
  articles: Type.Array(ArticleItem),
  next: Type.Union([Type.String(), Type.Null()], {
    description: 'Pass as `cursor` for the next page; null on the last page.',
  }),
})

const SlugParams = Type.Object({ slug: Slug })

const SectionsReply = Type.Object({
  sections: Type.Array(
    Type.Object({
      slug: Type.String(),
      name: Type.String(),
      description: Type.String(),
      url: Type.String(),
    }),
  ),
})

const AuthorsReply = Type.Object({
  authors: Type.Array(
    Type.Object({
      slug: Type.String(),
      name: Type.String(),
      jobTitle: Type.String(),
      bio: Type.String(),
      url: Type.String(),
      stories: Type.Integer(),
    }),
  ),
})

const TagsReply = Type.Object({
  tags: Type.Array(
    Type.Object({
      slug: Type.String(),
      name: Type.String(),
      url: Type.String(),
      stories: Type.Integer(),
    }),
  ),
})

const LogoImage = Type.Object({
  url: Type.String(),
  width: Type.Integer(),
  height: Type.Integer(),
})

const SiteReply = Type.Object({
  site: Type.Object({
    name: Type.String(),
    language: Type.String({ description: 'A BCP 47 language tag (en, en-GB, pt-BR)' }),
    url: Type.String(),
    logo: Type.Union([Type.Object({ header: LogoImage, large: LogoImage }), Type.Null()], {
      description:
        'PNG renditions of the site logo (header: 96 px high at most); null without one.',
    }),
  }),
})

const SECURITY = [{ apiKey: [] }]
const FIELDS = Object.keys(ArticleItem.properties)

/** An opaque position after `story` in the newest-first order. */
function cursorOf(story: ArticleSummary): string {
  return Buffer.from(`${story.publishedAt.getTime()}.${story.id}`).toString('base64url')
}

function parseCursor(cursor: string): { publishedAt: Date; id: number } {
  const match = /^(\d{1,15})\.(\d{1,10})$/.exec(Buffer.from(cursor, 'base64url').toString())
  const id = Number(match?.[2])
  if (match === null || !(id >= 1 && id <= 2_147_483_647)) throw contentCursorInvalid()
  return { publishedAt: new Date(Number(match[1])), id }
}

/** The fields to keep, from `fields=headline,url`; id is always kept. */
function parseFields(raw: string | undefined): Set<string> | undefined {
  if (raw === undefined) return undefined
  const names = raw.split(',').filter((name) => name !== '')
  const unknown = names.filter((name) => !FIELDS.includes(name))
  if (unknown.length > 0) throw contentFieldsInvalid(unknown, FIELDS)
  return new Set(['id', ...names])
}

function pick(item: ArticleItemValue, fields: Set<string> | undefined): ArticleItemValue {
  if (fields === undefined) return item
  return Object.fromEntries(
    Object.entries(item).filter(([key]) => fields.has(key)),
  ) as ArticleItemValue
}

/** Sends `body` with a validator, or 304 when the client holds it already. */
function sendCached<T>(request: FastifyRequest, reply: FastifyReply, body: T): T | FastifyReply {
  const etag = `"${createHash('sha1').update(JSON.stringify(body)).digest('base64url')}"`
  reply.header('cache-control', CACHE_CONTROL).header('etag', etag)
  if (isNotModified({ ifNoneMatch: request.headers['if-none-match'] }, { etags: [etag] }))
    return reply.code(304).send()
  return body
}

/** The Content API routes; registered under /api with the /v1 prefix. */
export const contentRoutes: FastifyPluginAsync<ContentOptions> = async (app, options) => {
  const { services, site, corsOrigins } = options
  const siteUrl = site.url
  const { newsroom, apiKeys } = services
  const absolute = (path: string): string => `${siteUrl}${path}`
  const anyOrigin = corsOrigins.includes('*')

  app.addHook('onRequest', async (request, reply) => {
    const origin = request.headers.origin
    if (origin !== undefined && (anyOrigin || corsOrigins.includes(origin))) {
      reply.header('access-control-allow-origin', anyOrigin ? '*' : origin)
      reply.header(
        'access-control-expose-headers',
        'ETag, Retry-After, RateLimit-Limit, RateLimit-Remaining, RateLimit-Reset',
      )
    }
    if (!anyOrigin) reply.header('vary', 'Origin')
    if (request.method === 'OPTIONS') return
    reply.header('www-authenticate', 'Bearer realm="Content API"')
    const caller = await apiKeys.authenticate(request.headers.authorization)
    reply.removeHeader('www-authenticate')
    try {
      const rate = await apiKeys.consume(caller)
      if (rate.limit > 0) {
        reply.header('ratelimit-limit', String(rate.limit))
        reply.header('ratelimit-remaining', String(rate.remaining))
        reply.header('ratelimit-reset', String(rate.resetSeconds))
      }
    } catch (error) {
      reply.header('ratelimit-remaining', '0')
      throw error
    }
  })

  // Preflight: browsers ask before sending Authorization from another origin.
  const preflight = async (request: FastifyRequest, reply: FastifyReply) => {
    const origin = request.headers.origin
    if (origin !== undefined && (anyOrigin || corsOrigins.includes(origin))) {
      reply.header('access-control-allow-methods', 'GET, OPTIONS')
      reply.header('access-control-allow-headers', 'Authorization, If-None-Match')
      reply.header('access-control-max-age', '600')
    }
    return reply.code(204).send()
  }
  for (const path of ['/site', '/articles', '/articles/:slug', '/sections', '/authors', '/tags'])
    app.options(path, preflight)

  const filterOf = async (query: ListQuery): Promise<ArticleListFilter> => {
    const filter: ArticleListFilter = {}
    if (query.section !== undefined) {
      const section = await newsroom.getSection(query.section)
      if (section === undefined) throw contentFilterNotFound('section', query.section)
      filter.sectionId = section.id
    }
    if (query.tag !== undefined) {
      const tag = await newsroom.getTag(query.tag)
      if (tag === undefined) throw contentFilterNotFound('tag', query.tag)
      filter.tagId = tag.id
    }
    if (query.author !== undefined) {
      const author = await newsroom.getAuthor(query.author)
      if (author === undefined) throw contentFilterNotFound('author', query.author)
      filter.authorId = author.id
    }
    return filter
  }

  app.get(
    '/site',
    {
      schema: {
        summary: 'The site: its name, language, address and logo',
        description: 'As the admin set them in the newsroom’s settings.',
        tags: ['content'],
        security: SECURITY,
        response: { 200: SiteReply },
      },
    },
    async (request, reply) => {
      const logo = site.logo
      const image = (file: { url: string; width: number; height: number }) => ({
        ...file,
        url: absolute(file.url),
      })
      return sendCached(request, reply, {
        site: {
          name: site.name,
          language: site.language,
          url: `${siteUrl}/`,
          logo: logo === null ? null : { header: image(logo.header), large: image(logo.large) },
        },
      })
    },
  )

  app.get(
    '/articles',
    {
      schema: {
        summary: 'Published stories, newest first',
        description:
          'Filter by section, tag or author slug and by publication time; page with `cursor`.',
        tags: ['content'],
        security: SECURITY,
        querystring: ListQuery,
        response: { 200: ListReply },
      },
    },
    async (request, reply) => {
      const query = request.query as ListQuery
      const fields = parseFields(query.fields)
      const stories = await newsroom.contentPage({
        filter: await filterOf(query),
        ...(query.since === undefined ? {} : { since: new Date(query.since) }),
        ...(query.until === undefined ? {} : { until: new Date(query.until) }),
        ...(query.cursor === undefined ? {} : { after: parseCursor(query.cursor) }),
        limit: query.limit + 1,
      })
      const page = stories.slice(0, query.limit)
      const tags = await newsroom.tagsByArticle(page.map((story) => story.id))
      const last = page.at(-1)
      return sendCached(request, reply, {
        articles: page.map((story) =>
          pick(articleItem(story, tags.get(story.id) ?? [], absolute), fields),
        ),
        next: stories.length > query.limit && last !== undefined ? cursorOf(last) : null,
      })
    },
  )

  app.get(
    '/articles/:slug',
    {
      schema: {
        summary: 'One published story, with its body as HTML and as Markdown',
        description: 'A story that moved (renamed slug) answers 301 to its new address.',
        tags: ['content'],
        security: SECURITY,
        params: SlugParams,
        response: { 200: Type.Object({ article: ArticleDetail }) },
      },
    },
    async (request, reply) => {
      const { slug } = request.params as Static<typeof SlugParams>
      const lookup = await newsroom.findPublishedArticle(slug)
      if (lookup === undefined) throw contentArticleNotFound(slug)
      if (lookup.kind === 'moved')
        return reply.redirect(`/api/v1/articles/${encodeURIComponent(lookup.slug)}`, 301)
      const { article } = lookup
      const markdown = (await newsroom.markdownOf(article.id)) ?? ''
      const tags: Tag[] = article.tags
      return sendCached(request, reply, {
        article: {
          ...articleItem(article, tags, absolute),
          bodyHtml: article.bodyHtml,
          bodyMarkdown: markdown,
          wordCount: article.wordCount,
          modifiedAt: article.modifiedAt.toISOString(),
          seoTitle: article.seoTitle,
          seoDescription: article.seoDescription,
        },
      })
    },
  )

  app.get(
    '/sections',
    {
      schema: {
        summary: 'Every section, in the site’s order',
        tags: ['content'],
        security: SECURITY,
        response: { 200: SectionsReply },
      },
    },
    async (request, reply) => {
      const sections = await newsroom.listSections()
      return sendCached(request, reply, {
        sections: sections.map((s) => ({
          slug: s.slug,
          name: s.name,
          description: s.description,
          url: absolute(sectionPath(s)),
        })),
      })
    },
  )

  app.get(
    '/authors',
    {
      schema: {
        summary: 'Every author, by name, with their count of published stories',
        tags: ['content'],
        security: SECURITY,
        response: { 200: AuthorsReply },
      },
    },
    async (request, reply) => {
      const authors = await newsroom.authorsWithCounts()
      return sendCached(request, reply, {
        authors: authors.map((a) => ({
          slug: a.slug,
          name: a.name,
          jobTitle: a.jobTitle,
          bio: a.bio,
          url: absolute(authorPath(a)),
          stories: a.stories,
        })),
      })
    },
  )

  app.get(
    '/tags',
    {
      schema: {
        summary: 'Tags on published stories, most used first',
        tags: ['content'],
        security: SECURITY,
        response: { 200: TagsReply },
      },
    },
    async (request, reply) => {
      const tags = await newsroom.tagsInUse()
      return sendCached(request, reply, {
        tags: tags.map((t) => ({
          slug: t.slug,
          name: t.name,
          url: absolute(tagPath(t)),
          stories: t.stories,
        })),
      })
    },
  )
}

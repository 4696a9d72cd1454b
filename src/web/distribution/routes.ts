/**
 * Feeds, sitemaps and robots.txt. Feeds and the sitemap index go through the page cache (ETag,
 * Last-Modified, 304, purged by the same bus events as the pages that show the same stories);
 * sitemap files are streamed from the database page by page, gzipped on the way when accepted.
 */

import { Readable } from 'node:stream'
import { createGzip } from 'node:zlib'
import type { FastifyPluginAsync, FastifyReply } from 'fastify'
import {
  type FeedFormat,
  type FeedScope,
  feedNotFound,
  sitemapNotFound,
} from '../../distribution/index.js'
import { chooseEncoding } from '../http/negotiation.js'
import type { Services } from '../services.js'
import { PlainQuery, SlugParams } from '../site/route-schemas.js'
import { FEED_FILES } from './distribution-links.js'

export interface DistributionRoutesOptions {
  services: Services
}

const XML = 'application/xml; charset=utf-8'
/** The config of routes whose answers the page cache keeps (their concurrent misses render once). */
const STORED = { storesPages: true }
/** Sitemaps change with every story; crawlers read them a few times a day at most. */
const SITEMAP_CACHE = 'public, max-age=300'
const SitemapParams = {
  type: 'object',
  properties: { name: { type: 'string', maxLength: 40 } },
  required: ['name'],
} as const

/**
 * Registers the feed routes of every scope, /sitemap.xml, /sitemap-{name}.xml and /robots.txt.
 * @example app.register(distributionPlugin, { services })
 */
export const distributionPlugin: FastifyPluginAsync<DistributionRoutesOptions> = async (
  app,
  { services },
) => {
  const { distribution } = services

  const sendFeed = async (
    reply: FastifyReply,
    scope: FeedScope,
    format: FeedFormat,
  ): Promise<FastifyReply> => {
    const feed = await distribution.feed(scope, format)
    if (feed === undefined) throw feedNotFound(scope as { kind: string; slug: string })
    const { kind, id, slug } = feed.scope
    // The same tags as the page the feed mirrors: what purges the page purges its feeds.
    const tag = kind === 'site' ? 'front' : kind === 'section' ? `section:${slug}` : `${kind}:${id}`
    return reply.sendPage({
      status: 200,
      html: feed.body,
      contentType: feed.contentType,
      cacheTags: [tag],
      lastModified: feed.lastModified,
    })
  }

  for (const [format, file] of Object.entries(FEED_FILES) as [FeedFormat, string][]) {
    // Feeds are kept by the page cache: their concurrent misses render once.
    const site = { schema: { querystring: PlainQuery }, config: STORED }
    const scoped = { schema: { params: SlugParams, querystring: PlainQuery }, config: STORED }
    app.get(`/${file}`, site, (_request, reply) => sendFeed(reply, { kind: 'site' }, format))
    app.get<{ Params: SlugParams }>(`/:slug/${file}`, scoped, (request, reply) =>
      sendFeed(reply, { kind: 'section', slug: request.params.slug }, format),
    )
    app.get<{ Params: SlugParams }>(`/author/:slug/${file}`, scoped, (request, reply) =>
      sendFeed(reply, { kind: 'author', slug: request.params.slug }, format),
    )
    app.get<{ Params: SlugParams }>(`/tag/:slug/${file}`, scoped, (request, reply) =>
      sendFeed(reply, { kind: 'tag', slug: request.params.slug }, format),
    )
  }

  const sitemapIndex = { schema: { querystring: PlainQuery }, config: STORED }
  app.get('/sitemap.xml', sitemapIndex, async (_request, reply) => {
    const index = await distribution.sitemapIndex()
    return reply.sendPage({
      status: 200,
      html: index.body,
      contentType: XML,
      cacheTags: ['front'],
      lastModified: index.lastModified,
    })
  })

  app.get<{ Params: { name: string } }>(
    '/sitemap-:name.xml',
    { schema: { params: SitemapParams, querystring: PlainQuery } },
    async (request, reply) => {
      const chunks = await distribution.sitemap(request.params.name)
      if (chunks === undefined) throw sitemapNotFound(request.params.name)
      const body = Readable.from(chunks, { objectMode: false })
      reply.header('cache-control', SITEMAP_CACHE).header('vary', 'Accept-Encoding').type(XML)
      if (chooseEncoding(request.headers['accept-encoding'], ['gzip']) !== 'gzip')
        return reply.send(body)
      reply.header('content-encoding', 'gzip')
      // Errors on either side destroy both, so a failed read ends the reply instead of hanging.
      const gzip = createGzip({ level: 6 })
      body.on('error', (error) => gzip.destroy(error))
      return reply.send(body.pipe(gzip))
    },
  )

  app.get('/robots.txt', { schema: { querystring: PlainQuery } }, (_request, reply) =>
    reply
      .header('cache-control', 'public, max-age=3600')
      .type('text/plain; charset=utf-8')
      .send(distribution.robotsTxt()),
  )
}

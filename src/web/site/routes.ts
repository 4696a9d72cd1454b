/** The reader site plugin: front, section, author, tag and article pages, comments, 404 and errors. */

import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify'
import type { ReaderIdentity } from '../../comments/index.js'
import type { Config } from '../../config.js'
import { type Clock, systemClock } from '../../lib/clock.js'
import type { AssetManifest } from '../assets/asset-manifest.js'
import { renderDocument } from '../render/html.js'
import type { PageResult } from '../page-result.js'
import type { SearchFields } from '../search-request.js'
import type { Services } from '../services.js'
import { refuseCrossSite } from '../plugins/cross-site.js'
import { postComment, reportComment } from './comment-posting.js'
import { renderErrorPage } from './error-rendering.js'
import type { LoadedPage, PageContext } from './page-context.js'
import { articlePath } from './site-urls.js'
import { loadArticlePage } from './pages/load-article-page.js'
import { ArticlePage } from './pages/article-page.tsx'
import { loadAuthorPage } from './pages/load-author-page.js'
import { loadCorrectionsPage } from './pages/load-corrections-page.js'
import { CorrectionsPage } from './pages/corrections-page.tsx'
import { AuthorPage } from './pages/author-page.tsx'
import { loadFrontPage } from './pages/load-front-page.js'
import { FrontPage } from './pages/front-page.tsx'
import { loadNotFoundPage } from './pages/load-not-found-page.js'
import { NotFoundPage } from './pages/not-found-page.tsx'
import { loadSearchPage } from './pages/load-search-page.js'
import { SearchPage } from './pages/search-page.tsx'
import { loadSectionPage } from './pages/load-section-page.js'
import { SectionPage } from './pages/section-page.tsx'
import { loadTagPage } from './pages/load-tag-page.js'
import { TagPage } from './pages/tag-page.tsx'
import {
  ArticleQuery,
  CommentForm,
  CommentParams,
  ListQuery,
  PlainQuery,
  ReportBody,
  SearchPageQuery,
  SlugParams,
  StoryParams,
} from './route-schemas.js'

/** The config of routes whose pages the page cache keeps (their concurrent misses render once). */
const STORED = { storesPages: true }

export interface SiteOptions {
  services: Services
  site: Config['site']
  assets: AssetManifest
  /** Campaign parameters for share links (config.distribution.shareUtm); absent: clean links. */
  shareUtm?: Config['distribution']['shareUtm']
  /** The edition date's source; the wall clock unless a test fixes it. */
  clock?: Clock
}

/**
 * The encapsulated reader site; registered by the server.
 * @example app.register(sitePlugin, { services, site: config.site, assets })
 */
export const sitePlugin: FastifyPluginAsync<SiteOptions> = async (app, options) => {
  const clock = options.clock ?? systemClock
  /** How long the banner a request's page shows has left: its cache entry must not outlive it. */
  const bannerLeft = new WeakMap<FastifyRequest, number>()
  /** The page context, with the breaking-news banner up now (kept by the front desk, checked against the clock per render). */
  const context = async (request: FastifyRequest): Promise<PageContext> => {
    const banner = await options.services.newsroom.front.currentBanner()
    if (banner !== undefined) bannerLeft.set(request, banner.msLeft)
    return {
      services: options.services,
      site: options.site,
      assets: options.assets,
      now: clock.now(),
      shareUtm: options.shareUtm ?? null,
      banner: banner === undefined ? null : { text: banner.text, link: banner.link },
    }
  }

  /** The context of an error page: the banner too, unless reading it is what fails. */
  const errorContext = async (request: FastifyRequest): Promise<PageContext> => {
    try {
      return await context(request)
    } catch {
      return {
        services: options.services,
        site: options.site,
        assets: options.assets,
        now: clock.now(),
        shareUtm: options.shareUtm ?? null,
        banner: null,
      }
    }
  }

  /** Hands a rendered page to the page cache (which sends it and offers story readings to the view counter). */
  const sendPage = (
    reply: FastifyReply,
    status: number,
    html: string,
    loaded: LoadedPage<unknown> | undefined,
    viewOf?: number,
  ): FastifyReply => {
    const left = bannerLeft.get(reply.request)
    const result: PageResult = {
      status,
      html,
      // Every reader page shows the banner slot, so every stored page goes when the banner changes.
      cacheTags: loaded === undefined ? [] : [...loaded.cacheTags, 'banner'],
      lastModified: loaded?.lastModified ?? null,
      ...(viewOf === undefined ? {} : { viewOf }),
      ...(left === undefined ? {} : { maxAgeMs: left }),
    }
    return reply.sendPage(result)
  }

  const notFound = async (request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> => {
    // Paths under /api/ look like `/:section/:slug` to the router; they keep the global JSON 404.
    if (request.url === '/api' || request.url.startsWith('/api/')) {
      reply.callNotFound()
      return reply
    }
    const reading = request.method === 'GET' || request.method === 'HEAD'
    // An address the story had on the platform it was imported from.
    const imported = reading ? await importedLocation(options.services, request.url) : undefined
    if (imported !== undefined) return reply.redirect(imported, 301)
    // A near miss of one of our addresses (a trailing slash, say) is sent where it belongs.
    const tidy = reading ? tidyPath(request) : undefined
    if (tidy !== undefined) return reply.redirect(tidy, 301)
    const props = await loadNotFoundPage(await context(request))
    return sendPage(reply, 404, renderDocument(NotFoundPage(props)), undefined)
  }

  // Forms carry a stamp; this also refuses what a browser says came from another site.
  const refuseForeign = refuseCrossSite({ siteUrl: options.site.url, allowNullOrigin: true })

  // WordPress addresses stories as `/?p=123`: such a query is looked up before it is refused.
  const importedHome = async (request: FastifyRequest, reply: FastifyReply) => {
    if (!request.url.includes('?') || (request.method !== 'GET' && request.method !== 'HEAD'))
      return
    const location = await importedLocation(options.services, request.url)
    if (location !== undefined) await reply.redirect(location, 301)
  }

  app.get(
    '/',
    { schema: { querystring: PlainQuery }, preValidation: importedHome, config: STORED },
    async (request, reply) => {
      const loaded = await loadFrontPage(await context(request))
      return sendPage(reply, 200, renderDocument(FrontPage(loaded.props)), loaded)
    },
  )

  app.get<{ Querystring: ListQuery }>(
    '/corrections',
    { schema: { querystring: ListQuery }, config: STORED },
    async (request, reply) => {
      const loaded = await loadCorrectionsPage(await context(request), request.query.page ?? 1)
      if (loaded === undefined) return notFound(request, reply)
      return sendPage(reply, 200, renderDocument(CorrectionsPage(loaded.props)), loaded)
    },
  )

  // Results depend on the query, an unbounded key space: never stored by the page cache, sent
  // `private, no-cache` and kept out of search engines.
  app.get<{ Querystring: SearchFields }>(
    '/search',
    { schema: { querystring: SearchPageQuery } },
    async (request, reply) => {
      const props = await loadSearchPage(await context(request), request.query)
      reply.header('x-robots-tag', 'noindex')
      const html = renderDocument(SearchPage(props))
      return reply.sendPage(
        { status: 200, html, cacheTags: [], lastModified: null },
        { cache: false },
      )
    },
  )

  app.get<{ Params: SlugParams; Querystring: ListQuery }>(
    '/author/:slug',
    { schema: { params: SlugParams, querystring: ListQuery }, config: STORED },
    async (request, reply) => {
      const loaded = await loadAuthorPage(
        await context(request),
        request.params.slug,
        request.query.page ?? 1,
      )
      if (loaded === undefined) return notFound(request, reply)
      return sendPage(reply, 200, renderDocument(AuthorPage(loaded.props)), loaded)
    },
  )

  app.get<{ Params: SlugParams; Querystring: ListQuery }>(
    '/tag/:slug',
    { schema: { params: SlugParams, querystring: ListQuery }, config: STORED },
    async (request, reply) => {
      const loaded = await loadTagPage(
        await context(request),
        request.params.slug,
        request.query.page ?? 1,
      )
      if (loaded === undefined) return notFound(request, reply)
      return sendPage(reply, 200, renderDocument(TagPage(loaded.props)), loaded)
    },
  )

  app.get<{ Params: SlugParams; Querystring: ListQuery }>(
    '/:slug',
    { schema: { params: SlugParams, querystring: ListQuery }, config: STORED },
    async (request, reply) => {
      const page = request.query.page ?? 1
      const loaded = await loadSectionPage(await context(request), request.params.slug, page)
      if (loaded === undefined) {
        // A section's former address (renamed on the sections screen) moves with it.
        const moved = await options.services.newsroom.sectionRedirect(request.params.slug)
        if (moved !== undefined) return reply.redirect(`/${moved}${queryOf(request)}`, 301)
        return notFound(request, reply)
      }
      return sendPage(reply, 200, renderDocument(SectionPage(loaded.props)), loaded)
    },
  )

  app.get<{ Params: StoryParams; Querystring: ArticleQuery }>(
    '/:section/:slug',
    { schema: { params: StoryParams, querystring: ArticleQuery }, config: STORED },
    async (request, reply) => {
      const { order, cpage, reply: replyTo, notice, because } = request.query
      const result = await loadArticlePage(await context(request), request.params, undefined, {
        order,
        page: cpage,
        replyTo,
        notice,
        heldBecause: notice === 'held' ? because : undefined,
      })
      switch (result.kind) {
        case 'missing':
          return notFound(request, reply)
        case 'gone': {
          const props = await loadNotFoundPage(await context(request))
          return sendPage(
            reply,
            410,
            renderDocument(NotFoundPage({ ...props, gone: true })),
            undefined,
          )
        }
        case 'redirect':
          return reply.redirect(result.location + queryOf(request), 301)
        case 'page':
          return sendPage(
            reply,
            200,
            renderDocument(ArticlePage(result.page.props)),
            result.page,
            result.page.props.article.id,
          )
      }
    },
  )

  app.post<{ Params: StoryParams; Body: CommentForm | undefined }>(
    '/:section/:slug/comments',
    {
      onRequest: refuseForeign,
      schema: { params: StoryParams, querystring: PlainQuery, body: CommentForm },
    },
    async (request, reply) => {
      const outcome = await postComment(
        await context(request),
        request.params.slug,
        request.body ?? {},
        readerOf(request),
      )
      switch (outcome.kind) {
        case 'missing':
          return notFound(request, reply)
        case 'posted':
          // 303: the browser follows with a GET, so a reload cannot post the comment twice.
          return reply.redirect(outcome.location, 303)
        case 'refused': {
          if (outcome.retryAfterSeconds !== undefined)
            reply.header('retry-after', String(Math.ceil(outcome.retryAfterSeconds)))
          const html = renderDocument(ArticlePage(outcome.page.props))
          return sendPage(reply, outcome.status, html, undefined)
        }
      }
    },
  )

  app.post<{ Params: CommentParams; Body: ReportBody | undefined }>(
    '/:section/:slug/comments/:id/report',
    {
      onRequest: refuseForeign,
      schema: {
        params: CommentParams,
        querystring: PlainQuery,
        body: ReportBody,
      },
    },
    async (request, reply) => {
      const { slug, id } = request.params
      const stamp = request.body?.stamp ?? ''
      const outcome = await reportComment(
        await context(request),
        slug,
        id,
        readerOf(request),
        stamp,
      )
      if (outcome.kind === 'missing') return notFound(request, reply)
      return reply.redirect(outcome.location, 303)
    },
  )

  // Fastify allows one not-found handler per prefix and the global error plugin owns '/', so the
  // site answers every path no other route matched with this catch-all (lowest priority in the
  // router).
  app.all('/*', async (request, reply) => {
    if (request.url.startsWith('/api/')) return reply.callNotFound()
    return notFound(request, reply)
  })

  app.setErrorHandler(async (error, request, reply) => {
    const { status, html } = await renderErrorPage(await errorContext(request), error, request)
    return sendPage(reply, status, html, undefined)
  })
}

/** Who is asking, as the comments domain needs it (it stores only a salted hash of this). */
function readerOf(request: FastifyRequest): ReaderIdentity {
  return { address: request.ip, userAgent: request.headers['user-agent'] ?? '' }
}

/** A section, author, tag or story path with a trailing slash (`/asia/`, `/asia/story/`). */
const TRAILING_SLASH = /^((?:\/[a-z0-9]+(?:-[a-z0-9]+)*){1,2})\/$/
/** A story's comment form target, fetched with GET (a reader reloading after a refused post). */
const COMMENTS_TARGET = /^(\/[a-z0-9]+(?:-[a-z0-9]+)*\/[a-z0-9]+(?:-[a-z0-9]+)*)\/comments\/?$/

/**
 * Where a near-miss address belongs, or undefined. Only our own path shapes are rewritten, so a
 * path such as `//elsewhere.example/` can never become a redirect off the site.
 */
function tidyPath(request: FastifyRequest): string | undefined {
  const query = queryOf(request)
  const path = query === '' ? request.url : request.url.slice(0, -query.length)
  const slashed = TRAILING_SLASH.exec(path)
  if (slashed?.[1] !== undefined) return slashed[1] + query
  const comments = COMMENTS_TARGET.exec(path)
  if (comments?.[1] !== undefined) return `${comments[1]}#comments-title`
  return undefined
}

/** Where an address from an imported platform now lives (a published story's path), if anywhere. */
async function importedLocation(services: Services, url: string): Promise<string | undefined> {
  const id = await services.imports.redirectFor(url)
  if (id === undefined) return undefined
  const [story] = await services.newsroom.summariesByIds([id])
  return story === undefined ? undefined : articlePath(story)
}

/** The request's query string with its `?`, kept on redirects so shared links keep their tags. */
function queryOf(request: FastifyRequest): string {
  const at = request.url.indexOf('?')
  return at === -1 ? '' : request.url.slice(at)
}

/** The Content API on the real app: keys, filters, cursors, fields, caching, limits and CORS. */

import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import Fastify from 'fastify'
import { apiPlugin } from '../../../src/web/api/api-routes.js'
import { liveSite } from '../../../src/web/live-site.js'
import {
  describedRoutes,
  type DescribedRoute,
  openApiPath,
  plain,
} from '../../../src/web/api/openapi.js'
import { buildTestApp, type TestApp } from '../../helpers/build-test-app.js'

interface Item {
  id: number
  slug?: string
  url?: string
  headline?: string
  publishedAt?: string
  section?: { slug: string; name: string; url: string }
  authors?: { slug: string; name: string; url: string }[]
  tags?: { slug: string; name: string; url: string }[]
  leadPhoto?: { alt: string; renditions: { url: string; width: number }[] } | null
}

describe('content api', () => {
  let testApp: TestApp
  let key = ''
  const get = (url: string, headers: Record<string, string> = {}) =>
    testApp.app.web.inject({ url, headers: { authorization: `Bearer ${key}`, ...headers } })

  before(async () => {
    testApp = await buildTestApp({
      articles: 40,
      env: {
        MASTHEAD_API_RATE_PER_MINUTE: '1000',
        MASTHEAD_API_CORS_ORIGINS: 'https://app.example.org',
      },
    })
    key = (await testApp.app.services.apiKeys.add('tests')).secret
  })
  after(() => testApp.dispose())

  test('without a key: 401 with a JSON error and WWW-Authenticate', async () => {
    for (const authorization of [undefined, 'Bearer nope', `Bearer mh_${'x'.repeat(32)}`]) {
      const response = await testApp.app.web.inject({
        url: '/api/v1/articles',
        headers: authorization === undefined ? {} : { authorization },
      })
      assert.equal(response.statusCode, 401)
      assert.match(String(response.headers['www-authenticate']), /^Bearer realm=/)
      const body = response.json<{ error: { code: string; message: string } }>()
      assert.match(body.error.code, /^API_KEY_(MISSING|INVALID)$/)
      assert.ok(body.error.message.length > 10)
    }
  })

  test('the public reader endpoints stay public', async () => {
    const popular = await testApp.app.web.inject({ url: '/api/v1/popular' })
    assert.equal(popular.statusCode, 200)
    const spec = await testApp.app.web.inject({ url: '/api/v1/openapi.json' })
    assert.equal(spec.statusCode, 200)
  })

  test('articles: a cursor walks every published story once, newest first', async () => {
    const total = await testApp.app.services.newsroom.countPublished()
    const seen: Item[] = []
    let url = '/api/v1/articles?limit=7'
    for (let guard = 0; guard < 20; guard++) {
      const response = await get(url)
      assert.equal(response.statusCode, 200)
      assert.equal(response.headers['cache-control'], 'private, max-age=60')
      assert.equal(response.headers['ratelimit-limit'], '1000')
      const body = response.json<{ articles: Item[]; next: string | null }>()
      seen.push(...body.articles)
      if (body.next === null) break
      url = `/api/v1/articles?limit=7&cursor=${encodeURIComponent(body.next)}`
    }
    assert.equal(seen.length, total)
    assert.equal(new Set(seen.map((s) => s.id)).size, total)
    const times = seen.map((s) => Date.parse(s.publishedAt ?? ''))
    assert.deepEqual(
      times,
      [...times].sort((a, b) => b - a),
    )
    const first = seen[0]
    assert.match(first?.url ?? '', /^http:\/\/127\.0\.0\.1:3000\/[a-z0-9-]+\/[a-z0-9-]+$/)
    assert.ok((first?.authors?.length ?? 0) > 0)
    assert.match(first?.section?.url ?? '', /^http:\/\/127\.0\.0\.1:3000\//)
  })

  test('filters by section, tag and author, and by time', async () => {
    const { articles } = (await get('/api/v1/articles?limit=100')).json<{ articles: Item[] }>()
    const sample = articles.find((a) => (a.tags?.length ?? 0) > 0)
    assert.ok(sample?.section && sample.tags?.[0] && sample.authors?.[0])
    const only = async (query: string, check: (item: Item) => boolean) => {
      const response = await get(`/api/v1/articles?limit=100&${query}`)
      assert.equal(response.statusCode, 200, query)
      const items = response.json<{ articles: Item[] }>().articles
      assert.ok(items.length > 0, query)
      assert.ok(items.every(check), query)
      return items
    }
    await only(`section=${sample.section.slug}`, (i) => i.section?.slug === sample.section?.slug)
    const tag = sample.tags[0]?.slug ?? ''
    await only(`tag=${tag}`, (i) => i.tags?.some((t) => t.slug === tag) ?? false)
    const author = sample.authors[0]?.slug ?? ''
    await only(`author=${author}`, (i) => i.authors?.some((a) => a.slug === author) ?? false)
    const since = sample.publishedAt ?? ''
    await only(`since=${encodeURIComponent(since)}`, (i) => (i.publishedAt ?? '') >= since)
    const until = await get(`/api/v1/articles?until=${encodeURIComponent(since)}&limit=100`)
    assert.ok(
      until.json<{ articles: Item[] }>().articles.every((i) => (i.publishedAt ?? '') < since),
    )
  })

  test('fields keeps only the named fields (and id)', async () => {
    const response = await get('/api/v1/articles?limit=3&fields=headline,url')
    const { articles } = response.json<{ articles: Item[] }>()
    for (const item of articles)
      assert.deepEqual(Object.keys(item).sort(), ['headline', 'id', 'url'])
  })

  test('bad filters, cursors and fields are clear 4xx errors', async () => {
    const cases: [string, number, string][] = [
      ['/api/v1/articles?section=no-such-section', 404, 'CONTENT_FILTER_NOT_FOUND'],
      ['/api/v1/articles?tag=no-such-tag', 404, 'CONTENT_FILTER_NOT_FOUND'],
      ['/api/v1/articles?author=nobody-here', 404, 'CONTENT_FILTER_NOT_FOUND'],
      ['/api/v1/articles?cursor=bm90LWEtY3Vyc29y', 400, 'CONTENT_CURSOR_INVALID'],
      ['/api/v1/articles?fields=headline,password', 400, 'CONTENT_FIELDS_INVALID'],
      ['/api/v1/articles?limit=101', 400, 'REQUEST_INVALID'],
      ['/api/v1/articles?since=yesterday', 400, 'REQUEST_INVALID'],
      ['/api/v1/articles?section=../etc', 400, 'REQUEST_INVALID'],
      ['/api/v1/articles?colour=red', 400, 'REQUEST_INVALID'],
      ['/api/v1/articles/no-such-story', 404, 'CONTENT_ARTICLE_NOT_FOUND'],
    ]
    for (const [url, status, code] of cases) {
      const response = await get(url)
      assert.equal(response.statusCode, status, url)
      assert.equal(response.json<{ error: { code: string } }>().error.code, code, url)
    }
  })

  test('one article: body as sanitized HTML and as Markdown; ETag answers 304', async () => {
    const { articles } = (await get('/api/v1/articles?limit=1')).json<{ articles: Item[] }>()
    const slug = articles[0]?.slug ?? ''
    const response = await get(`/api/v1/articles/${slug}`)
    assert.equal(response.statusCode, 200)
    const { article } = response.json<{
      article: Item & {
        bodyHtml: string
        bodyMarkdown: string
        wordCount: number
        modifiedAt: string
      }
    }>()
    assert.equal(article.slug, slug)
    assert.match(article.bodyHtml, /<p>/)
    assert.ok(!/<script/i.test(article.bodyHtml))
    assert.ok(article.bodyMarkdown.length > 100 && !article.bodyMarkdown.includes('<p>'))
    assert.ok(article.wordCount > 50)
    const again = await get(`/api/v1/articles/${slug}`, {
      'if-none-match': String(response.headers.etag),
    })
    assert.equal(again.statusCode, 304)
  })

  test('one article carries its SEO title and description, empty when the story has none', async () => {
    const { newsroom } = testApp.app.services
    const { articles } = (await get('/api/v1/articles?limit=3')).json<{ articles: Item[] }>()
    const [story, plain] = [articles[2], articles[0]]
    assert.ok(story?.slug && plain?.slug)
    type Seo = { article: { seoTitle: string; seoDescription: string } }
    await newsroom.updateArticle(story.id, {
      seoTitle: 'Berth dues explained',
      seoDescription: 'What each berth costs from March.',
    })
    const seo = (await get(`/api/v1/articles/${story.slug}`)).json<Seo>().article
    assert.deepEqual(
      [seo.seoTitle, seo.seoDescription],
      ['Berth dues explained', 'What each berth costs from March.'],
    )
    const none = (await get(`/api/v1/articles/${plain.slug}`)).json<Seo>().article
    assert.deepEqual([none.seoTitle, none.seoDescription], ['', ''])
  })

  test('a renamed story answers 301 to its new address', async () => {
    const { newsroom } = testApp.app.services
    const { articles } = (await get('/api/v1/articles?limit=2')).json<{ articles: Item[] }>()
    const story = articles[1]
    assert.ok(story?.slug)
    await newsroom.updateArticle(story.id, { slug: `${story.slug}-renamed` })
    const moved = await get(`/api/v1/articles/${story.slug}`)
    assert.equal(moved.statusCode, 301)
    assert.equal(moved.headers.location, `/api/v1/articles/${story.slug}-renamed`)
  })

  test('sections, authors and tags', async () => {
    const sections = (await get('/api/v1/sections')).json<{
      sections: { slug: string; url: string }[]
    }>()
    assert.ok(sections.sections.length >= 3)
    const authors = (await get('/api/v1/authors')).json<{
      authors: { stories: number; url: string }[]
    }>()
    assert.ok(authors.authors.some((a) => a.stories > 0))
    const tags = (await get('/api/v1/tags')).json<{ tags: { stories: number }[] }>()
    const counts = tags.tags.map((t) => t.stories)
    assert.ok(counts.length > 0 && counts.every((n) => n > 0))
    assert.deepEqual(
      counts,
      [...counts].sort((a, b) => b - a),
    )
  })

  test('CORS: allowed origins get the headers and a preflight; others do not', async () => {
    const allowed = await get('/api/v1/sections', { origin: 'https://app.example.org' })
    assert.equal(allowed.headers['access-control-allow-origin'], 'https://app.example.org')
    assert.match(String(allowed.headers.vary), /Origin/)
    const other = await get('/api/v1/sections', { origin: 'https://evil.example' })
    assert.equal(other.headers['access-control-allow-origin'], undefined)
    const preflight = await testApp.app.web.inject({
      method: 'OPTIONS',
      url: '/api/v1/articles',
      headers: {
        origin: 'https://app.example.org',
        'access-control-request-method': 'GET',
        'access-control-request-headers': 'authorization',
      },
    })
    assert.equal(preflight.statusCode, 204)
    assert.match(String(preflight.headers['access-control-allow-headers']), /Authorization/)
  })
})

describe('content api limits', () => {
  let testApp: TestApp
  before(async () => {
    testApp = await buildTestApp({ articles: 3, env: { MASTHEAD_API_RATE_PER_MINUTE: '2' } })
  })
  after(() => testApp.dispose())

  test('past its limit a key gets 429 with Retry-After; another key is unaffected', async () => {
    const one = (await testApp.app.services.apiKeys.add('one')).secret
    const two = (await testApp.app.services.apiKeys.add('two')).secret
    const get = (secret: string) =>
      testApp.app.web.inject({
        url: '/api/v1/tags',
        headers: { authorization: `Bearer ${secret}` },
      })
    assert.equal((await get(one)).statusCode, 200)
    assert.equal((await get(one)).statusCode, 200)
    const refused = await get(one)
    assert.equal(refused.statusCode, 429)
    assert.ok(Number(refused.headers['retry-after']) >= 1)
    assert.equal(refused.json<{ error: { code: string } }>().error.code, 'API_RATE_LIMITED')
    assert.equal((await get(two)).statusCode, 200)
  })
})

describe('openapi document', () => {
  let testApp: TestApp
  before(async () => {
    testApp = await buildTestApp()
  })
  after(() => testApp.dispose())

  test('describes every API route with the schemas the route validates with', async () => {
    // An independent list of routes: the same plugin on a bare server, seen through onRoute.
    const bare = Fastify()
    const routes: DescribedRoute[] = []
    bare.addHook('onRoute', (route) => {
      routes.push(...describedRoutes(route))
    })
    const { config } = testApp.app.services
    await bare.register(apiPlugin, {
      prefix: '/api',
      services: { ...testApp.app.services, checkHealth: async () => {} },
      site: liveSite(config.site, testApp.app.services.settings),
      corsOrigins: [],
    })
    await bare.ready()
    const response = await testApp.app.web.inject({ url: '/api/v1/openapi.json' })
    const spec = response.json<{
      openapi: string
      paths: Record<string, Record<string, Record<string, unknown>>>
    }>()
    assert.equal(spec.openapi, '3.1.0')
    assert.ok(routes.length >= 10)
    for (const route of routes) {
      const operation = spec.paths[openApiPath(route.url)]?.[route.method.toLowerCase()]
      assert.ok(operation, `${route.method} ${route.url} is missing from openapi.json`)
      const schema = route.schema ?? {}
      for (const [status, body] of Object.entries(schema.response ?? {})) {
        const responses = operation.responses as Record<
          string,
          { content: Record<string, { schema: unknown }> } | undefined
        >
        const declared = responses[status]
        assert.deepEqual(
          declared?.content['application/json']?.schema,
          plain(body),
          `${route.url} ${status}`,
        )
      }
      const query = plain(schema.querystring).properties as Record<string, unknown> | undefined
      const documentedQuery = (operation.parameters as { in: string; name: string }[])
        .filter((p) => p.in === 'query')
        .map((p) => p.name)
      assert.deepEqual(documentedQuery.sort(), Object.keys(query ?? {}).sort(), route.url)
      if (schema.body !== undefined) {
        const body = (operation.requestBody as { content: Record<string, { schema: unknown }> })
          .content
        assert.deepEqual(body['application/json']?.schema, plain(schema.body))
      }
    }
    const documented = Object.entries(spec.paths).flatMap(([path, ops]) =>
      Object.keys(ops).map((method) => `${method} ${path}`),
    )
    assert.deepEqual(
      documented.sort(),
      routes.map((r) => `${r.method.toLowerCase()} ${openApiPath(r.url)}`).sort(),
    )
    await bare.close()
  })
})

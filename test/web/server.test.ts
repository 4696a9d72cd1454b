/** The real server on a seeded app: headers, assets wired into pages, health, and the page cache. */

import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import type { FastifyInstance } from 'fastify'
import { parseHTML } from 'linkedom'
import { buildWeb } from '../../src/app.js'
import { buildTestApp, type TestApp } from '../helpers/build-test-app.js'

const HTML = { accept: 'text/html' }

describe('web server', () => {
  let testApp: TestApp
  let web: FastifyInstance
  let articlePath: string
  let articleId: number

  before(async () => {
    testApp = await buildTestApp({ articles: 4 })
    const { app } = testApp
    // A second server over the same services, built as `masthead start` builds it.
    web = await buildWeb(app.services)
    const { items } = await app.services.newsroom.listArticles({}, 1, 1)
    const first = items[0]
    assert.ok(first !== undefined, 'the demo has a story')
    const found = await app.services.newsroom.findPublishedArticle(first.slug)
    assert.ok(found?.kind === 'found')
    articlePath = `/${found.article.section.slug}/${found.article.slug}`
    articleId = found.article.id
  })

  after(async () => {
    await web.close()
    await testApp.dispose()
  })

  test('the front page carries security headers, a request id and validators', async () => {
    const response = await web.inject({ url: '/', headers: HTML })
    assert.equal(response.statusCode, 200)
    assert.ok(!String(response.headers['content-security-policy']).includes('unsafe-inline'))
    assert.equal(response.headers['x-content-type-options'], 'nosniff')
    assert.ok(String(response.headers['x-request-id']).length > 0)
    assert.match(String(response.headers.etag), /^"/)
    assert.equal(response.headers['cache-control'], 'public, max-age=60')
  })

  test('every stylesheet and script a page links is served, hashed and immutable', async () => {
    const page = await web.inject({ url: articlePath, headers: HTML })
    assert.equal(page.statusCode, 200)
    const { document } = parseHTML(page.body)
    const urls = [
      ...[...document.querySelectorAll('link[rel="stylesheet"]')].map((l) =>
        l.getAttribute('href'),
      ),
      ...[...document.querySelectorAll('script[src]')].map((s) => s.getAttribute('src')),
    ]
    assert.ok(urls.length >= 2, `a stylesheet and scripts are linked: ${urls.join(', ')}`)
    for (const url of urls) {
      assert.match(String(url), /^\/assets\/[a-z-]+\.[0-9a-f]{12}\.(css|js)$/)
      const asset = await web.inject({ url: String(url) })
      assert.equal(asset.statusCode, 200, String(url))
      assert.equal(asset.headers['cache-control'], 'public, max-age=31536000, immutable')
    }
    assert.ok(!/<script>(?!<\/script>)/.test(page.body), 'no inline script')
  })

  test('healthz answers 200 on a live database, warm once the engine has loaded', async () => {
    const response = await web.inject({ url: '/healthz' })
    assert.equal(response.statusCode, 200)
    assert.deepEqual(response.json(), { status: 'ok', warm: true })
  })

  test('a warm story is served from the cache until a visible comment purges it', async () => {
    const first = await web.inject({ url: articlePath, headers: { 'accept-encoding': 'br' } })
    const warm = await web.inject({ url: articlePath, headers: { 'accept-encoding': 'br' } })
    assert.equal(first.headers['content-encoding'], 'br')
    assert.deepEqual(warm.rawPayload, first.rawPayload)
    const tracked = await web.inject({ url: `${articlePath}?utm_source=newsletter` })
    assert.equal(tracked.statusCode, 200, 'tracking parameters are accepted')
    const unknown = await web.inject({ url: `${articlePath}?colour=red`, headers: HTML })
    assert.equal(unknown.statusCode, 400, 'other parameters are refused')
    const revalidated = await web.inject({
      url: articlePath,
      headers: { 'accept-encoding': 'br', 'if-none-match': String(first.headers.etag) },
    })
    assert.equal(revalidated.statusCode, 304)
    // Posting through the service publishes comment.posted; a visible comment must show at once.
    const comment = await testApp.app.services.comments.post({
      articleId,
      authorName: 'Ines Carvalho',
      body: 'The ferry timetable change is the real story here.',
    })
    const fresh = await web.inject({ url: articlePath, headers: HTML })
    assert.equal(fresh.statusCode, 200)
    assert.equal(comment.status, 'published', 'a plain comment is published at once')
    assert.ok(fresh.body.includes('The ferry timetable change is the real story here.'))
    assert.notEqual(fresh.headers.etag, tracked.headers.etag, 'a new page, not the cached one')
  })

  test('robots.txt and the favicon are served', async () => {
    assert.equal((await web.inject({ url: '/robots.txt' })).statusCode, 200)
    const favicon = await web.inject({ url: '/favicon.svg' })
    assert.equal(favicon.headers['content-type'], 'image/svg+xml')
  })
})

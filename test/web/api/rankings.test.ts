/** The rankings API on the real app: shapes, cache headers, sections, bad input. */

import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { buildTestApp, type TestApp } from '../../helpers/build-test-app.js'

interface Item {
  id: number
  headline: string
  url: string
  section: { slug: string; name: string }
  publishedAt: string
  score: number
  views?: number
}

describe('rankings api', () => {
  let testApp: TestApp
  const get = (url: string, headers: Record<string, string> = {}) =>
    testApp.app.web.inject({ url, headers })

  before(async () => {
    testApp = await buildTestApp({ articles: 24 })
  })
  after(() => testApp.dispose())

  const assertItem = (item: Item): void => {
    assert.equal(typeof item.id, 'number')
    assert.ok(item.headline.length > 0)
    assert.equal(item.url, `/${item.section.slug}/${item.url.split('/')[2]}`)
    assert.ok(item.section.name.length > 0)
    assert.ok(!Number.isNaN(Date.parse(item.publishedAt)))
    assert.ok(item.score > 0)
    assert.deepEqual(
      Object.keys(item).sort(),
      Object.keys(item)
        .filter((k) => k in item)
        .sort(),
    )
  }

  test('GET /api/v1/popular answers Popular Now as cacheable JSON', async () => {
    const response = await get('/api/v1/popular')
    assert.equal(response.statusCode, 200)
    assert.match(String(response.headers['content-type']), /^application\/json/)
    assert.equal(response.headers['cache-control'], 'public, max-age=60')
    assert.match(String(response.headers.etag), /^"[\w-]+"$/)
    const body = response.json<{ window: string; section: null; items: Item[] }>()
    assert.equal(body.window, 'now')
    assert.equal(body.section, null)
    assert.equal(body.items.length, 10)
    body.items.forEach(assertItem)
    for (let i = 1; i < body.items.length; i++)
      assert.ok((body.items[i - 1]?.score ?? 0) >= (body.items[i]?.score ?? 0))

    const again = await get('/api/v1/popular', { 'if-none-match': String(response.headers.etag) })
    assert.equal(again.statusCode, 304)
    assert.equal(again.body, '')
  })

  test('window=week gives Weekly Best with view counts, and section narrows it', async () => {
    const week = await get('/api/v1/popular?window=week&limit=50')
    const all = week.json<{ items: Item[] }>().items
    assert.ok(all.length > 0)
    for (const item of all) assert.equal(item.views, Math.round(item.score))
    const slug = all[0]?.section.slug ?? ''
    const narrowed = await get(`/api/v1/popular?window=week&section=${slug}&limit=3`)
    assert.equal(narrowed.statusCode, 200)
    const body = narrowed.json<{ section: { slug: string }; items: Item[] }>()
    assert.equal(body.section.slug, slug)
    assert.ok(body.items.length > 0 && body.items.length <= 3)
    assert.ok(body.items.every((item) => item.section.slug === slug))
  })

  test('GET /api/v1/articles/{slug}/related lists other stories', async () => {
    const [story] = await testApp.app.services.newsroom.latestArticles({ limit: 1 })
    assert.ok(story)
    const response = await get(`/api/v1/articles/${story.slug}/related?limit=5`)
    assert.equal(response.statusCode, 200)
    assert.equal(response.headers['cache-control'], 'public, max-age=60')
    assert.ok(response.headers.etag)
    const body = response.json<{ article: { id: number; url: string }; items: Item[] }>()
    assert.equal(body.article.id, story.id)
    assert.equal(body.article.url, `/${story.section.slug}/${story.slug}`)
    assert.equal(body.items.length, 5)
    body.items.forEach(assertItem)
    assert.ok(body.items.every((item) => item.id !== story.id))
  })

  const bad: [string, number, string][] = [
    ['/api/v1/popular?window=month', 400, 'REQUEST_INVALID'],
    ['/api/v1/popular?limit=0', 400, 'REQUEST_INVALID'],
    ['/api/v1/popular?limit=51', 400, 'REQUEST_INVALID'],
    ['/api/v1/popular?limit=ten', 400, 'REQUEST_INVALID'],
    ['/api/v1/popular?colour=red', 400, 'REQUEST_INVALID'],
    ['/api/v1/popular?section=no-such-section', 404, 'RANKINGS_SECTION_NOT_FOUND'],
    ['/api/v1/articles/no-such-story/related', 404, 'RANKINGS_ARTICLE_NOT_FOUND'],
    ['/api/v1/articles/x/related?limit=-1', 400, 'REQUEST_INVALID'],
  ]
  for (const [url, status, code] of bad) {
    test(`${url} answers ${status} ${code}`, async () => {
      const response = await get(url, { accept: 'text/html' })
      assert.equal(response.statusCode, status)
      assert.match(String(response.headers['content-type']), /^application\/json/)
      assert.equal(response.json<{ error: { code: string } }>().error.code, code)
    })
  }
})

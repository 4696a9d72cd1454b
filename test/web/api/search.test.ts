/** GET /api/v1/search on the real app: the response schema, filters, paging, bad input. */

import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { Type } from '@sinclair/typebox'
import { Value } from '@sinclair/typebox/value'
import { buildTestApp, type TestApp } from '../../helpers/build-test-app.js'

const Parts = Type.Array(
  Type.Object({ text: Type.String(), mark: Type.Boolean() }, { additionalProperties: false }),
)
/** What the API promises, written out again here so a change to the route's schema shows. */
const Reply = Type.Object(
  {
    query: Type.String(),
    total: Type.Integer({ minimum: 0 }),
    more: Type.Boolean(),
    page: Type.Integer({ minimum: 1 }),
    perPage: Type.Integer({ minimum: 1 }),
    totalPages: Type.Integer({ minimum: 1 }),
    items: Type.Array(
      Type.Object(
        {
          id: Type.Integer({ minimum: 1 }),
          headline: Type.String(),
          url: Type.String({ pattern: '^/[a-z0-9-]+/[a-z0-9-]+$' }),
          section: Type.Object(
            { slug: Type.String(), name: Type.String() },
            { additionalProperties: false },
          ),
          authors: Type.Array(
            Type.Object(
              { slug: Type.String(), name: Type.String() },
              { additionalProperties: false },
            ),
          ),
          publishedAt: Type.String(),
          score: Type.Number({ minimum: 0 }),
          highlights: Type.Object(
            { headline: Parts, snippet: Parts },
            { additionalProperties: false },
          ),
        },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false },
)

describe('search api', () => {
  let testApp: TestApp
  const get = (url: string) => testApp.app.web.inject({ url })
  let word = ''

  before(async () => {
    testApp = await buildTestApp({ articles: 24 })
    const [story] = await testApp.app.services.newsroom.latestArticles({ limit: 1 })
    assert.ok(story)
    // A word of the newest headline: the demo's seeded stories are searchable at once.
    word = story.headline.split(/\s+/).find((w) => /^[A-Za-z]{5,}$/.test(w)) ?? ''
    assert.ok(word !== '', story.headline)
  })
  after(() => testApp.dispose())

  test('answers results that match the schema, with marked words, never cached', async () => {
    const response = await get(`/api/v1/search?q=${encodeURIComponent(word)}`)
    assert.equal(response.statusCode, 200)
    assert.equal(response.headers['cache-control'], 'no-store')
    const body = response.json<unknown>()
    assert.deepEqual(
      [...Value.Errors(Reply, body)].map((e) => `${e.path}: ${e.message}`),
      [],
    )
    const reply = body as {
      total: number
      items: { headline: string; highlights: { headline: { text: string; mark: boolean }[] } }[]
    }
    assert.ok(reply.total >= 1)
    assert.ok(
      reply.items.some((item) =>
        item.highlights.headline.some((p) => p.mark && p.text.toLowerCase() === word.toLowerCase()),
      ),
    )
  })

  test('pages with limit and page', async () => {
    const all = (await get(`/api/v1/search?q=${encodeURIComponent(word)}&limit=50`)).json<{
      items: { id: number }[]
    }>()
    const first = (await get(`/api/v1/search?q=${encodeURIComponent(word)}&limit=1`)).json<{
      items: { id: number }[]
      totalPages: number
    }>()
    assert.equal(first.items.length, 1)
    assert.equal(first.items[0]?.id, all.items[0]?.id)
    assert.equal(first.totalPages, all.items.length)
  })

  test('filters by section and author', async () => {
    const [story] = await testApp.app.services.newsroom.latestArticles({ limit: 1 })
    assert.ok(story)
    const q = encodeURIComponent(word)
    const bySection = (
      await get(`/api/v1/search?q=${q}&section=${story.section.slug}&limit=50`)
    ).json<{ items: { section: { slug: string } }[] }>()
    assert.ok(bySection.items.length > 0)
    assert.ok(bySection.items.every((i) => i.section.slug === story.section.slug))
    const author = story.authors[0]
    assert.ok(author)
    const byAuthor = (await get(`/api/v1/search?q=${q}&author=${author.slug}&limit=50`)).json<{
      items: { authors: { slug: string }[] }[]
    }>()
    assert.ok(byAuthor.items.length > 0)
    assert.ok(byAuthor.items.every((i) => i.authors.some((a) => a.slug === author.slug)))
  })

  test('bad input is a clear 400 with a code, never a 5xx', async () => {
    const cases: [string, string][] = [
      ['/api/v1/search', 'REQUEST_INVALID'],
      [`/api/v1/search?q=${'a'.repeat(10_000)}`, 'SEARCH_QUERY_TOO_LONG'],
      ['/api/v1/search?q=NOT', 'SEARCH_QUERY_EMPTY'],
      [`/api/v1/search?q=${encodeURIComponent('*')}`, 'SEARCH_QUERY_EMPTY'],
      ['/api/v1/search?q=x&from=2026-11-20&to=2026-11-01', 'SEARCH_DATES_REVERSED'],
      ['/api/v1/search?q=x&limit=500', 'REQUEST_INVALID'],
      ['/api/v1/search?q=x&section=Not%20A%20Slug', 'REQUEST_INVALID'],
    ]
    for (const [url, code] of cases) {
      const response = await get(url)
      assert.equal(response.statusCode, 400, url.slice(0, 60))
      assert.equal(response.json<{ error: { code: string } }>().error.code, code, url.slice(0, 60))
    }
    for (const q of ['"open', 'NEAR(', '%00', '😀', 'مرحبا']) {
      const response = await get(`/api/v1/search?q=${encodeURIComponent(q)}`)
      assert.ok(response.statusCode === 200 || response.statusCode === 400, q)
    }
  })
})

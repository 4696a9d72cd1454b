/** The view API and page counting through the real app: beacon, fresh totals, pages and cache hits. */

import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import type { InjectOptions } from 'fastify'
import type { ArticleSummary } from '../../../src/newsroom/index.js'
import { buildTestApp, type TestApp } from '../../helpers/build-test-app.js'
import { one, parsePage, textOf } from '../../helpers/html.js'

const BROWSER =
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0'

/** Headers of reader `n`: the same browser, told apart by a version suffix. */
const readerHeaders = (n: number, extra: Record<string, string> = {}): Record<string, string> => ({
  'user-agent': `${BROWSER}.${n}`,
  ...extra,
})

describe('view API and page counting', () => {
  let testApp: TestApp
  let stories: ArticleSummary[]
  /** A story of its own for each test, so counts never mix. */
  let next = 0
  const story = (): ArticleSummary => {
    const s = stories[next++]
    if (s === undefined) throw new Error('not enough demo stories')
    return s
  }
  const path = (s: ArticleSummary): string => `/${s.section.slug}/${s.slug}`
  const inject = (options: InjectOptions) => testApp.app.web.inject(options)
  const freshViews = async (s: ArticleSummary): Promise<number> => {
    await testApp.app.services.engagement.flushViews()
    const response = await inject({ url: `/api/v1/articles/${s.slug}/views` })
    assert.equal(response.statusCode, 200)
    return response.json<{ views: number }>().views
  }
  const beacon = (payload: string, headers: Record<string, string>) =>
    inject({ method: 'POST', url: '/api/v1/views', payload, headers })
  /** A beacon body for `s` with a token the server signed for it, as a page carries. */
  const beaconBody = async (s: ArticleSummary): Promise<string> =>
    JSON.stringify({ slug: s.slug, token: await testApp.app.services.engagement.viewToken(s.id) })

  before(async () => {
    testApp = await buildTestApp({ articles: 12 })
    stories = (await testApp.app.services.newsroom.listArticles({}, 1, 20)).items
  })

  after(async () => {
    await testApp.dispose()
  })

  test('GET /api/v1/articles/{slug}/views answers the total, never cached', async () => {
    const s = story()
    const before = await freshViews(s)
    const response = await inject({ url: `/api/v1/articles/${s.slug}/views` })
    assert.equal(response.headers['cache-control'], 'no-store')
    assert.match(String(response.headers['content-type']), /^application\/json/)
    assert.deepEqual(response.json(), { views: before })
    assert.ok(before >= 0)
  })

  test('a beacon counts a view: JSON or text/plain (sendBeacon), 204', async () => {
    const s = story()
    const start = await freshViews(s)
    const body = await beaconBody(s)
    const json = await beacon(body, { ...readerHeaders(1), 'content-type': 'application/json' })
    assert.equal(json.statusCode, 204)
    assert.equal(json.body, '')
    const text = await beacon(body, { ...readerHeaders(2), 'content-type': 'text/plain' })
    assert.equal(text.statusCode, 204)
    const charset = 'text/plain;charset=UTF-8'
    assert.equal(
      (await beacon(body, { ...readerHeaders(3), 'content-type': charset })).statusCode,
      204,
    )
    assert.equal(await freshViews(s), start + 3)
  })

  test('the same reader’s beacons count once; bots and prefetches not at all', async () => {
    const s = story()
    const start = await freshViews(s)
    const body = await beaconBody(s)
    const type = { 'content-type': 'text/plain' }
    for (let i = 0; i < 3; i++) await beacon(body, { ...readerHeaders(10), ...type })
    await beacon(body, { 'user-agent': 'Twitterbot/1.0', ...type })
    await beacon(body, { ...readerHeaders(11), 'sec-purpose': 'prefetch', ...type })
    assert.equal(await freshViews(s), start + 1)
  })

  test('bad beacons get a clear 4xx, never a 500', async () => {
    const s = story()
    const token = await testApp.app.services.engagement.viewToken(s.id)
    const cases: [string, string, number, string][] = [
      ['{"slug":', 'application/json', 400, 'BODY_INVALID'],
      ['{"slug":', 'text/plain', 400, 'BODY_INVALID'],
      ['not json', 'text/plain', 400, 'BODY_INVALID'],
      ['{}', 'text/plain', 400, 'REQUEST_INVALID'],
      ['[]', 'application/json', 400, 'REQUEST_INVALID'],
      ['{"slug":null}', 'application/json', 400, 'REQUEST_INVALID'],
      ['{"slug":{"a":1}}', 'application/json', 400, 'REQUEST_INVALID'],
      // The server's Ajv coerces scalars: 42 is read as the slug "42", which no story has.
      [`{"slug":42,"token":"${token}"}`, 'application/json', 404, 'ARTICLE_NOT_FOUND'],
      ['{"slug":"Not A Slug"}', 'application/json', 400, 'REQUEST_INVALID'],
      [JSON.stringify({ slug: 'a'.repeat(81) }), 'application/json', 400, 'REQUEST_INVALID'],
      [JSON.stringify({ slug: s.slug, extra: 1 }), 'application/json', 400, 'REQUEST_INVALID'],
      [
        JSON.stringify({ slug: 'no-such-story-here', token }),
        'text/plain',
        404,
        'ARTICLE_NOT_FOUND',
      ],
      [JSON.stringify({ slug: 'x'.repeat(2000) }), 'text/plain', 413, 'BODY_TOO_LARGE'],
      ['x=1', 'application/x-www-form-urlencoded', 400, 'REQUEST_INVALID'],
      ['<slug/>', 'application/xml', 415, 'UNSUPPORTED_MEDIA_TYPE'],
    ]
    for (const [payload, type, status, code] of cases) {
      const response = await beacon(payload, { ...readerHeaders(20), 'content-type': type })
      assert.equal(response.statusCode, status, `${type} ${payload.slice(0, 40)}`)
      assert.equal(response.json<{ error: { code: string } }>().error.code, code)
    }
    const unknown = await inject({ url: '/api/v1/articles/no-such-story-here/views' })
    assert.equal(unknown.statusCode, 404)
    assert.equal(unknown.json<{ error: { code: string } }>().error.code, 'ARTICLE_NOT_FOUND')
    const malformed = await inject({ url: '/api/v1/articles/Bad_Slug/views' })
    assert.equal(malformed.statusCode, 400)
    const query = await inject({ url: `/api/v1/articles/${s.slug}/views?x=1` })
    assert.equal(query.statusCode, 400)
  })

  test('every page request counts, cache hits included; a reader reloading counts once', async () => {
    const s = story()
    const start = await freshViews(s)
    const first = await inject({ url: path(s), headers: readerHeaders(30) })
    assert.equal(first.statusCode, 200)
    for (const n of [30, 31, 32, 32]) {
      const hit = await inject({ url: path(s), headers: readerHeaders(n) })
      assert.equal(hit.statusCode, 200)
    }
    const etag = String(first.headers.etag)
    const revalidated = await inject({
      url: path(s),
      headers: readerHeaders(33, { 'if-none-match': etag }),
    })
    assert.equal(revalidated.statusCode, 304)
    assert.equal(await freshViews(s), start + 4)
  })

  test('HEAD, bots, link previews and prefetches of a page are not counted', async () => {
    const s = story()
    const start = await freshViews(s)
    await inject({ url: path(s), headers: readerHeaders(40) })
    await inject({ method: 'HEAD', url: path(s), headers: readerHeaders(41) })
    for (const agent of ['Slackbot-LinkExpanding 1.0', 'WhatsApp/2.23.20.0', 'Googlebot/2.1']) {
      await inject({ url: path(s), headers: { 'user-agent': agent } })
    }
    await inject({ url: path(s), headers: readerHeaders(42, { 'sec-purpose': 'prefetch' }) })
    await inject({ url: path(s), headers: readerHeaders(43, { purpose: 'prefetch' }) })
    assert.equal(await freshViews(s), start + 1)
  })

  test('the server’s count and the beacon of one visit count once', async () => {
    const s = story()
    const start = await freshViews(s)
    const page = await inject({ url: path(s), headers: readerHeaders(50) })
    assert.equal(page.statusCode, 200)
    const response = await beacon(await beaconBody(s), {
      ...readerHeaders(50),
      'content-type': 'text/plain',
    })
    assert.equal(response.statusCode, 204)
    assert.equal(await freshViews(s), start + 1)
  })

  test('the page shows the total and loads the beacon; a cached page lives 60 s', async () => {
    const s = story()
    await testApp.app.services.engagement.addViews(s.id, new Date(), 12_344)
    const total = await freshViews(s)
    const response = await inject({ url: path(s), headers: readerHeaders(60) })
    assert.equal(response.headers['cache-control'], 'public, max-age=60')
    const document = parsePage(response.body)
    assert.equal(textOf(one(document, '.view-count')), `${total.toLocaleString('en')} views`)
    const scripts = [...document.querySelectorAll('script[src]')].map((e) => e.getAttribute('src'))
    assert.ok(scripts.some((src) => /^\/assets\/view-beacon\.[0-9a-f]+\.js$/.test(src ?? '')))
    const script = await inject({ url: scripts.find((src) => src?.includes('view-beacon')) ?? '' })
    assert.equal(script.statusCode, 200)
    assert.match(script.body, /\/api\/v1\/views/)
  })

  test('a beacon counts only with a genuine, fresh token for its story: 403 otherwise', async () => {
    const s = story()
    const other = story()
    const start = await freshViews(s)
    const { engagement } = testApp.app.services
    const genuine = await engagement.viewToken(s.id)
    const [id, issued] = genuine.split('.')
    const cases = [
      ['', 400, 'REQUEST_INVALID'],
      ['forged', 403, 'VIEW_TOKEN_INVALID'],
      [`${id}.${issued}.${'A'.repeat(22)}`, 403, 'VIEW_TOKEN_INVALID'],
      [await engagement.viewToken(other.id), 403, 'VIEW_TOKEN_INVALID'],
    ] as const
    for (const [token, status, code] of cases) {
      const response = await beacon(JSON.stringify({ slug: s.slug, token }), {
        ...readerHeaders(70),
        'content-type': 'text/plain',
      })
      assert.equal(response.statusCode, status, token)
      assert.equal(response.json<{ error: { code: string } }>().error.code, code)
    }
    const missing = await beacon(JSON.stringify({ slug: s.slug }), {
      ...readerHeaders(70),
      'content-type': 'text/plain',
    })
    assert.equal(missing.statusCode, 400)
    assert.equal(await freshViews(s), start)
  })

  test('the token in a cached page keeps counting: a cache hit carries the same token', async () => {
    const s = story()
    const start = await freshViews(s)
    const tokenOf = (html: string) =>
      one(parsePage(html), '[data-view-token]').getAttribute('data-view-token')
    const first = await inject({ url: path(s), headers: { 'user-agent': 'masthead-test-bot' } })
    const hit = await inject({ url: path(s), headers: { 'user-agent': 'masthead-test-bot' } })
    const token = tokenOf(first.body) ?? ''
    assert.ok(token !== '')
    assert.equal(tokenOf(hit.body), token)
    const response = await beacon(JSON.stringify({ slug: s.slug, token }), {
      ...readerHeaders(80),
      'content-type': 'text/plain',
    })
    assert.equal(response.statusCode, 204)
    assert.equal(await freshViews(s), start + 1)
  })

  test('one address adds at most the per-address cap to a story, whatever its User-Agents', async () => {
    const s = story()
    const start = await freshViews(s)
    const body = await beaconBody(s)
    for (let n = 0; n < 50; n++) {
      const response = await beacon(body, {
        'user-agent': `Mozilla/5.0 (X11; Linux x86_64) flood-${n}`,
        'content-type': 'text/plain',
      })
      assert.equal(response.statusCode, 204)
    }
    // Every inject comes from 127.0.0.1: the default cap is 20 readers per story and day.
    assert.equal(await freshViews(s), start + 20)
  })
})

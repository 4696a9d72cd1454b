/**
 * What public pages tell a CDN: s-maxage and stale-* when configured (never on private pages),
 * the page's cache tags in Surrogate-Key / Cache-Tag, a story page's edge lifetime capped below
 * its view token's; the front door and Fastify send the same headers; nothing changes by default.
 */

import assert from 'node:assert/strict'
import type { AddressInfo } from 'node:net'
import { after, before, describe, test } from 'node:test'
import type { FastifyInstance } from 'fastify'
import { buildWeb } from '../../../src/app.js'
import { VIEW_TOKEN_MAX_AGE_MS } from '../../../src/engagement/index.js'
import {
  createEdgeHeaders,
  noEdgeHeaders,
  SITE_TAG,
  STORY_EDGE_SECONDS,
} from '../../../src/web/plugins/edge-headers.js'
import { buildTestApp, type TestApp } from '../../helpers/build-test-app.js'
import { socketGet } from '../../helpers/socket-get.js'

const get = socketGet

const BROWSER = 'Mozilla/5.0 (X11; Linux x86_64; rv:132.0) Gecko/20100101 Firefox/132.0'
const CDN = { sMaxAge: 600, staleWhileRevalidate: 3600, staleIfError: 86400 }

describe('edge headers', () => {
  test('off: public pages say only max-age, as before, and carry no tags', () => {
    const page = { maxAgeSeconds: 60, tags: ['front'], isStory: false }
    assert.deepEqual(noEdgeHeaders.publicPage(page), {
      cacheControl: 'public, max-age=60',
      tagHeaders: [],
    })
  })

  test('s-maxage, stale-while-revalidate and stale-if-error follow the configuration', () => {
    const edge = createEdgeHeaders({ ...CDN, tagHeader: 'none' })
    const answer = edge.publicPage({ maxAgeSeconds: 60, tags: ['front'], isStory: false })
    assert.equal(
      answer.cacheControl,
      'public, max-age=60, s-maxage=600, stale-while-revalidate=3600, stale-if-error=86400',
    )
    assert.deepEqual(answer.tagHeaders, [])
    const bare = createEdgeHeaders({
      sMaxAge: 300,
      staleWhileRevalidate: 0,
      staleIfError: 0,
      tagHeader: 'none',
    })
    assert.equal(
      bare.publicPage({ maxAgeSeconds: 60, tags: [], isStory: false }).cacheControl,
      'public, max-age=60, s-maxage=300',
    )
  })

  test("a story page lives at the edge well within its view token's lifetime", () => {
    assert.ok(STORY_EDGE_SECONDS > 0)
    // The page cache's 60 s, the browser's 60 s and a minute of clock skew still fit.
    assert.ok(STORY_EDGE_SECONDS + 180 < VIEW_TOKEN_MAX_AGE_MS / 1000)
    const edge = createEdgeHeaders({ ...CDN, sMaxAge: 86400, tagHeader: 'none' })
    assert.equal(
      edge.publicPage({ maxAgeSeconds: 60, tags: [], isStory: true }).cacheControl,
      `public, max-age=60, s-maxage=${STORY_EDGE_SECONDS}, stale-if-error=86400`,
    )
    const shorter = createEdgeHeaders({ ...CDN, tagHeader: 'none' })
    assert.equal(
      shorter.publicPage({ maxAgeSeconds: 60, tags: [], isStory: true }).cacheControl,
      `public, max-age=60, s-maxage=600, stale-while-revalidate=${STORY_EDGE_SECONDS - 600}, stale-if-error=86400`,
    )
  })

  test('a page whose content expires sooner (a banner) is kept no longer at the edge', () => {
    const edge = createEdgeHeaders({ ...CDN, tagHeader: 'none' })
    const answer = edge.publicPage({
      maxAgeSeconds: 42,
      tags: [],
      isStory: false,
      expiresInMs: 42_500,
    })
    assert.match(answer.cacheControl, /^public, max-age=42, s-maxage=42,/)
    const later = edge.publicPage({
      maxAgeSeconds: 60,
      tags: [],
      isStory: false,
      expiresInMs: 300_000,
    })
    assert.match(later.cacheControl, /, s-maxage=300,/)
  })

  test('tags go space-separated in Surrogate-Key and comma-separated in Cache-Tag, with the site tag', () => {
    const tags = ['article:7', 'section:world', 'front', 'front']
    const header = (tagHeader: 'surrogate-key' | 'cache-tag' | 'both') =>
      createEdgeHeaders({ ...CDN, tagHeader }).publicPage({
        maxAgeSeconds: 60,
        tags,
        isStory: false,
      }).tagHeaders
    assert.deepEqual(header('surrogate-key'), [
      'surrogate-key',
      `article:7 section:world front ${SITE_TAG}`,
    ])
    assert.deepEqual(header('cache-tag'), [
      'cache-tag',
      `article:7,section:world,front,${SITE_TAG}`,
    ])
    assert.equal(header('both').length, 4)
  })

  test('a page with more tags than a header holds keeps only the site tag and no s-maxage', () => {
    const edge = createEdgeHeaders({ ...CDN, tagHeader: 'surrogate-key' })
    const tags = Array.from({ length: 2000 }, (_, i) => `article:${100_000 + i}`)
    const answer = edge.publicPage({ maxAgeSeconds: 60, tags, isStory: false })
    assert.equal(answer.cacheControl, 'public, max-age=60')
    assert.deepEqual(answer.tagHeaders, ['surrogate-key', SITE_TAG])
  })
})

describe('edge headers on the real server', () => {
  let testApp: TestApp
  let web: FastifyInstance
  let port: number
  let storyPath: string
  let storyId: number

  before(async () => {
    testApp = await buildTestApp({
      articles: 3,
      env: {
        MASTHEAD_CDN_S_MAXAGE: String(CDN.sMaxAge),
        MASTHEAD_CDN_STALE_WHILE_REVALIDATE: String(CDN.staleWhileRevalidate),
        MASTHEAD_CDN_STALE_IF_ERROR: String(CDN.staleIfError),
        MASTHEAD_CDN_TAG_HEADER: 'both',
      },
    })
    web = await buildWeb(testApp.app.services)
    await web.listen({ host: '127.0.0.1', port: 0 })
    port = (web.server.address() as AddressInfo).port
    const { items } = await testApp.app.services.newsroom.listArticles({}, 1, 1)
    const story = items[0]
    assert.ok(story !== undefined)
    storyPath = `/${story.section.slug}/${story.slug}`
    storyId = story.id
  })

  after(async () => {
    await web.close()
    await testApp.dispose()
  })

  test('the front door sends exactly the headers Fastify sent with the render, CDN ones included', async () => {
    for (const path of ['/', storyPath]) {
      const rendered = await get(port, path, { 'accept-encoding': 'br', 'user-agent': BROWSER })
      const warm = await get(port, path, { 'accept-encoding': 'br', 'user-agent': BROWSER })
      assert.equal(rendered.status, 200)
      assert.deepEqual(Object.keys(warm.headers).sort(), Object.keys(rendered.headers).sort())
      for (const name of Object.keys(rendered.headers)) {
        if (name === 'x-request-id' || name === 'date') continue
        assert.equal(warm.headers[name], rendered.headers[name], `${path} ${name}`)
      }
      assert.ok(String(warm.headers['surrogate-key']).split(' ').includes(SITE_TAG))
    }
  })

  test('a story page carries its tags and a capped edge lifetime; the front page the full one', async () => {
    const story = await get(port, storyPath, { 'accept-encoding': 'br' })
    const keys = String(story.headers['surrogate-key']).split(' ')
    for (const tag of [`article:${storyId}`, 'banner', 'rails', SITE_TAG])
      assert.ok(keys.includes(tag), tag)
    assert.deepEqual(String(story.headers['cache-tag']).split(','), keys)
    assert.equal(
      story.headers['cache-control'],
      `public, max-age=60, s-maxage=600, stale-while-revalidate=${STORY_EDGE_SECONDS - 600}, stale-if-error=86400`,
    )
    const front = await get(port, '/', { 'accept-encoding': 'br' })
    assert.equal(
      front.headers['cache-control'],
      'public, max-age=60, s-maxage=600, stale-while-revalidate=3600, stale-if-error=86400',
    )
    assert.ok(String(front.headers['surrogate-key']).split(' ').includes('front'))
  })

  test('a 304 repeats the tags, so a CDN revalidating its copy keeps them', async () => {
    const warm = await get(port, storyPath, { 'accept-encoding': 'br' })
    const revalidated = await get(port, storyPath, {
      'accept-encoding': 'br',
      'if-none-match': String(warm.headers.etag),
    })
    assert.equal(revalidated.status, 304)
    assert.equal(revalidated.headers['surrogate-key'], warm.headers['surrogate-key'])
    assert.equal(revalidated.headers['cache-control'], warm.headers['cache-control'])
  })

  test('private pages get neither s-maxage nor tags', async () => {
    const search = await get(port, '/search?q=harbour')
    assert.equal(search.status, 200)
    assert.equal(search.headers['cache-control'], 'private, no-cache')
    assert.equal(search.headers['surrogate-key'], undefined)
    assert.equal(search.headers['cache-tag'], undefined)
    const newsroom = await get(port, '/newsroom/sign-in')
    assert.doesNotMatch(String(newsroom.headers['cache-control']), /s-maxage|public/)
    assert.equal(newsroom.headers['surrogate-key'], undefined)
  })
})

describe('edge headers by default', () => {
  test('with no MASTHEAD_CDN_* set, pages are sent as before: public, max-age=60, no tags', async () => {
    const testApp = await buildTestApp({ articles: 1 })
    try {
      const answer = await testApp.app.web.inject({ url: '/' })
      assert.equal(answer.statusCode, 200)
      assert.equal(answer.headers['cache-control'], 'public, max-age=60')
      assert.equal(answer.headers['surrogate-key'], undefined)
      assert.equal(answer.headers['cache-tag'], undefined)
    } finally {
      await testApp.dispose()
    }
  })
})

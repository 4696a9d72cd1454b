/** Feed, sitemap and robots.txt routes over the real app: types, validators, 304, purges and autodiscovery. */

import assert from 'node:assert/strict'
import { gunzipSync } from 'node:zlib'
import { after, before, describe, test } from 'node:test'
import type { Article } from '../../../src/newsroom/index.js'
import { toDbTime } from '../../../src/db/time-codec.js'
import { buildTestApp, TEST_NOW, type TestApp } from '../../helpers/build-test-app.js'
import { all, one, parsePage } from '../../helpers/html.js'
import { parseXml } from '../../distribution/distribution-fixtures.js'

const SITE = 'http://127.0.0.1:3000'
const TYPES = {
  'feed.xml': 'application/rss+xml; charset=utf-8',
  'atom.xml': 'application/atom+xml; charset=utf-8',
  'feed.json': 'application/feed+json; charset=utf-8',
} as const

describe('distribution routes', () => {
  let testApp: TestApp
  let story: Article
  const get = (url: string, headers: Record<string, string> = {}) =>
    testApp.app.web.inject({ method: 'GET', url, headers })

  before(async () => {
    testApp = await buildTestApp({ articles: 30 })
    const { items } = await testApp.app.services.newsroom.listArticles({}, 1, 30)
    for (const summary of items) {
      const found = await testApp.app.services.newsroom.findPublishedArticle(summary.slug)
      if (found?.kind === 'found' && found.article.tags.length > 0) {
        story = found.article
        break
      }
    }
  })
  after(() => testApp.dispose())

  test('every scope answers each format with its type and validators, then 304', async () => {
    const scopes = [
      '',
      `/${story.section.slug}`,
      `/author/${story.authors[0]?.slug ?? ''}`,
      `/tag/${story.tags[0]?.slug ?? ''}`,
    ]
    for (const scope of scopes) {
      for (const [file, type] of Object.entries(TYPES)) {
        const url = `${scope}/${file}`
        const first = await get(url)
        assert.equal(first.statusCode, 200, url)
        assert.equal(first.headers['content-type'], type, url)
        assert.match(first.body, new RegExp(`story:${story.id}\\b`), `${url} has the story`)
        const etag = String(first.headers.etag)
        const lastModified = String(first.headers['last-modified'])
        assert.match(etag, /^"[^"]+"$/)
        assert.ok(!Number.isNaN(Date.parse(lastModified)), url)
        assert.equal((await get(url, { 'if-none-match': etag })).statusCode, 304, url)
        assert.equal((await get(url, { 'if-modified-since': lastModified })).statusCode, 304, url)
        const older = new Date(Date.parse(lastModified) - 1000).toUTCString()
        assert.equal((await get(url, { 'if-modified-since': older })).statusCode, 200, url)
      }
    }
  })

  test('unknown scopes answer 404, unknown parameters 400, tracking parameters are ignored', async () => {
    for (const url of [
      '/no-such-section/feed.xml',
      '/author/nobody/atom.xml',
      '/tag/none/feed.json',
    ]) {
      const response = await get(url)
      assert.equal(response.statusCode, 404, url)
      assert.equal(response.json<{ error: { code: string } }>().error.code, 'FEED_NOT_FOUND')
    }
    assert.equal((await get('/feed.xml?page=2')).statusCode, 400)
    assert.equal((await get('/feed.xml?utm_source=newsletter')).statusCode, 200)
    for (const url of ['/sitemap-stories-9.xml', '/sitemap-nothing.xml']) {
      assert.equal((await get(url)).statusCode, 404, url)
    }
    assert.equal((await get(`/sitemap-${'x'.repeat(80)}.xml`)).statusCode, 400)
  })

  test('a feed already cached is refreshed at once on publish, edit and unpublish', async () => {
    const { newsroom } = testApp.app.services
    const section = `/${story.section.slug}/feed.xml`
    const warm = async (url: string) => {
      const first = await get(url)
      const second = await get(url)
      assert.equal(second.headers.etag, first.headers.etag, 'served from the cache')
      return first.body
    }
    await warm('/feed.xml')
    await warm(section)
    const fresh = await newsroom.createArticle({
      headline: 'Lighthouse keepers return to the outer islands',
      bodyMarkdown: 'The lamps are lit again.',
      sectionId: (await newsroom.getSection(story.section.slug))?.id ?? 0,
      authorIds: [story.authors[0]?.id ?? 0],
      status: 'published',
      publishedAt: TEST_NOW,
    })
    assert.match((await get('/feed.xml')).body, /Lighthouse keepers return/)
    assert.match((await get(section)).body, /Lighthouse keepers return/)

    await warm('/atom.xml')
    await newsroom.updateArticle(fresh.id, { headline: 'Lighthouse keepers return for winter' })
    assert.match((await get('/atom.xml')).body, /Lighthouse keepers return for winter/)

    await warm('/feed.json')
    // Unpublishing is the stories workflow's to offer; here the row changes and its event is sent.
    await testApp.app.services.database.db
      .updateTable('articles')
      .set({ status: 'draft', modified_at: toDbTime(TEST_NOW) })
      .where('id', '=', fresh.id)
      .execute()
    await testApp.app.services.bus.publish('article.unpublished', {
      articleId: fresh.id,
      slug: fresh.slug,
      sectionSlug: fresh.section.slug,
      authorIds: fresh.authors.map((a) => a.id),
      tagIds: fresh.tags.map((t) => t.id),
    })
    assert.doesNotMatch((await get('/feed.json')).body, /Lighthouse keepers/)
    assert.doesNotMatch((await get(section)).body, /Lighthouse keepers/)
  })

  test('every page announces its own feeds in the head, and each announced feed answers', async () => {
    const author = story.authors[0]
    const tag = story.tags[0]
    const pages: [string, string[]][] = [
      ['/', []],
      [`/${story.section.slug}`, [`/${story.section.slug}`]],
      [`/${story.section.slug}/${story.slug}`, [`/${story.section.slug}`]],
      [`/author/${author?.slug ?? ''}`, [`/author/${author?.slug ?? ''}`]],
      [`/tag/${tag?.slug ?? ''}`, [`/tag/${tag?.slug ?? ''}`]],
      ['/no-such-page', []],
    ]
    for (const [url, scopes] of pages) {
      const doc = parsePage((await get(url, { accept: 'text/html' })).body)
      const links = all(one(doc, 'head'), 'link[rel="alternate"]')
      const expected = ['', ...scopes].flatMap((scope) =>
        Object.keys(TYPES).map((f) => `${scope}/${f}`),
      )
      assert.deepEqual(
        links.map((l) => l.getAttribute('href')),
        expected,
        url,
      )
      for (const link of links) {
        const href = link.getAttribute('href') ?? ''
        const file = href.slice(href.lastIndexOf('/') + 1) as keyof typeof TYPES
        assert.equal(link.getAttribute('type'), TYPES[file].split(';')[0], href)
        assert.ok((link.getAttribute('title') ?? '').length > 0)
        assert.equal((await get(href)).statusCode, 200, href)
      }
    }
  })

  test('robots.txt names the index; the index and its files answer XML, gzipped when asked', async () => {
    const robots = await get('/robots.txt')
    assert.match(String(robots.headers['content-type']), /^text\/plain/)
    assert.match(robots.body, new RegExp(`^Sitemap: ${SITE}/sitemap\\.xml$`, 'm'))
    const index = await get('/sitemap.xml')
    assert.equal(index.headers['content-type'], 'application/xml; charset=utf-8')
    assert.equal(
      (await get('/sitemap.xml', { 'if-none-match': String(index.headers.etag) })).statusCode,
      304,
    )
    const files = (
      parseXml(index.body, ['sitemap']).sitemapindex as { sitemap: { loc: string }[] }
    ).sitemap.map((s) => s.loc)
    assert.ok(files.length >= 5)
    for (const loc of files) {
      const path = loc.slice(SITE.length)
      const plain = await get(path)
      assert.equal(plain.statusCode, 200, path)
      assert.equal(plain.headers['content-type'], 'application/xml; charset=utf-8')
      assert.match(plain.body, /^<\?xml[^>]*>\n<urlset /)
      const zipped = await get(path, { 'accept-encoding': 'gzip' })
      assert.equal(zipped.headers['content-encoding'], 'gzip')
      assert.equal(gunzipSync(zipped.rawPayload).toString('utf8'), plain.body)
    }
  })
})

describe('distribution settings', () => {
  let testApp: TestApp
  before(async () => {
    testApp = await buildTestApp({
      articles: 5,
      env: {
        MASTHEAD_FEED_CONTENT: 'excerpt',
        MASTHEAD_ROBOTS_DISALLOW: '/print/,/drafts/',
        MASTHEAD_SHARE_UTM_MEDIUM: 'social',
        MASTHEAD_SHARE_UTM_CAMPAIGN: 'share-buttons',
      },
    })
  })
  after(() => testApp.dispose())
  const get = (url: string) => testApp.app.web.inject({ url, headers: { accept: 'text/html' } })

  test('robots.txt lists the configured disallow rules', async () => {
    const robots = (await get('/robots.txt')).body
    assert.equal(
      robots,
      `User-agent: *\nDisallow: /print/\nDisallow: /drafts/\n\nSitemap: ${SITE}/sitemap.xml\n`,
    )
  })

  test('an excerpt feed carries no story body', async () => {
    const json = (await get('/feed.json')).json<{ items: Record<string, unknown>[] }>()
    assert.ok(json.items.length > 0)
    for (const item of json.items) {
      assert.equal(item.content_html, undefined)
      assert.equal(typeof item.content_text, 'string')
    }
  })

  test('share links carry the canonical URL with the campaign; copy-link stays clean', async () => {
    const { items } = await testApp.app.services.newsroom.listArticles({}, 1, 1)
    const first = items[0]
    assert.ok(first)
    const canonical = `${SITE}/${first.section.slug}/${first.slug}`
    const doc = parsePage(
      (await get(`/${first.section.slug}/${first.slug}?utm_source=x&fbclid=1`)).body,
    )
    const share = one(doc, 'section.share')
    const shared = all(share, 'a').map((a) => decodeURIComponent(a.getAttribute('href') ?? ''))
    assert.ok(
      shared.some((href) =>
        href.includes(
          `${canonical}?utm_source=facebook&utm_medium=social&utm_campaign=share-buttons`,
        ),
      ),
    )
    assert.ok(
      shared.some((href) => href.includes(`${canonical}?utm_source=email&utm_medium=social`)),
    )
    assert.ok(shared.every((href) => !href.includes('fbclid')))
    assert.equal(one(share, 'button[data-copy-link]').getAttribute('data-copy-link'), canonical)
  })
})

/** Sitemaps on every database: streamed files, validated against the sitemaps.org and Google News schemas. */

import assert from 'node:assert/strict'
import { test } from 'node:test'
import { NEWS_LIMIT } from '../../src/distribution/index.js'
import { forEachDatabase } from '../helpers/databases.js'
import { insertPhoto, NOW, unique } from '../newsroom/newsroom-fixtures.js'
import {
  collect,
  distributionFixture,
  parseXml,
  SITE,
  validateSitemap,
  xsdSkip,
} from './distribution-fixtures.js'

const HOUR = 3_600_000
/** Tiny files and reads, so a handful of stories spans several files and several reads. */
const PAGING = { blockSize: 4, pageSize: 2 }

type Node = Record<string, unknown>
const list = (value: unknown): Node[] => (value ?? []) as Node[]

/** The `<loc>`s of a urlset or index. */
function locs(xml: string): string[] {
  const doc = parseXml(xml, ['url', 'sitemap'])
  const root = (doc.urlset ?? doc.sitemapindex) as Node
  return [...list(root.url), ...list(root.sitemap)].map((entry) => String(entry.loc))
}

forEachDatabase('sitemaps', (t) => {
  test('the index lists non-empty files that together hold exactly the visible pages', async () => {
    const f = await distributionFixture(t.handle.db, { paging: PAGING })
    const photo = await insertPhoto(t.handle.db)
    const tag = unique('Tides')
    const visible = []
    for (let i = 0; i < 7; i += 1) {
      visible.push(
        await f.story({
          tagNames: [tag],
          leadPhotoId: i % 2 === 0 ? photo : null,
          publishedAt: new Date(NOW.getTime() - (i + 1) * 20 * HOUR),
        }),
      )
    }
    const draft = await f.story({ status: 'draft', publishedAt: null })
    const future = await f.story({ publishedAt: new Date(NOW.getTime() + HOUR) })

    const index = await f.distribution.sitemapIndex()
    const files = locs(index.body)
    assert.ok(files.includes(`${SITE.url}/sitemap-sections.xml`))
    assert.ok(files.includes(`${SITE.url}/sitemap-news.xml`))
    assert.ok(files.some((loc) => /\/sitemap-stories-\d+\.xml$/.test(loc)))
    assert.ok(index.lastModified !== null)

    const all: string[] = []
    for (const loc of files) {
      const name = /\/sitemap-(.+)\.xml$/.exec(loc)?.[1] ?? ''
      const xml = await collect(await f.distribution.sitemap(name))
      const urls = locs(xml)
      assert.ok(urls.length > 0 && urls.length <= 50_000, `${name} has 1 to 50,000 URLs`)
      if (/^(stories|authors|tags)-\d+$/.test(name)) assert.ok(urls.length <= PAGING.blockSize)
      if (name !== 'news') all.push(...urls)
    }
    const storyUrl = (s: { slug: string }) => `${SITE.url}/${f.section.slug}/${s.slug}`
    for (const story of visible) assert.ok(all.includes(storyUrl(story)), story.slug)
    for (const hidden of [draft, future]) assert.ok(!all.includes(storyUrl(hidden)), hidden.slug)
    assert.ok(all.includes(`${SITE.url}/`))
    assert.ok(all.includes(`${SITE.url}/${f.section.slug}`))
    assert.ok(all.includes(`${SITE.url}/author/${f.author.slug}`))
    assert.ok(all.includes(`${SITE.url}/tag/${visible[0]?.tags[0]?.slug ?? ''}`))
    assert.equal(new Set(all).size, all.length, 'no URL is listed twice')
  })

  test('a story file carries lastmod and the lead photo as image:image', async () => {
    const f = await distributionFixture(t.handle.db, { paging: PAGING })
    const photo = await insertPhoto(t.handle.db)
    const story = await f.story({ leadPhotoId: photo })
    const block = Math.ceil(story.id / PAGING.blockSize)
    const xml = await collect(await f.distribution.sitemap(`stories-${block}`))
    const urls = list((parseXml(xml, ['url', 'image:image']).urlset as Node).url)
    const entry = urls.find((u) => String(u.loc).endsWith(`/${story.slug}`))
    assert.ok(entry)
    assert.equal(entry.lastmod, story.publishedAt.toISOString())
    const image = list(entry['image:image'])[0]
    assert.match(String(image?.['image:loc']), /^https:\/\/news\.example\.org\/media\/.+\.jpg$/)
  })

  test('the news sitemap holds the last 48 hours, newest first, with publication and title', async () => {
    const f = await distributionFixture(t.handle.db)
    const fresh = await f.story({ publishedAt: new Date(NOW.getTime() - 2 * HOUR) })
    const old = await f.story({ publishedAt: new Date(NOW.getTime() - 49 * HOUR) })
    const xml = await collect(await f.distribution.sitemap('news'))
    const urls = list((parseXml(xml, ['url']).urlset as Node).url)
    assert.ok(urls.length <= NEWS_LIMIT)
    const entry = urls.find((u) => String(u.loc).endsWith(`/${fresh.slug}`))
    assert.ok(entry, 'a story of two hours ago is in')
    assert.ok(!urls.some((u) => String(u.loc).endsWith(`/${old.slug}`)), '49 hours ago is out')
    const news = entry['news:news'] as Node
    const publication = news['news:publication'] as Node
    assert.equal(publication['news:name'], SITE.name)
    assert.equal(publication['news:language'], 'en')
    assert.equal(news['news:publication_date'], fresh.publishedAt.toISOString())
    assert.equal(news['news:title'], fresh.headline)
    const dates = urls.map((u) =>
      Date.parse(String((u['news:news'] as Node)['news:publication_date'])),
    )
    assert.deepEqual(
      dates,
      [...dates].sort((a, b) => b - a),
    )
  })

  test('authors and tags without a visible story are skipped, whole pages of them too', async () => {
    const f = await distributionFixture(t.handle.db, { paging: PAGING })
    const hidden = [unique('Draft only'), unique('Draft only'), unique('Draft only')]
    const draft = await f.story({ status: 'draft', publishedAt: null, tagNames: hidden })
    const shown = await f.story({ tagNames: [unique('Shown')] })
    const shownTag = shown.tags[0]
    assert.ok(shownTag)
    const block = Math.ceil(shownTag.id / PAGING.blockSize)
    const xml = await collect(await f.distribution.sitemap(`tags-${block}`))
    assert.ok(locs(xml).includes(`${SITE.url}/tag/${shownTag.slug}`))
    assert.equal(draft.tags.length, hidden.length)
    const listed = new Set(locs(xml))
    assert.ok(draft.tags.every((tag) => !listed.has(`${SITE.url}/tag/${tag.slug}`)))
    // The draft's tags fill at least one whole page of the block, which the file reads past.
    assert.ok(draft.tags.some((tag) => Math.ceil(tag.id / PAGING.blockSize) === block))
  })

  test('unknown names and empty blocks have no file', async () => {
    const f = await distributionFixture(t.handle.db, { paging: PAGING })
    for (const name of [
      'stories-0',
      'stories-99999',
      'pages-1',
      'stories',
      'stories-1x',
      '../x',
      '',
    ])
      assert.equal(await f.distribution.sitemap(name), undefined, name)
  })

  test('robots.txt names the sitemap index', async () => {
    const f = await distributionFixture(t.handle.db)
    assert.equal(
      f.distribution.robotsTxt(),
      `User-agent: *\nAllow: /\n\nSitemap: ${SITE.url}/sitemap.xml\n`,
    )
  })

  test(
    'every file validates against the sitemaps.org, image and Google News schemas',
    { skip: xsdSkip },
    async () => {
      const f = await distributionFixture(t.handle.db, { paging: PAGING })
      const photo = await insertPhoto(t.handle.db)
      await f.story({ leadPhotoId: photo, headline: unique('Tides & <storms>') })
      await f.story({ publishedAt: new Date(NOW.getTime() - 3 * HOUR) })
      const index = await f.distribution.sitemapIndex()
      validateSitemap(index.body, 'index')
      for (const loc of locs(index.body)) {
        const name = /\/sitemap-(.+)\.xml$/.exec(loc)?.[1] ?? ''
        validateSitemap(await collect(await f.distribution.sitemap(name)), 'urlset')
      }
      // The schemas do refuse what they should: a news entry without its title.
      const news = await collect(await f.distribution.sitemap('news'))
      assert.throws(() =>
        validateSitemap(news.replace(/<news:title>[^<]*<\/news:title>/, ''), 'urlset'),
      )
    },
  )
})

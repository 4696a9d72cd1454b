/** Feeds on every database, read back by an independent parser: RSS 2.0, Atom 1.0 and JSON Feed 1.1. */

import assert from 'node:assert/strict'
import { test } from 'node:test'
import { FEED_LENGTH } from '../../src/distribution/index.js'
import { forEachDatabase } from '../helpers/databases.js'
import type { Db } from '../../src/db/database.js'
import { insertPhoto, NOW, unique } from '../newsroom/newsroom-fixtures.js'
import { distributionFixture, parseXml, SITE } from './distribution-fixtures.js'

const RFC_822 =
  /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} GMT$/
const RFC_3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/
const HOUR = 3_600_000

type Node = Record<string, unknown>
const node = (value: unknown): Node => value as Node
const list = (value: unknown): Node[] => (value ?? []) as Node[]
/** An element's text, whether the parser gave a string or an object with attributes. */
const text = (value: unknown): string => {
  const inner = typeof value === 'object' && value !== null ? (value as Node)['#text'] : value
  return typeof inner === 'string' ? inner : ''
}

/** The JSON Feed 1.1 rules a reader relies on; returns what is wrong (nothing when valid). */
function jsonFeedProblems(feed: Node): string[] {
  const problems: string[] = []
  if (feed.version !== 'https://jsonfeed.org/version/1.1') problems.push('version')
  if (typeof feed.title !== 'string' || feed.title === '') problems.push('title')
  if (!Array.isArray(feed.items)) return [...problems, 'items']
  for (const key of ['home_page_url', 'feed_url', 'description', 'language'])
    if (key in feed && typeof feed[key] !== 'string') problems.push(key)
  for (const [index, item] of (feed.items as Node[]).entries()) {
    if (typeof item.id !== 'string' || item.id === '') problems.push(`items[${index}].id`)
    if (typeof item.content_html !== 'string' && typeof item.content_text !== 'string')
      problems.push(`items[${index}] has neither content_html nor content_text`)
    for (const key of ['date_published', 'date_modified'])
      if (key in item && !RFC_3339.test(String(item[key]))) problems.push(`items[${index}].${key}`)
    for (const author of list(item.authors))
      if (typeof author.name !== 'string' && typeof author.url !== 'string')
        problems.push(`items[${index}].authors`)
    if ('tags' in item && !Array.isArray(item.tags)) problems.push(`items[${index}].tags`)
  }
  return problems
}

/** The storage key of photo `id` (its renditions' public paths start with it). */
async function storageKeyOf(db: Db, id: number): Promise<string> {
  const row = await db
    .selectFrom('photos')
    .select('storage_key')
    .where('id', '=', id)
    .executeTakeFirstOrThrow()
  return row.storage_key
}

forEachDatabase('feeds', (t) => {
  test('a section feed in each format carries its visible stories, photo, dates and stable ids', async () => {
    const f = await distributionFixture(t.handle.db)
    const photo = await insertPhoto(t.handle.db, {
      caption: 'Fog & ferries',
      credit: 'Harbour Wire',
    })
    const tag = unique('Fog')
    const story = await f.story({
      dek: 'Ferries wait <offshore>.',
      bodyMarkdown: 'The tide came in.\n\n[The port](/asia)',
      tagNames: [tag],
      leadPhotoId: photo,
    })
    const draft = await f.story({ status: 'draft', publishedAt: null })
    const future = await f.story({ publishedAt: new Date(NOW.getTime() + HOUR) })
    const scope = { kind: 'section' as const, slug: f.section.slug }
    const storyUrl = `${SITE.url}/${f.section.slug}/${story.slug}`
    const id = `tag:news.example.org,2026:story:${story.id}`
    // The 1,600-pixel photo's feed rendition is its 1,200-pixel JPEG.
    f.fileSizes.set(`/media/${await storageKeyOf(t.handle.db, photo)}-1200.jpg`, 183_417)

    const rssDoc = await f.distribution.feed(scope, 'rss')
    assert.ok(rssDoc)
    assert.equal(rssDoc.contentType, 'application/rss+xml; charset=utf-8')
    assert.deepEqual(rssDoc.lastModified, story.publishedAt)
    const rss = node(parseXml(rssDoc.body, ['item', 'category', 'dc:creator']).rss)
    assert.equal(rss['@_version'], '2.0')
    const channel = node(rss.channel)
    assert.equal(channel.title, `${f.section.name} — ${SITE.name}`)
    assert.equal(channel.link, `${SITE.url}/${f.section.slug}`)
    assert.equal(node(channel['atom:link'])['@_href'], `${SITE.url}/${f.section.slug}/feed.xml`)
    const items = list(channel.item)
    assert.deepEqual(
      items.map((i) => i.title),
      [story.headline],
      'the draft and the future story stay out',
    )
    const item = items[0] as Node
    assert.equal(item.link, storyUrl)
    assert.equal(text(item.guid), id)
    assert.equal(node(item.guid)['@_isPermaLink'], 'false')
    assert.match(String(item.pubDate), RFC_822)
    assert.equal(Date.parse(String(item.pubDate)), story.publishedAt.getTime())
    assert.equal(item.description, 'Ferries wait <offshore>.')
    assert.match(String(item['content:encoded']), /The tide came in\./)
    assert.match(String(item['content:encoded']), /href="https:\/\/news\.example\.org\/asia"/)
    assert.deepEqual(item['dc:creator'], [f.author.name])
    assert.deepEqual(item.category, [f.section.name, tag])
    const enclosure = node(item.enclosure)
    assert.match(String(enclosure['@_url']), /^https:\/\/news\.example\.org\/media\/.+\.jpg$/)
    assert.equal(enclosure['@_type'], 'image/jpeg')
    assert.equal(enclosure['@_length'], '183417', 'the byte size of the file it points to')
    const media = node(item['media:content'])
    assert.equal(media['@_url'], enclosure['@_url'])
    assert.equal(media['@_fileSize'], '183417')
    assert.equal(media['media:credit'], 'Harbour Wire')
    assert.equal(media['media:description'], 'Fog & ferries')

    const atomDoc = await f.distribution.feed(scope, 'atom')
    assert.equal(atomDoc?.contentType, 'application/atom+xml; charset=utf-8')
    const atom = node(parseXml(atomDoc?.body ?? '', ['entry', 'link', 'author', 'category']).feed)
    assert.equal(atom['@_xmlns'], 'http://www.w3.org/2005/Atom')
    assert.match(String(atom.id), /^tag:news\.example\.org,2026:feed:section:\d+$/)
    assert.match(String(atom.updated), RFC_3339)
    const entry = list(atom.entry)[0] as Node
    assert.equal(entry.id, id)
    assert.equal(Date.parse(String(entry.published)), story.publishedAt.getTime())
    assert.match(String(entry.updated), RFC_3339)
    assert.equal(list(entry.link).find((l) => l['@_rel'] === 'alternate')?.['@_href'], storyUrl)
    const atomEnclosure = list(entry.link).find((l) => l['@_rel'] === 'enclosure')
    assert.equal(atomEnclosure?.['@_href'], enclosure['@_url'])
    assert.equal(atomEnclosure?.['@_length'], '183417')
    assert.equal(node(list(entry.author)[0]).name, f.author.name)
    assert.equal(node(entry.content)['@_type'], 'html')
    assert.match(text(entry.content), /<p>The tide came in\.<\/p>/)

    const jsonDoc = await f.distribution.feed(scope, 'json')
    assert.equal(jsonDoc?.contentType, 'application/feed+json; charset=utf-8')
    const json = JSON.parse(jsonDoc?.body ?? '') as Node
    assert.deepEqual(jsonFeedProblems(json), [])
    assert.equal(json.feed_url, `${SITE.url}/${f.section.slug}/feed.json`)
    const jsonItem = list(json.items)[0] as Node
    assert.equal(jsonItem.id, id)
    assert.equal(jsonItem.url, storyUrl)
    assert.equal(jsonItem.image, enclosure['@_url'])
    assert.equal(jsonItem.summary, 'Ferries wait <offshore>.')
    assert.equal(jsonItem.date_published, story.publishedAt.toISOString())
    assert.ok(![draft.id, future.id].some((n) => String(jsonDoc?.body).includes(`story:${n}"`)))
  })

  test('a photo whose file is missing gets Media RSS only: no enclosure with a made-up length', async () => {
    const f = await distributionFixture(t.handle.db)
    const photo = await insertPhoto(t.handle.db)
    await f.story({ leadPhotoId: photo })
    const scope = { kind: 'section' as const, slug: f.section.slug }
    const rss = node(parseXml((await f.distribution.feed(scope, 'rss'))?.body ?? '').rss)
    const item = node(node(rss.channel).item)
    assert.equal(item.enclosure, undefined)
    const media = node(item['media:content'])
    assert.match(String(media['@_url']), /-1200\.jpg$/)
    assert.equal(media['@_fileSize'], undefined)
    const atom = node(
      parseXml((await f.distribution.feed(scope, 'atom'))?.body ?? '', ['link']).feed,
    )
    const enclosure = list(node(atom.entry).link).find((l) => l['@_rel'] === 'enclosure')
    assert.equal(enclosure?.['@_length'], undefined, "Atom's length is optional and left out")
  })

  test('an edit and a new slug keep the item id; the update time moves', async () => {
    const f = await distributionFixture(t.handle.db)
    const story = await f.story()
    const scope = { kind: 'section' as const, slug: f.section.slug }
    const before = JSON.parse((await f.distribution.feed(scope, 'json'))?.body ?? '') as Node
    f.clock.set(new Date(NOW.getTime() + HOUR))
    const edited = await f.newsroom.updateArticle(story.id, {
      headline: unique('Renamed story'),
      slug: unique('renamed').toLowerCase().replace(/\s+/g, '-'),
    })
    const after = JSON.parse((await f.distribution.feed(scope, 'json'))?.body ?? '') as Node
    const [was, now] = [list(before.items)[0] as Node, list(after.items)[0] as Node]
    assert.equal(now.id, was.id)
    assert.notEqual(now.url, was.url)
    assert.equal(now.title, edited.headline)
    assert.equal(now.date_published, was.date_published)
    assert.ok(Date.parse(String(now.date_modified)) > Date.parse(String(was.date_modified)))
  })

  test('the excerpt setting leaves bodies out of every format', async () => {
    const f = await distributionFixture(t.handle.db, { feedContent: 'excerpt' })
    await f.story({ dek: 'Only the dek.', bodyMarkdown: 'A secret body.' })
    await f.story({ dek: '', bodyMarkdown: 'Another body.' })
    const scope = { kind: 'section' as const, slug: f.section.slug }
    for (const format of ['rss', 'atom', 'json'] as const) {
      const body = (await f.distribution.feed(scope, format))?.body ?? ''
      assert.doesNotMatch(body, /secret body|Another body/, format)
    }
    const json = JSON.parse((await f.distribution.feed(scope, 'json'))?.body ?? '') as Node
    assert.deepEqual(jsonFeedProblems(json), [])
    assert.ok(list(json.items).some((item) => item.content_text === 'Only the dek.'))
  })

  test('author, tag and site feeds; an unknown slug has none', async () => {
    const f = await distributionFixture(t.handle.db)
    const tag = unique('Harbour lights')
    const story = await f.story({ tagNames: [tag] })
    const author = await f.distribution.feed({ kind: 'author', slug: f.author.slug }, 'atom')
    assert.equal(author?.scope.id, f.author.id)
    const authorFeed = node(parseXml(author?.body ?? '', ['entry']).feed)
    assert.deepEqual(
      list(authorFeed.entry).map((e) => e.title),
      [story.headline],
    )
    const tagSlug = story.tags[0]?.slug ?? ''
    const tagged = await f.distribution.feed({ kind: 'tag', slug: tagSlug }, 'rss')
    assert.equal(node(parseXml(tagged?.body ?? '').rss).channel !== undefined, true)
    assert.match(tagged?.body ?? '', new RegExp(`story:${story.id}<`))
    const site = await f.distribution.feed({ kind: 'site' }, 'json')
    const siteFeed = JSON.parse(site?.body ?? '') as Node
    assert.deepEqual(jsonFeedProblems(siteFeed), [])
    assert.equal(siteFeed.feed_url, `${SITE.url}/feed.json`)
    for (const kind of ['section', 'author', 'tag'] as const) {
      assert.equal(await f.distribution.feed({ kind, slug: 'no-such-thing' }, 'rss'), undefined)
      assert.equal(await f.distribution.feed({ kind, slug: '../etc' }, 'rss'), undefined)
    }
  })

  test(`a feed holds the newest ${FEED_LENGTH} stories, newest first`, async () => {
    const f = await distributionFixture(t.handle.db, { feedContent: 'excerpt' })
    const created = []
    for (let i = 0; i < FEED_LENGTH + 2; i += 1)
      created.push(await f.story({ publishedAt: new Date(NOW.getTime() - (i + 1) * HOUR) }))
    const rss = (await f.distribution.feed({ kind: 'section', slug: f.section.slug }, 'rss'))?.body
    const items = list(node(node(parseXml(rss ?? '', ['item']).rss).channel).item)
    assert.equal(items.length, FEED_LENGTH)
    assert.deepEqual(
      items.map((i) => i.title),
      created.slice(0, FEED_LENGTH).map((s) => s.headline),
    )
  })
})

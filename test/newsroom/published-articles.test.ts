/** Reading published stories on every database: lookups, pages, filters, batches and picks. */

import assert from 'node:assert/strict'
import { test } from 'node:test'
import { COUNT_REUSE_MS } from '../../src/newsroom/published-articles.js'
import { toDbTime } from '../../src/db/time-codec.js'
import { forEachDatabase } from '../helpers/databases.js'
import { insertPhoto, newsroomFixture, NOW, unique } from './newsroom-fixtures.js'

const MINUTE = 60_000

forEachDatabase('newsroom reading', (t) => {
  test('a published story is found with authors (and photos), tags and lead photo', async () => {
    const f = await newsroomFixture(t.handle.db)
    const portrait = await insertPhoto(t.handle.db, { caption: '', credit: 'Staff' })
    const lead = await insertPhoto(t.handle.db, { caption: 'Fog over the bay.', credit: 'AP' })
    const writer = await f.newsroom.createAuthor({
      name: unique('Mai Tran'),
      bio: 'Covers ports.',
      photoId: portrait,
    })
    const story = await f.story({
      authorIds: [writer.id, f.author.id],
      tagNames: ['Fog', 'Bay'],
      leadPhotoId: lead,
      dek: 'Ferries wait.',
    })

    const found = await f.newsroom.findPublishedArticle(story.slug)
    assert.equal(found?.kind, 'found')
    if (found?.kind !== 'found') return
    const { article } = found
    assert.equal(article.headline, story.headline)
    assert.equal(article.dek, 'Ferries wait.')
    assert.deepEqual(article.section, { slug: f.section.slug, name: f.section.name })
    assert.deepEqual(
      article.authors.map((a) => [a.id, a.bio, a.photo?.id ?? null]),
      [
        [writer.id, 'Covers ports.', portrait],
        [f.author.id, '', null],
      ],
    )
    assert.equal(article.authors[1]?.email, 'desk@example.org')
    assert.deepEqual(
      article.tags.map((tag) => tag.slug),
      ['bay', 'fog'],
    )
    assert.equal(article.leadPhoto?.credit, 'AP')
    assert.equal(article.leadPhoto?.caption, 'Fog over the bay.')
    assert.deepEqual(article.publishedAt, new Date(NOW.getTime() - 60 * MINUTE))
  })

  test('a likely id reads the same story; a wrong guess still gives the right details', async () => {
    const f = await newsroomFixture(t.handle.db)
    const story = await f.story({ tagNames: ['Harbour'] })
    const other = await f.story({ tagNames: ['Orchard'] })
    const plain = await f.newsroom.findPublishedArticle(story.slug)
    const guessed = await f.newsroom.findPublishedArticle(story.slug, story.id)
    assert.equal(plain?.kind, 'found')
    assert.deepEqual(guessed, plain)
    const wrong = await f.newsroom.findPublishedArticle(story.slug, other.id)
    assert.deepEqual(wrong, plain, "the other story's tags and authors are not used")
    if (wrong?.kind === 'found')
      assert.deepEqual(
        wrong.article.tags.map((tag) => tag.slug),
        ['harbour'],
      )
    assert.equal(await f.newsroom.findPublishedArticle('no-such-story-here', story.id), undefined)
  })

  test('unknown and malformed slugs give undefined', async () => {
    const f = await newsroomFixture(t.handle.db)
    assert.equal(await f.newsroom.findPublishedArticle('no-such-story-anywhere'), undefined)
    assert.equal(await f.newsroom.findPublishedArticle('../etc/passwd'), undefined)
  })

  test('listArticles pages newest first and counts every match', async () => {
    const f = await newsroomFixture(t.handle.db)
    const ids: number[] = []
    for (let i = 0; i < 5; i++) {
      ids.push((await f.story({ publishedAt: new Date(NOW.getTime() - (10 - i) * MINUTE) })).id)
    }
    await f.story({ status: 'draft', publishedAt: null })
    const first = await f.newsroom.listArticles({ sectionId: f.section.id }, 1, 2)
    const last = await f.newsroom.listArticles({ sectionId: f.section.id }, 3, 2)
    assert.deepEqual(
      first.items.map((a) => a.id),
      [ids[4], ids[3]],
    )
    assert.equal(first.total, 5)
    assert.equal(first.totalPages, 3)
    assert.equal(first.perPage, 2)
    assert.deepEqual(
      last.items.map((a) => a.id),
      [ids[0]],
    )
    assert.equal(last.page, 3)
  })

  test('pages past the first list the same stories, whole, as one walk newest first', async () => {
    const f = await newsroomFixture(t.handle.db)
    const other = await f.newsroom.createAuthor({ name: unique('Stringer') })
    const tag = unique('Tides')
    const at = (minutes: number) => new Date(NOW.getTime() - minutes * MINUTE)
    // Two pairs share a publication time: the id breaks the tie, on every page alike.
    const minutes = [50, 40, 40, 30, 20, 20, 10]
    const stories = []
    for (const m of minutes)
      stories.push(
        await f.story({ publishedAt: at(m), authorIds: [other.id, f.author.id], tagNames: [tag] }),
      )
    // Neither a draft nor a story scheduled for later is on any page.
    await f.story({ status: 'draft', publishedAt: null, authorIds: [other.id], tagNames: [tag] })
    await f.story({ publishedAt: new Date(NOW.getTime() + MINUTE), authorIds: [other.id] })
    const newestFirst = [...stories]
      .sort((a, b) => b.publishedAt.getTime() - a.publishedAt.getTime() || b.id - a.id)
      .map((s) => s.id)
    const tagRow = await f.newsroom.getTag(stories[0]?.tags[0]?.slug ?? '')
    assert.ok(tagRow)
    for (const filter of [
      { sectionId: f.section.id },
      { authorId: other.id },
      { tagId: tagRow.id },
    ]) {
      const walked: number[] = []
      for (let page = 1; page <= 4; page++) {
        const list = await f.newsroom.listArticles(filter, page, 2)
        assert.equal(list.total, 7)
        assert.equal(list.totalPages, 4)
        for (const item of list.items) {
          assert.deepEqual(
            item.authors.map((a) => a.id),
            [other.id, f.author.id],
          )
          assert.equal(item.section.slug, f.section.slug)
          walked.push(item.id)
        }
      }
      assert.deepEqual(walked, newestFirst, JSON.stringify(filter))
      assert.deepEqual((await f.newsroom.listArticles(filter, 5, 2)).items, [])
    }
  })

  test("a list's count follows every article event at once, and is reused otherwise", async () => {
    const f = await newsroomFixture(t.handle.db)
    const total = async () =>
      (await f.newsroom.listArticles({ sectionId: f.section.id }, 1, 2)).total
    await f.story()
    assert.equal(await total(), 1)
    await f.story()
    assert.equal(await total(), 2)
    // A story made visible behind the newsroom's back (no event) shows once the count is old.
    const draft = await f.story({ status: 'draft', publishedAt: null })
    await t.handle.db
      .updateTable('articles')
      .set({ status: 'published', published_at: toDbTime(new Date(NOW.getTime() - MINUTE)) })
      .where('id', '=', draft.id)
      .execute()
    assert.equal(await total(), 2)
    f.clock.advance(COUNT_REUSE_MS)
    assert.equal(await total(), 3)
  })

  test('listArticles filters by author and by tag', async () => {
    const f = await newsroomFixture(t.handle.db)
    const other = await f.newsroom.createAuthor({ name: unique('Columnist') })
    const tag = unique('Elections')
    const byOther = await f.story({ authorIds: [other.id], tagNames: [tag] })
    await f.story()
    const byAuthor = await f.newsroom.listArticles({ authorId: other.id }, 1, 10)
    assert.deepEqual(
      byAuthor.items.map((a) => a.id),
      [byOther.id],
    )
    assert.equal(byAuthor.total, 1)
    const tagRow = await f.newsroom.getTag(byOther.tags[0]?.slug ?? '')
    assert.ok(tagRow)
    const byTag = await f.newsroom.listArticles({ tagId: tagRow.id }, 1, 10)
    assert.deepEqual(
      byTag.items.map((a) => a.id),
      [byOther.id],
    )
    assert.deepEqual(
      byTag.items[0]?.authors.map((a) => a.id),
      [other.id],
    )
  })

  test('latestArticles honours excludeIds and the limit', async () => {
    const f = await newsroomFixture(t.handle.db)
    const a = await f.story({ publishedAt: new Date(NOW.getTime() - 3 * MINUTE) })
    const b = await f.story({ publishedAt: new Date(NOW.getTime() - 2 * MINUTE) })
    const c = await f.story({ publishedAt: new Date(NOW.getTime() - 1 * MINUTE) })
    const latest = await f.newsroom.latestArticles({
      sectionId: f.section.id,
      limit: 2,
      excludeIds: [c.id],
    })
    assert.deepEqual(
      latest.map((s) => s.id),
      [b.id, a.id],
    )
  })

  test('summariesByIds keeps the order given and drops unpublished ids', async () => {
    const f = await newsroomFixture(t.handle.db)
    const a = await f.story()
    const b = await f.story()
    const draft = await f.story({ status: 'draft', publishedAt: null })
    const summaries = await f.newsroom.summariesByIds([b.id, draft.id, 999_999, a.id, b.id])
    assert.deepEqual(
      summaries.map((s) => s.id),
      [b.id, a.id],
    )
    assert.deepEqual(summaries[0]?.authors, [
      { id: f.author.id, slug: f.author.slug, name: f.author.name, jobTitle: '' },
    ])
  })

  test('tagIdsByArticle maps published stories to their tags', async () => {
    const f = await newsroomFixture(t.handle.db)
    const tagged = await f.story({ tagNames: ['Rain', 'Wind'] })
    const untagged = await f.story()
    const map = await f.newsroom.tagIdsByArticle([tagged.id, untagged.id])
    assert.deepEqual(
      map.get(tagged.id),
      tagged.tags.map((tag) => tag.id).sort((x, y) => x - y),
    )
    assert.equal(map.has(untagged.id), false)
  })

  test("picks keep the editors' order, show only published stories and announce the change", async () => {
    const f = await newsroomFixture(t.handle.db)
    const a = await f.story()
    const b = await f.story()
    const draft = await f.story({ status: 'draft', publishedAt: null })
    f.bus.events.length = 0
    await f.newsroom.setPicks('must-reads', [b.id, draft.id, a.id])
    assert.deepEqual(
      (await f.newsroom.pickedArticles('must-reads', 5)).map((s) => s.id),
      [b.id, a.id],
    )
    assert.deepEqual(f.bus.events, [{ event: 'picks.changed', payload: { list: 'must-reads' } }])
    await f.newsroom.setPicks('must-reads', [a.id])
    assert.deepEqual(
      (await f.newsroom.pickedArticles('must-reads', 5)).map((s) => s.id),
      [a.id],
    )
    await assert.rejects(f.newsroom.setPicks('must-reads', [999_999]), {
      code: 'PICK_ARTICLE_UNKNOWN',
    })
  })

  test('countPublished counts only visible stories', async () => {
    const f = await newsroomFixture(t.handle.db)
    const before = await f.newsroom.countPublished()
    await f.story()
    await f.story({ status: 'draft', publishedAt: null })
    await f.story({ publishedAt: new Date(NOW.getTime() + MINUTE) })
    assert.equal(await f.newsroom.countPublished(), before + 1)
  })
})

/** The SQL visibility rule agrees with the pure one on both databases; slugs resolve to readable ids. */

import assert from 'node:assert/strict'
import { test } from 'node:test'
import type { Db } from '../../src/db/database.js'
import type { ArticleStatus } from '../../src/db/schema.js'
import { toDbTime } from '../../src/db/time-codec.js'
import { isVisibleToReaders } from '../../src/newsroom/article-rules.js'
import { readerVisible } from '../../src/newsroom/visibility-queries.js'
import { forEachDatabase } from '../helpers/databases.js'
import { newsroomFixture, NOW } from './newsroom-fixtures.js'

const HOUR = 3_600_000

/** Stories in every state around NOW, written directly so each edge case is exact. */
async function storiesAroundNow(db: Db, sectionId: number) {
  const cases: { status: ArticleStatus; publishedAt: Date | null }[] = [
    { status: 'published', publishedAt: new Date(NOW.getTime() - HOUR) },
    { status: 'published', publishedAt: NOW },
    { status: 'published', publishedAt: new Date(NOW.getTime() + 1) },
    { status: 'published', publishedAt: new Date(NOW.getTime() + HOUR) },
    { status: 'scheduled', publishedAt: new Date(NOW.getTime() - HOUR) },
    { status: 'scheduled', publishedAt: new Date(NOW.getTime() + HOUR) },
    { status: 'in_review', publishedAt: null },
    { status: 'draft', publishedAt: null },
    { status: 'draft', publishedAt: new Date(NOW.getTime() - HOUR) },
  ]
  const stories = []
  for (const [index, story] of cases.entries()) {
    const { id } = await db
      .insertInto('articles')
      .values({
        slug: `edge-${index}-${Math.random().toString(36).slice(2, 8)}`,
        section_id: sectionId,
        headline: `Edge ${index}`,
        dek: '',
        body_markdown: '',
        body_html: '',
        word_count: 0,
        status: story.status,
        lead_photo_id: null,
        published_at: story.publishedAt === null ? null : toDbTime(story.publishedAt),
        updated_at: null,
        created_at: toDbTime(NOW),
        modified_at: toDbTime(NOW),
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    stories.push({ id, ...story })
  }
  return stories
}

forEachDatabase('readerVisible', (t) => {
  test('selects exactly the stories isVisibleToReaders accepts, at several instants', async () => {
    const { db } = t.handle
    const f = await newsroomFixture(db)
    const stories = await storiesAroundNow(db, f.section.id)
    const ids = stories.map((s) => s.id)
    for (const now of [new Date(NOW.getTime() - 1), NOW, new Date(NOW.getTime() + 1)]) {
      const rows = await db
        .selectFrom('articles as a')
        .select('a.id')
        .where('a.id', 'in', ids)
        .where(readerVisible('a', now))
        .orderBy('a.id')
        .execute()
      const expected = stories.filter((s) => isVisibleToReaders(s, now)).map((s) => s.id)
      assert.ok(expected.length > 0)
      assert.deepEqual(
        rows.map((r) => r.id),
        expected,
        now.toISOString(),
      )
    }
  })

  test('works on the unaliased table too, and "eventually" keeps future published stories', async () => {
    const { db } = t.handle
    const f = await newsroomFixture(db)
    const stories = await storiesAroundNow(db, f.section.id)
    const ids = stories.map((s) => s.id)
    const rows = await db
      .selectFrom('articles')
      .select('id')
      .where('id', 'in', ids)
      .where(readerVisible('articles', 'eventually'))
      .orderBy('id')
      .execute()
    const farFuture = new Date(NOW.getTime() + 1000 * HOUR)
    assert.deepEqual(
      rows.map((r) => r.id),
      stories.filter((s) => isVisibleToReaders(s, farFuture)).map((s) => s.id),
    )
    assert.equal(rows.length, 4)
  })
})

forEachDatabase('newsroom.resolvePublishedId', (t) => {
  test('resolves a current slug and a former one to the same readable story', async () => {
    const f = await newsroomFixture(t.handle.db)
    const story = await f.story()
    const before = story.slug
    const renamed = await f.newsroom.updateArticle(story.id, { slug: `${before}-renamed` })
    assert.equal(await f.newsroom.resolvePublishedId(renamed.slug), story.id)
    assert.equal(await f.newsroom.resolvePublishedId(before), story.id)
  })

  test('refuses drafts, scheduled and future stories, also by a former slug', async () => {
    const f = await newsroomFixture(t.handle.db)
    const draft = await f.story({ status: 'draft', publishedAt: null })
    const scheduled = await f.story({
      status: 'scheduled',
      publishedAt: new Date(NOW.getTime() + HOUR),
    })
    const future = await f.story({ publishedAt: new Date(NOW.getTime() + HOUR) })
    for (const story of [draft, scheduled, future]) {
      assert.equal(await f.newsroom.resolvePublishedId(story.slug), undefined, story.status)
    }
    const formerSlug = future.slug
    await f.newsroom.updateArticle(future.id, { slug: `${formerSlug}-later` })
    assert.equal(await f.newsroom.resolvePublishedId(formerSlug), undefined)
    f.clock.advance(2 * HOUR)
    assert.equal(await f.newsroom.resolvePublishedId(formerSlug), future.id)
  })

  test('answers undefined for unknown and malformed slugs without a query error', async () => {
    const f = await newsroomFixture(t.handle.db)
    for (const slug of ['no-such-story', '', '../etc/passwd', 'A'.repeat(500)]) {
      assert.equal(await f.newsroom.resolvePublishedId(slug), undefined)
    }
  })
})

forEachDatabase('newsroom comment modes', (t) => {
  test('a story keeps its own comment mode; an unknown story is ARTICLE_NOT_FOUND', async () => {
    const f = await newsroomFixture(t.handle.db)
    const story = await f.story()
    const draft = await f.story({ status: 'draft', publishedAt: null })
    assert.deepEqual(await f.newsroom.commentsMode(story.id), { mode: null, visible: true })
    await f.newsroom.setCommentsMode(story.id, 'closed')
    assert.deepEqual(await f.newsroom.commentsMode(story.id), { mode: 'closed', visible: true })
    await f.newsroom.setCommentsMode(draft.id, 'premoderated')
    assert.deepEqual(await f.newsroom.commentsMode(draft.id), {
      mode: 'premoderated',
      visible: false,
    })
    assert.equal(await f.newsroom.commentsMode(999_999), undefined)
    await assert.rejects(f.newsroom.setCommentsMode(999_999, 'open'), {
      code: 'ARTICLE_NOT_FOUND',
      kind: 'not_found',
    })
  })
})

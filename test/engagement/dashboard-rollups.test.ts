/**
 * The section and author rollups always equal the buckets summed over each story's current
 * section and byline: as views are added, when a save moves a story, when saves and flushes
 * race (PostgreSQL), and as migration 0026 fills them from existing buckets.
 */

import assert from 'node:assert/strict'
import { test } from 'node:test'
import { sql } from 'kysely'
import type { Db } from '../../src/db/database.js'
import { up as migration0026 } from '../../src/db/migrations/0026-section-author-views.js'
import { fromDbTime, toNumber } from '../../src/db/time-codec.js'
import { countByStatus, topAuthors, topSections } from '../../src/engagement/dashboard-queries.js'
import { moveStoryViews } from '../../src/engagement/dashboard-rollups.js'
import { addToBuckets, type BucketAdd } from '../../src/engagement/view-flush-queries.js'
import { createFixedClock } from '../../src/lib/clock.js'
import { createNewsroom } from '../../src/newsroom/index.js'
import { forEachDatabase } from '../helpers/databases.js'
import { NOW, photoLookup, recordingBus, unique } from '../newsroom/newsroom-fixtures.js'

const HOUR_MS = 3_600_000
const hoursAgo = (n: number): Date =>
  new Date(Math.floor(NOW.getTime() / HOUR_MS) * HOUR_MS - n * HOUR_MS)

/** Rollup rows as "hour|id" → views, zero rows left out (a moved story leaves zeros behind). */
async function rollup(db: Db, table: 'section_views_hourly' | 'author_views_hourly') {
  const id = table === 'section_views_hourly' ? 'section_id' : 'author_id'
  const rows = await sql<{ hour: Date | string; id: number; views: number }>`
    select hour, ${sql.ref(id)} as id, views from ${sql.table(table)}`.execute(db)
  const out = new Map<string, number>()
  for (const r of rows.rows)
    if (toNumber(r.views) !== 0) out.set(`${fromDbTime(r.hour).toISOString()}|${r.id}`, r.views)
  return out
}

/** The same, computed from the buckets and the stories' current sections or bylines. */
async function fromBuckets(db: Db, by: 'section' | 'author') {
  const rows = await (
    by === 'section'
      ? sql<{ hour: Date | string; id: number; views: string | number }>`
        select b.hour, a.section_id as id, sum(b.views) as views
        from article_views_hourly b join articles a on a.id = b.article_id
        group by b.hour, a.section_id`
      : sql<{ hour: Date | string; id: number; views: string | number }>`
        select b.hour, aa.author_id as id, sum(b.views) as views
        from article_views_hourly b join article_authors aa on aa.article_id = b.article_id
        group by b.hour, aa.author_id`
  ).execute(db)
  return new Map(
    rows.rows.map((r) => [`${fromDbTime(r.hour).toISOString()}|${r.id}`, toNumber(r.views)]),
  )
}

/** The top lists as the dashboard answered them before the rollups: from the raw buckets. */
async function rawTop(db: Db, by: 'section' | 'author', from: Date) {
  const rows = await (
    by === 'section'
      ? sql<{ slug: string; views: string | number }>`
        select s.slug, sum(b.views) as views from article_views_hourly b
        join articles a on a.id = b.article_id join sections s on s.id = a.section_id
        where b.hour >= ${from.toISOString()} group by s.id, s.slug, s.name
        order by views desc, s.name`
      : sql<{ slug: string; views: string | number }>`
        select au.slug, sum(b.views) as views from article_views_hourly b
        join article_authors aa on aa.article_id = b.article_id join authors au on au.id = aa.author_id
        where b.hour >= ${from.toISOString()} group by au.id, au.slug, au.name
        order by views desc, au.name`
  ).execute(db)
  return rows.rows.map((r) => [r.slug, toNumber(r.views)])
}

/** Asserts that the rollups and the top lists equal their raw-bucket answers. */
async function assertExact(db: Db): Promise<void> {
  assert.deepEqual(await rollup(db, 'section_views_hourly'), await fromBuckets(db, 'section'))
  assert.deepEqual(await rollup(db, 'author_views_hourly'), await fromBuckets(db, 'author'))
  for (const from of [hoursAgo(23), hoursAgo(200), new Date(0)]) {
    const sections = await topSections(db, from, 1000)
    assert.deepEqual(
      sections.map((s) => [s.slug, s.views]),
      await rawTop(db, 'section', from),
    )
    const authors = await topAuthors(db, from, 1000)
    assert.deepEqual(
      authors.map((s) => [s.slug, s.views]),
      await rawTop(db, 'author', from),
    )
  }
}

/** Sorted by (article, hour), as addToBuckets requires. */
const sorted = (rows: BucketAdd[]): BucketAdd[] =>
  rows.sort((a, b) => a.articleId - b.articleId || a.hour.getTime() - b.hour.getTime())

forEachDatabase('dashboard rollups', (t) => {
  const setUp = async () => {
    const db = t.handle.db
    const lockStories = t.handle.dialect.name === 'postgres'
    const newsroom = createNewsroom({
      db,
      clock: createFixedClock(NOW),
      bus: recordingBus(),
      photos: photoLookup(db),
      placementMoved: moveStoryViews,
    })
    const sections = await Promise.all(
      ['World', 'Sport', 'Culture'].map((name) => newsroom.createSection({ name: unique(name) })),
    )
    const authors = await Promise.all(
      ['Ada', 'Ben', 'Cleo'].map((name) => newsroom.createAuthor({ name: unique(name) })),
    )
    const [s1, s2, s3] = sections.map((s) => s.id) as [number, number, number]
    const [a1, a2, a3] = authors.map((a) => a.id) as [number, number, number]
    const story = (sectionId: number, authorIds: number[]) =>
      newsroom.createArticle({
        headline: unique('Rollup story'),
        bodyMarkdown: 'Counted.',
        sectionId,
        authorIds,
        status: 'published',
        publishedAt: hoursAgo(300),
      })
    const add = (rows: BucketAdd[]): Promise<void> =>
      db.transaction().execute((trx) => addToBuckets(trx, sorted(rows), { lockStories }))
    return { db, newsroom, s1, s2, s3, a1, a2, a3, story, add, lockStories }
  }

  test('equal the raw buckets as views come in and when a story changes section or byline', async () => {
    const { db, newsroom, s1, s2, s3, a1, a2, a3, story, add } = await setUp()
    const a = await story(s1, [a1])
    const b = await story(s2, [a1, a2])
    const c = await story(s3, [a3])
    await add([
      { articleId: a.id, hour: hoursAgo(250), views: 40 },
      { articleId: a.id, hour: hoursAgo(30), views: 9 },
      { articleId: a.id, hour: hoursAgo(2), views: 5 },
      { articleId: b.id, hour: hoursAgo(2), views: 7 },
      { articleId: b.id, hour: hoursAgo(0), views: 3 },
      { articleId: c.id, hour: hoursAgo(1), views: 11 },
    ])
    await assertExact(db)

    // Figures follow the story's current section and byline: its past views move with it.
    await newsroom.updateArticle(a.id, { sectionId: s2 })
    await newsroom.updateArticle(b.id, { authorIds: [a2, a3] })
    await assertExact(db)
    const top = await topSections(db, hoursAgo(23), 5)
    assert.deepEqual(
      top.map((s) => s.views),
      [15, 11],
    )
    // s1 has no story left: it leaves the lists (its rows are zero, never negative).
    assert.ok((await topSections(db, new Date(0), 5)).every((s) => s.views > 0))

    // Views after the move go to the new place; moving back and a no-op save keep it exact.
    await add([
      { articleId: a.id, hour: hoursAgo(0), views: 2 },
      { articleId: b.id, hour: hoursAgo(0), views: 1 },
    ])
    await newsroom.updateArticle(a.id, { sectionId: s1, authorIds: [a3, a1] })
    await newsroom.updateArticle(c.id, { headline: 'Only the words change' })
    await assertExact(db)
  })

  test('stay exact while saves move stories and flushes add to them at the same time', async () => {
    const { db, newsroom, s1, s2, a1, a2, story, add } = await setUp()
    const stories = await Promise.all([story(s1, [a1]), story(s2, [a2]), story(s1, [a1, a2])])
    const work: Promise<unknown>[] = []
    for (let round = 0; round < 12; round++) {
      for (const [i, s] of stories.entries()) {
        const even = (round + i) % 2 === 0
        work.push(
          newsroom.updateArticle(s.id, {
            sectionId: even ? s2 : s1,
            authorIds: even ? [a2] : [a1, a2],
          }),
        )
      }
      work.push(
        add(stories.map((s, i) => ({ articleId: s.id, hour: hoursAgo(round % 3), views: 1 + i }))),
      )
    }
    await Promise.all(work)
    await assertExact(db)
  })

  test('a save that moves a story waits for a flush adding to it, then moves those views too', async () => {
    const { db, newsroom, s1, s2, a1, a2, story, lockStories } = await setUp()
    const s = await story(s1, [a1])
    let release = (): void => undefined
    const held = new Promise<void>((resolve) => (release = resolve))
    let flushing: Promise<void> = Promise.resolve()
    // A flush that has added its views (and locked the story) but not yet committed.
    await new Promise<void>((entered) => {
      flushing = db.transaction().execute(async (trx) => {
        const rows = [{ articleId: s.id, hour: hoursAgo(1), views: 8 }]
        await addToBuckets(trx, rows, { lockStories })
        entered()
        await held
      })
    })
    let saved = false
    const save = newsroom
      .updateArticle(s.id, { sectionId: s2, authorIds: [a2] })
      .then(() => (saved = true))
    await new Promise((resolve) => setTimeout(resolve, 200))
    assert.equal(saved, false, 'the save waits for the flush')
    release()
    await flushing
    await save
    await assertExact(db)
  })

  test('stories by status, kept by triggers, equal a count of the stories through every change', async () => {
    const { db, newsroom, s1, a1, story } = await setUp()
    const counted = async () => {
      const rows = await db
        .selectFrom('articles')
        .select(['status', (eb) => eb.fn.countAll<number | string>().as('n')])
        .groupBy('status')
        .execute()
      return new Map(rows.map((r) => [r.status, toNumber(r.n)]))
    }
    const kept = async () =>
      new Map([...(await countByStatus(db))].filter(([, stories]) => stories !== 0))
    const published = await story(s1, [a1])
    const draft = await newsroom.createArticle({
      headline: unique('Draft'),
      bodyMarkdown: 'Not yet.',
      sectionId: s1,
      authorIds: [a1],
    })
    assert.deepEqual(await kept(), await counted())
    // Status changes in both directions, at once (opposite lock orders on PostgreSQL).
    await Promise.all([
      db.updateTable('articles').set({ status: 'in_review' }).where('id', '=', draft.id).execute(),
      db
        .updateTable('articles')
        .set({ status: 'unpublished' })
        .where('id', '=', published.id)
        .execute(),
    ])
    await db.updateTable('articles').set({ headline: 'Same status' }).execute()
    assert.deepEqual(await kept(), await counted())
    await db.deleteFrom('article_authors').where('article_id', '=', draft.id).execute()
    await db.deleteFrom('article_revisions').where('article_id', '=', draft.id).execute()
    await db.deleteFrom('articles').where('id', '=', draft.id).execute()
    assert.deepEqual(await kept(), await counted())
  })

  test('migration 0026 fills them from the buckets already there', async () => {
    const { db, s1, s2, a1, a2, story, add } = await setUp()
    const a = await story(s1, [a1, a2])
    const b = await story(s2, [a2])
    await add([
      { articleId: a.id, hour: hoursAgo(5), views: 4 },
      { articleId: b.id, hour: hoursAgo(5), views: 6 },
    ])
    await db.schema.dropTable('section_views_hourly').execute()
    await db.schema.dropTable('author_views_hourly').execute()
    await db.schema.dropTable('article_status_counts').execute()
    for (const change of ['insert', 'update', 'delete'])
      await sql`drop trigger ${sql.raw(`article_status_counts_${change}`)}${sql.raw(
        t.handle.dialect.name === 'postgres' ? ' on articles' : '',
      )}`.execute(db)
    if (t.handle.dialect.name === 'postgres')
      await sql`drop function article_status_counts_add()`.execute(db)
    await migration0026(db, t.handle.dialect)
    await assertExact(db)
    const statuses = await countByStatus(db)
    assert.equal(
      statuses.get('published'),
      await db
        .selectFrom('articles')
        .select((eb) => eb.fn.countAll<number | string>().as('n'))
        .where('status', '=', 'published')
        .executeTakeFirstOrThrow()
        .then((r) => toNumber(r.n)),
    )
  })
})

/** The view counter on every database: dedupe per day, salts, flushes that never lose counts, co-reads. */

import assert from 'node:assert/strict'
import { test } from 'node:test'
import { sql } from 'kysely'
import type { Db } from '../../src/db/database.js'
import type { ViewRequest } from '../../src/engagement/reader-filter.js'
import { createViewCounter, type ViewCounter } from '../../src/engagement/view-counter.js'
import { createLogger } from '../../src/infra/logger.js'
import { forEachDatabase, type TestDatabase } from '../helpers/databases.js'
import { newsroomFixture, NOW, type NewsroomFixture } from '../newsroom/newsroom-fixtures.js'

const logger = createLogger({ level: 'silent' })
const BROWSER = 'Mozilla/5.0 (X11; Linux x86_64; rv:132.0) Gecko/20100101 Firefox/132.0'

/** A page request from reader number `n` (its own address). */
const reader = (n: number, extra: ViewRequest['headers'] = {}): ViewRequest => ({
  method: 'GET',
  address: `198.51.100.${n}`,
  headers: { 'user-agent': BROWSER, ...extra },
})

async function setup(
  db: Db,
  perAddressPerStory = 20,
): Promise<{ f: NewsroomFixture; counter: ViewCounter }> {
  const f = await newsroomFixture(db)
  // The tests flush explicitly; the day's salt is loaded first, as the open-day job does.
  const counter = createViewCounter({ db, clock: f.clock, logger, perAddressPerStory })
  await counter.openDay()
  return { f, counter }
}

async function bucketViews(db: Db, articleId: number): Promise<number[]> {
  const rows = await db
    .selectFrom('article_views_hourly')
    .select('views')
    .where('article_id', '=', articleId)
    .orderBy('hour')
    .execute()
  return rows.map((r) => r.views)
}

/** Makes every insert into article_views_hourly fail until `heal` runs (dialect-specific SQL). */
async function breakBuckets(t: TestDatabase): Promise<{ heal(): Promise<void> }> {
  const db = t.handle.db
  if (t.handle.dialect.name === 'sqlite') {
    await sql`create temp trigger break_views before insert on article_views_hourly
      begin select raise(abort, 'views broken'); end`.execute(db)
    return { heal: async () => void (await sql`drop trigger break_views`.execute(db)) }
  }
  await sql`create or replace function break_views() returns trigger language plpgsql as
    $$ begin raise exception 'views broken'; end $$`.execute(db)
  await sql`create trigger break_views before insert on article_views_hourly
    for each row execute function break_views()`.execute(db)
  return {
    heal: async () =>
      void (await sql`drop trigger break_views on article_views_hourly`.execute(db)),
  }
}

forEachDatabase('view counter', (t) => {
  test('a reader reloading a story counts once; other readers count', async () => {
    const { f, counter } = await setup(t.handle.db)
    const story = await f.story()
    assert.equal(counter.count(story.id, reader(1)), 'counted')
    assert.equal(counter.count(story.id, reader(1)), 'repeat')
    f.clock.advance(3 * 3_600_000)
    assert.equal(counter.count(story.id, reader(1)), 'repeat')
    assert.equal(counter.count(story.id, reader(2)), 'counted')
    await counter.flush()
    assert.deepEqual(await bucketViews(t.handle.db, story.id), [1, 1])
    assert.equal(await counter.total(story.id), 2)
    await counter.close()
  })

  test('bots, previews, prefetches and HEAD are not counted', async () => {
    const { f, counter } = await setup(t.handle.db)
    const story = await f.story()
    const notReaders: ViewRequest[] = [
      { ...reader(3), method: 'HEAD' },
      reader(4, { 'user-agent': 'Mozilla/5.0 (compatible; Googlebot/2.1)' }),
      reader(5, { 'user-agent': 'facebookexternalhit/1.1' }),
      reader(6, { 'sec-purpose': 'prefetch' }),
      reader(7, { purpose: 'prefetch' }),
      reader(8, { 'x-moz': 'prefetch' }),
    ]
    for (const request of notReaders) assert.equal(counter.count(story.id, request), 'not-a-reader')
    await counter.flush()
    assert.deepEqual(await bucketViews(t.handle.db, story.id), [])
    await counter.close()
  })

  test('a new UTC day counts the same reader again, and yesterday’s salt is deleted', async () => {
    const { f, counter } = await setup(t.handle.db)
    const story = await f.story()
    f.clock.set(new Date('2026-11-20T23:59:00.000Z'))
    await counter.flush()
    assert.equal(counter.count(story.id, reader(9)), 'counted')
    f.clock.set(new Date('2026-11-21T00:01:00.000Z'))
    // The first view of a new day waits (milliseconds) for that day's salt.
    assert.equal(counter.count(story.id, reader(9)), 'queued')
    await counter.flush()
    assert.equal(counter.count(story.id, reader(9)), 'repeat')
    await counter.flush()
    assert.deepEqual(await bucketViews(t.handle.db, story.id), [1, 1])
    const salts = await t.handle.db.selectFrom('view_salts').select('day').execute()
    assert.deepEqual(
      salts.map((s) => s.day),
      ['2026-11-21'],
    )
    await counter.close()
  })

  test('two counters on one database share the day’s salt', async () => {
    const { f, counter } = await setup(t.handle.db)
    const other = createViewCounter({ db: t.handle.db, clock: f.clock, logger })
    await other.flush()
    const salts = await t.handle.db
      .selectFrom('view_salts')
      .selectAll()
      .where('day', '=', '2026-11-20')
      .execute()
    assert.equal(salts.length, 1)
    assert.match(salts[0]?.salt ?? '', /^[0-9a-f]{32}$/)
    await other.close()
    await counter.close()
  })

  test('a failed flush keeps its counts for the next one', async () => {
    const { f, counter } = await setup(t.handle.db)
    const story = await f.story()
    for (let n = 1; n <= 5; n++) counter.count(story.id, reader(n))
    const broken = await breakBuckets(t)
    await assert.rejects(counter.flush())
    counter.count(story.id, reader(6))
    await assert.rejects(counter.flush())
    assert.equal(counter.stats().pendingViews, 6)
    await broken.heal()
    await counter.flush()
    assert.deepEqual(await bucketViews(t.handle.db, story.id), [6])
    assert.equal(counter.stats().pendingViews, 0)
    await counter.close()
  })

  test('views of a story deleted before the flush are dropped, the rest written', async () => {
    const { f, counter } = await setup(t.handle.db)
    const [kept, deleted] = [await f.story(), await f.story()]
    counter.count(kept.id, reader(1))
    counter.count(deleted.id, reader(1))
    await t.handle.db.deleteFrom('articles').where('id', '=', deleted.id).execute()
    await counter.flush()
    assert.deepEqual(await bucketViews(t.handle.db, kept.id), [1])
    assert.equal(counter.stats().pendingViews, 0)
    await counter.close()
  })

  test('co-reads: a new story pairs with the reader’s earlier ones, both directions', async () => {
    const { f, counter } = await setup(t.handle.db)
    const [a, b, c] = [await f.story(), await f.story(), await f.story()]
    counter.count(a.id, reader(20))
    counter.count(b.id, reader(20))
    counter.count(c.id, reader(20))
    counter.count(b.id, reader(20)) // a reload adds nothing
    counter.count(b.id, reader(21))
    counter.count(a.id, reader(21))
    counter.count(a.id, reader(22, { 'user-agent': 'Twitterbot/1.0' }))
    await counter.flush()
    const rows = await t.handle.db
      .selectFrom('article_co_reads')
      .select(['article_id', 'other_article_id', 'reads', 'last_read_at'])
      .where('article_id', 'in', [a.id, b.id, c.id])
      .execute()
    const pairs = new Map(rows.map((r) => [`${r.article_id}>${r.other_article_id}`, r.reads]))
    assert.deepEqual(
      Object.fromEntries(pairs),
      Object.fromEntries([
        [`${a.id}>${b.id}`, 2],
        [`${b.id}>${a.id}`, 2],
        [`${a.id}>${c.id}`, 1],
        [`${c.id}>${a.id}`, 1],
        [`${b.id}>${c.id}`, 1],
        [`${c.id}>${b.id}`, 1],
      ]),
    )
    assert.ok(rows.every((r) => new Date(r.last_read_at).getTime() === NOW.getTime()))
    await counter.close()
  })

  test('close flushes what is pending, and counts nothing afterwards', async () => {
    const { f, counter } = await setup(t.handle.db)
    const story = await f.story()
    for (let n = 30; n < 40; n++) counter.count(story.id, reader(n))
    await counter.close()
    assert.deepEqual(await bucketViews(t.handle.db, story.id), [10])
    assert.equal(counter.count(story.id, reader(41)), 'not-a-reader')
  })

  test('one address adds at most its cap of readers to a story a day, however many agents', async () => {
    const { f, counter } = await setup(t.handle.db, 20)
    const story = await f.story()
    const elsewhere = await f.story()
    const flood = (address: string, n: number): ViewRequest => ({
      method: 'POST',
      address,
      headers: { 'user-agent': `Mozilla/5.0 (X11; Linux x86_64) flood-${n}` },
    })
    const verdicts = Array.from({ length: 50 }, (_, n) =>
      counter.count(story.id, flood('203.0.113.50', n)),
    )
    assert.equal(verdicts.filter((v) => v === 'counted').length, 20)
    assert.equal(verdicts.filter((v) => v === 'over-cap').length, 30)
    // The cap is per story, and other addresses are not affected.
    assert.equal(counter.count(elsewhere.id, flood('203.0.113.50', 1)), 'counted')
    assert.equal(counter.count(story.id, flood('203.0.113.51', 1)), 'counted')
    // IPv6 counts by /64: hosts of one network share the cap.
    const v6 = Array.from({ length: 30 }, (_, n) =>
      counter.count(story.id, flood(`2001:db8:5:6::${n + 1}`, n)),
    )
    assert.equal(v6.filter((v) => v === 'counted').length, 20)
    await counter.flush()
    assert.deepEqual(await bucketViews(t.handle.db, story.id), [20 + 1 + 20])
    assert.equal(counter.stats().overCap, 30 + 10)
    // A new UTC day gives the address a new quota.
    f.clock.advance(24 * 3_600_000)
    await counter.openDay()
    assert.equal(counter.count(story.id, flood('203.0.113.50', 99)), 'counted')
    await counter.close()
  })

  test('a cap of 0 counts every distinct reader of one address (an office behind NAT)', async () => {
    const { f, counter } = await setup(t.handle.db, 0)
    const story = await f.story()
    for (let n = 0; n < 40; n++) {
      const request: ViewRequest = {
        method: 'GET',
        address: '192.0.2.1',
        headers: { 'user-agent': `${BROWSER} desk-${n}` },
      }
      assert.equal(counter.count(story.id, request), 'counted')
    }
    await counter.close()
  })

  test('shared readers: one reader counts once across processes, and processes add up exactly', async () => {
    const f = await newsroomFixture(t.handle.db)
    const story = await f.story()
    const shared = { db: t.handle.db, clock: f.clock, logger, sharedReaders: true }
    const [a, b] = [createViewCounter(shared), createViewCounter(shared)]
    await a.openDay()
    await b.openDay()
    // Readers 1-20 on a, 11-30 on b: 11-20 read the story in both processes.
    for (let n = 1; n <= 20; n++) assert.equal(a.count(story.id, reader(n)), 'counted')
    for (let n = 11; n <= 30; n++) assert.equal(b.count(story.id, reader(n)), 'counted')
    await Promise.all([a.flush(), b.flush()])
    // Reloads later, on either process, add nothing.
    for (let n = 1; n <= 30; n++) b.count(story.id, reader(n))
    for (let n = 1; n <= 30; n++) a.count(story.id, reader(n))
    await Promise.all([a.flush(), b.flush()])
    assert.equal(await a.total(story.id), 30)
    const rows = await t.handle.db
      .selectFrom('view_readers')
      .select('reader')
      .where('article_id', '=', story.id)
      .execute()
    assert.equal(rows.length, 30)
    await a.close()
    await b.close()
  })

  test('shared readers: a failed flush claims nothing and its retry counts exactly once', async () => {
    const f = await newsroomFixture(t.handle.db)
    const story = await f.story()
    const counter = createViewCounter({
      db: t.handle.db,
      clock: f.clock,
      logger,
      sharedReaders: true,
    })
    await counter.openDay()
    for (let n = 1; n <= 5; n++) counter.count(story.id, reader(n))
    const broken = await breakBuckets(t)
    await assert.rejects(counter.flush())
    assert.equal(counter.stats().pendingViews, 5)
    const claimed = await t.handle.db
      .selectFrom('view_readers')
      .select('reader')
      .where('article_id', '=', story.id)
      .execute()
    assert.equal(claimed.length, 0)
    await broken.heal()
    await counter.flush()
    assert.deepEqual(await bucketViews(t.handle.db, story.id), [5])
    await counter.close()
  })

  test('shared readers: a deleted story’s claims are dropped, the rest counted', async () => {
    const f = await newsroomFixture(t.handle.db)
    const [kept, deleted] = [await f.story(), await f.story()]
    const counter = createViewCounter({
      db: t.handle.db,
      clock: f.clock,
      logger,
      sharedReaders: true,
    })
    await counter.openDay()
    counter.count(kept.id, reader(1))
    counter.count(deleted.id, reader(1))
    await t.handle.db.deleteFrom('articles').where('id', '=', deleted.id).execute()
    await counter.flush()
    assert.deepEqual(await bucketViews(t.handle.db, kept.id), [1])
    assert.equal(counter.stats().pendingViews, 0)
    await counter.close()
  })

  test('shared readers: a new day deletes the previous day’s readers', async () => {
    const f = await newsroomFixture(t.handle.db)
    const story = await f.story()
    const counter = createViewCounter({
      db: t.handle.db,
      clock: f.clock,
      logger,
      sharedReaders: true,
    })
    await counter.openDay()
    counter.count(story.id, reader(1))
    await counter.flush()
    f.clock.set(new Date('2026-11-21T00:01:00.000Z'))
    await counter.openDay()
    const days = await t.handle.db.selectFrom('view_readers').select('day').execute()
    assert.deepEqual(days, [])
    await counter.close()
  })
})

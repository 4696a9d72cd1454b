/**
 * The view counter as several processes run it (shared readers), two counters standing for two
 * processes on one database: the per-address cap and co-reads hold across them. The tests share
 * one database and one day, so each uses readers of its own.
 */

import assert from 'node:assert/strict'
import { test } from 'node:test'
import { type Db, openDatabase } from '../../src/db/database.js'
import type { ViewRequest } from '../../src/engagement/reader-filter.js'
import { createViewCounter, type ViewCounter } from '../../src/engagement/view-counter.js'
import { createLogger } from '../../src/infra/logger.js'
import type { Clock } from '../../src/lib/clock.js'
import { forEachDatabase, type TestDatabase } from '../helpers/databases.js'
import { newsroomFixture } from '../newsroom/newsroom-fixtures.js'

const logger = createLogger({ level: 'silent' })
const BROWSER = 'Mozilla/5.0 (X11; Linux x86_64; rv:132.0) Gecko/20100101 Firefox/132.0'
const MINUTE = 60_000

/** Reader `n` (an address of their own), or one of many agents on one address. */
const reader = (n: number, address = `198.51.${Math.floor(n / 256)}.${n % 256}`): ViewRequest => ({
  method: 'GET',
  address,
  headers: { 'user-agent': `${BROWSER} reader/${n}` },
})

async function sum(db: Db, articleId: number): Promise<number> {
  const rows = await db
    .selectFrom('article_views_hourly')
    .select('views')
    .where('article_id', '=', articleId)
    .execute()
  return rows.reduce((total, r) => total + r.views, 0)
}

async function coReads(db: Db, ids: number[]): Promise<Record<string, number>> {
  const rows = await db
    .selectFrom('article_co_reads')
    .select(['article_id', 'other_article_id', 'reads'])
    .where('article_id', 'in', ids)
    .execute()
  return Object.fromEntries(rows.map((r) => [`${r.article_id}>${r.other_article_id}`, r.reads]))
}

async function continuations(db: Db, ids: number[]): Promise<Record<string, number>> {
  const rows = await db
    .selectFrom('article_continuations_daily')
    .select(['article_id', 'readers'])
    .where('article_id', 'in', ids)
    .execute()
  return Object.fromEntries(rows.map((r) => [String(r.article_id), r.readers]))
}

/**
 * Two counters standing for two processes. On PostgreSQL the second has a pool of its own (as a
 * second process would), so their flushes really run at once; SQLite has one writer anyway.
 */
async function twoProcesses(
  t: TestDatabase,
  clock: Clock,
  perAddressPerStory = 20,
): Promise<{ a: ViewCounter; b: ViewCounter; close(): Promise<void> }> {
  const postgres = t.handle.dialect.name === 'postgres'
  const second = postgres
    ? openDatabase(t.config, { ...(t.searchPath ? { searchPath: t.searchPath } : {}), poolSize: 4 })
    : undefined
  const deps = { clock, logger, perAddressPerStory, sharedReaders: true, rowLocks: postgres }
  const a = createViewCounter({ ...deps, db: t.handle.db })
  const b = createViewCounter({ ...deps, db: second?.db ?? t.handle.db })
  await a.openDay()
  await b.openDay()
  return {
    a,
    b,
    close: async () => {
      await a.close()
      await b.close()
      await second?.close()
    },
  }
}

forEachDatabase('view counter across processes', (t) => {
  test('one address adds at most its cap of readers to a story a day, across processes', async () => {
    const f = await newsroomFixture(t.handle.db)
    const [story, other] = [await f.story(), await f.story()]
    const { a, b, close } = await twoProcesses(t, f.clock, 5)
    // Eight agents on each process from one address: each process's memory admits 5.
    const flood = (counter: ViewCounter, first: number): string[] =>
      Array.from({ length: 8 }, (_, i) => counter.count(story.id, reader(first + i, '203.0.113.7')))
    assert.equal(flood(a, 100).filter((v) => v === 'counted').length, 5)
    assert.equal(flood(b, 200).filter((v) => v === 'counted').length, 5)
    // Another address and another story are not affected.
    for (let n = 1; n <= 3; n++) b.count(story.id, reader(n))
    a.count(other.id, reader(300, '203.0.113.7'))
    await Promise.all([a.flush(), b.flush()])
    assert.equal(await sum(t.handle.db, story.id), 5 + 3)
    assert.equal(await sum(t.handle.db, other.id), 1)
    // 3 + 3 refused in memory, 5 more at the flushes (whichever process flushed second).
    assert.equal(a.stats().overCap + b.stats().overCap, 3 + 3 + 5)
    await close()
    // Both processes restarted (their memory empty): the database still holds the address at 5.
    const again = await twoProcesses(t, f.clock, 5)
    for (let i = 0; i < 4; i++) again.a.count(story.id, reader(400 + i, '203.0.113.7'))
    await again.a.flush()
    assert.equal(await sum(t.handle.db, story.id), 8)
    assert.equal(again.a.stats().overCap, 4)
    // One row per address: the flooding one at its cap, readers 1-3 at one each.
    const counts = await t.handle.db
      .selectFrom('view_address_counts')
      .select('readers')
      .where('article_id', '=', story.id)
      .where('day', '=', '2026-11-20')
      .orderBy('readers')
      .execute()
    assert.deepEqual(
      counts.map((c) => c.readers),
      [1, 1, 1, 5],
    )
    await again.close()
  })

  test('a reader whose two stories two processes served makes one co-read pair', async () => {
    const f = await newsroomFixture(t.handle.db)
    const [x, y] = [await f.story(), await f.story()]
    const { a, b, close } = await twoProcesses(t, f.clock)
    // Thirty readers open x on a, then y on b a minute later; flushed at once.
    for (let n = 1001; n <= 1030; n++) a.count(x.id, reader(n))
    f.clock.advance(MINUTE)
    for (let n = 1001; n <= 1030; n++) b.count(y.id, reader(n))
    await Promise.all([a.flush(), b.flush()])
    // One more reads both on a, then reloads y on b (new to b's memory): still one pair.
    a.count(x.id, reader(1031))
    a.count(y.id, reader(1031))
    b.count(y.id, reader(1031))
    await Promise.all([a.flush(), b.flush()])
    assert.deepEqual(await coReads(t.handle.db, [x.id, y.id]), {
      [`${x.id}>${y.id}`]: 31,
      [`${y.id}>${x.id}`]: 31,
    })
    // Each went on from x to y: x led on 31 times, y not yet.
    assert.deepEqual(await continuations(t.handle.db, [x.id, y.id]), { [x.id]: 31 })
    assert.equal(await sum(t.handle.db, y.id), 31)
    await close()
  })

  test('a later read flushed first: the earlier story still led on, and pairs once', async () => {
    const f = await newsroomFixture(t.handle.db)
    const [x, y, z] = [await f.story(), await f.story(), await f.story()]
    const { a, b, close } = await twoProcesses(t, f.clock)
    a.count(x.id, reader(2007))
    f.clock.advance(MINUTE)
    b.count(y.id, reader(2007))
    // b flushes the later read first; a's earlier one arrives second.
    await b.flush()
    await a.flush()
    f.clock.advance(MINUTE)
    // A third story on a: paired with both, and y (the latest) led on to it.
    a.count(z.id, reader(2007))
    await a.flush()
    const ids = [x.id, y.id, z.id]
    assert.deepEqual(await coReads(t.handle.db, ids), {
      [`${x.id}>${y.id}`]: 1,
      [`${y.id}>${x.id}`]: 1,
      [`${x.id}>${z.id}`]: 1,
      [`${z.id}>${x.id}`]: 1,
      [`${y.id}>${z.id}`]: 1,
      [`${z.id}>${y.id}`]: 1,
    })
    assert.deepEqual(await continuations(t.handle.db, ids), { [x.id]: 1, [y.id]: 1 })
    await close()
  })

  test('a reader the cap refused adds no pair, but later stories pair with theirs', async () => {
    const f = await newsroomFixture(t.handle.db)
    const [x, y] = [await f.story(), await f.story()]
    const { a, b, close } = await twoProcesses(t, f.clock, 1)
    // Two agents on one address read x, one on each process: the second flushed is refused.
    a.count(x.id, reader(3001, '203.0.113.9'))
    b.count(x.id, reader(3002, '203.0.113.9'))
    await a.flush()
    await b.flush()
    assert.equal(await sum(t.handle.db, x.id), 1)
    f.clock.advance(MINUTE)
    b.count(y.id, reader(3002, '203.0.113.9'))
    await b.flush()
    assert.deepEqual(await coReads(t.handle.db, [x.id, y.id]), {
      [`${x.id}>${y.id}`]: 1,
      [`${y.id}>${x.id}`]: 1,
    })
    await close()
  })

  test('a new day deletes the previous day’s address counts with its readers', async () => {
    const f = await newsroomFixture(t.handle.db)
    const story = await f.story()
    const { a, close } = await twoProcesses(t, f.clock)
    a.count(story.id, reader(4001))
    await a.flush()
    f.clock.set(new Date('2026-11-21T00:01:00.000Z'))
    await a.openDay()
    assert.deepEqual(
      await t.handle.db.selectFrom('view_address_counts').select('day').execute(),
      [],
    )
    assert.deepEqual(await t.handle.db.selectFrom('view_readers').select('day').execute(), [])
    await close()
  })
})

/** The engagement service on every database: view buckets, totals and rails served from memory. */

import assert from 'node:assert/strict'
import { test } from 'node:test'
import { createEngagement, type Engagement } from '../../src/engagement/index.js'
import { createLogger } from '../../src/infra/logger.js'
import { forEachDatabase } from '../helpers/databases.js'
import { newsroomFixture, NOW, type NewsroomFixture } from '../newsroom/newsroom-fixtures.js'
import type { Db } from '../../src/db/database.js'

const HOUR = 3_600_000
const DAY = 24 * HOUR
const logger = createLogger({ level: 'silent' })

async function setup(db: Db): Promise<{ f: NewsroomFixture; engagement: Engagement }> {
  const f = await newsroomFixture(db)
  const engagement = createEngagement({
    db,
    clock: f.clock,
    newsroom: f.newsroom,
    logger,
    bus: f.bus,
  })
  return { f, engagement }
}

/** The ids of `list` that belong to `mine`, in order (suites share one database). */
const only = (list: { id: number }[], mine: number[]): number[] =>
  list.map((s) => s.id).filter((id) => mine.includes(id))

forEachDatabase('engagement', (t) => {
  test('popularNow ranks the last 48 hours; weeklyBest counts the whole week', async () => {
    const { f, engagement } = await setup(t.handle.db)
    const fresh = await f.story({ publishedAt: new Date(NOW.getTime() - 5 * DAY) })
    const older = await f.story({ publishedAt: new Date(NOW.getTime() - 5 * DAY) })
    await engagement.addViews(fresh.id, new Date(NOW.getTime() - 30 * 60_000), 10)
    await engagement.addViews(older.id, new Date(NOW.getTime() - 3 * DAY), 50)
    await engagement.addViews(older.id, new Date(NOW.getTime() - 30 * DAY), 1000)
    await engagement.refresh()

    const mine = [fresh.id, older.id]
    assert.deepEqual(only(await engagement.popularNow({ limit: 100 }), mine), [fresh.id])
    assert.deepEqual(only(await engagement.weeklyBest({ limit: 100 }), mine), [older.id, fresh.id])
    assert.equal(await engagement.viewCount(fresh.id), 10)
    assert.equal(await engagement.viewCount(older.id), 1050)
    await engagement.close()
  })

  test('rails honour excludeIds and limit', async () => {
    const { f, engagement } = await setup(t.handle.db)
    const stories = [await f.story(), await f.story(), await f.story()]
    for (const [i, story] of stories.entries()) {
      await engagement.addViews(
        story.id,
        new Date(NOW.getTime() - HOUR),
        1_000_000 + (3 - i) * 1000,
      )
    }
    await engagement.refresh()
    const [first, second, third] = stories.map((s) => s.id)
    const popular = await engagement.popularNow({ limit: 2, excludeIds: [first ?? 0] })
    assert.deepEqual(
      popular.map((s) => s.id),
      [second, third],
    )
    const weekly = await engagement.weeklyBest({ limit: 1, excludeIds: [second ?? 0] })
    assert.deepEqual(
      weekly.map((s) => s.id),
      [first],
    )
    assert.deepEqual(await engagement.popularNow({ limit: 0 }), [])
    await engagement.close()
  })

  test('views of one hour add up in one bucket', async () => {
    const { f, engagement } = await setup(t.handle.db)
    const story = await f.story()
    await engagement.addViews(story.id, new Date('2026-11-20T09:05:00.000Z'), 3)
    await engagement.addViews(story.id, new Date('2026-11-20T09:55:00.000Z'), 4)
    await engagement.addViews(story.id, new Date('2026-11-20T10:00:00.000Z'), 1)
    const rows = await t.handle.db
      .selectFrom('article_views_hourly')
      .select(['views'])
      .where('article_id', '=', story.id)
      .orderBy('hour')
      .execute()
    assert.deepEqual(
      rows.map((r) => r.views),
      [7, 1],
    )
    await engagement.close()
  })

  test('viewCount is fresh as of the last write, without waiting for a refresh', async () => {
    const { f, engagement } = await setup(t.handle.db)
    const story = await f.story()
    await engagement.refresh()
    await engagement.addViews(story.id, NOW, 5)
    assert.equal(await engagement.viewCount(story.id), 5)
    await engagement.addViews(story.id, NOW, 5)
    assert.equal(await engagement.viewCount(story.id), 10)
    await engagement.close()
  })

  test('bad view counts and unknown stories are refused', async () => {
    const { f, engagement } = await setup(t.handle.db)
    const story = await f.story()
    await assert.rejects(engagement.addViews(story.id, NOW, 0), {
      code: 'ENGAGEMENT_VIEWS_INVALID',
    })
    await assert.rejects(engagement.addViews(story.id, NOW, 1.5), {
      code: 'ENGAGEMENT_VIEWS_INVALID',
    })
    await assert.rejects(engagement.addViews(story.id, new Date(Number.NaN), 1), {
      code: 'ENGAGEMENT_VIEWS_INVALID',
    })
    await assert.rejects(engagement.addViews(999_999, NOW, 1), {
      code: 'ENGAGEMENT_ARTICLE_UNKNOWN',
    })
    await engagement.close()
  })

  test('a view history is added in one go, or not at all', async () => {
    const { f, engagement } = await setup(t.handle.db)
    const a = await f.story()
    const b = await f.story()
    const bucketsOf = async (id: number): Promise<number[]> =>
      (
        await t.handle.db
          .selectFrom('article_views_hourly')
          .select(['views'])
          .where('article_id', '=', id)
          .orderBy('hour')
          .execute()
      ).map((r) => r.views)
    // Two entries of one hour sum into one bucket (one statement on PostgreSQL, too).
    await engagement.addViewHistory([
      { articleId: b.id, at: new Date('2026-11-20T09:10:00.000Z'), views: 2 },
      { articleId: a.id, at: new Date('2026-11-20T09:05:00.000Z'), views: 3 },
      { articleId: a.id, at: new Date('2026-11-20T09:50:00.000Z'), views: 4 },
      { articleId: a.id, at: new Date('2026-11-20T11:00:00.000Z'), views: 1 },
    ])
    assert.deepEqual(await bucketsOf(a.id), [7, 1])
    assert.deepEqual(await bucketsOf(b.id), [2])
    await assert.rejects(
      engagement.addViewHistory([
        { articleId: a.id, at: NOW, views: 5 },
        { articleId: 999_999, at: NOW, views: 1 },
      ]),
      { code: 'ENGAGEMENT_ARTICLE_UNKNOWN' },
    )
    await assert.rejects(
      engagement.addViewHistory([
        { articleId: a.id, at: NOW, views: 5 },
        { articleId: b.id, at: NOW, views: -1 },
      ]),
      { code: 'ENGAGEMENT_VIEWS_INVALID' },
    )
    assert.deepEqual(await bucketsOf(a.id), [7, 1], 'a refused history adds nothing')
    await engagement.addViewHistory([])
    await engagement.close()
  })

  test('a failing refresh keeps the previous rankings', async () => {
    const f = await newsroomFixture(t.handle.db)
    let failing = false
    // A newsroom whose picks can be made to fail, standing in for a database hiccup.
    const newsroom = {
      ...f.newsroom,
      pickedArticles: async (...args: Parameters<typeof f.newsroom.pickedArticles>) => {
        if (failing) throw new Error('database went away')
        return f.newsroom.pickedArticles(...args)
      },
    }
    const engagement = createEngagement({
      db: t.handle.db,
      clock: f.clock,
      newsroom,
      logger,
      bus: f.bus,
    })
    const story = await f.story()
    await engagement.addViews(story.id, NOW, 3)
    await engagement.refresh()
    failing = true
    await engagement.addViews(story.id, NOW, 3)
    await assert.rejects(engagement.refresh(), /database went away/)
    // The count is read fresh from the buckets; the rails keep the previous rankings.
    assert.equal(await engagement.viewCount(story.id), 6)
    assert.deepEqual(only(await engagement.weeklyBest({ limit: 100 }), [story.id]), [story.id])
    await engagement.close()
  })
})

forEachDatabase('engagement warm-up', (t) => {
  test('the first warm-up is announced once as it starts and ends, and warmedUp() follows', async () => {
    const f = await newsroomFixture(t.handle.db)
    await f.story()
    const seen: boolean[] = []
    const engagement = createEngagement({
      db: t.handle.db,
      clock: f.clock,
      newsroom: f.newsroom,
      logger,
      bus: f.bus,
      onWarmUp: (running) => seen.push(running),
    })
    assert.equal(engagement.warmedUp(), false)
    await engagement.refreshRankings()
    assert.equal(engagement.warmedUp(), true)
    await engagement.refreshRankings()
    await engagement.refresh({ full: true })
    assert.deepEqual(seen, [true, false], 'later refreshes are not a warm-up')
    await engagement.close()
  })
})

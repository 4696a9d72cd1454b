/** Popular Now, Weekly Best, section latest and Must-Reads from the engine, on every database. */

import assert from 'node:assert/strict'
import { test } from 'node:test'
import type { Db } from '../../src/db/database.js'
import { createEngagement, type Engagement } from '../../src/engagement/index.js'
import { createLogger } from '../../src/infra/logger.js'
import { forEachDatabase } from '../helpers/databases.js'
import { newsroomFixture, NOW, type NewsroomFixture } from '../newsroom/newsroom-fixtures.js'

const HOUR = 3_600_000
const DAY = 24 * HOUR
const logger = createLogger({ level: 'silent' })
const at = (msAgo: number): Date => new Date(NOW.getTime() - msAgo)

async function setup(
  db: Db,
  options: { halfLifeHours?: number } = {},
): Promise<{ f: NewsroomFixture; engagement: Engagement; engine: () => Engagement }> {
  const f = await newsroomFixture(db)
  const engine = (): Engagement =>
    createEngagement({ db, clock: f.clock, newsroom: f.newsroom, logger, bus: f.bus, ...options })
  return { f, engagement: engine(), engine }
}

const ids = (list: readonly { id: number }[]): number[] => list.map((s) => s.id)

forEachDatabase('rankings', (t) => {
  test('Popular Now: 100 views in the last hour beat 300 views two days ago', async () => {
    const { f, engagement } = await setup(t.handle.db)
    const fresh = await f.story({ publishedAt: at(3 * DAY) })
    const older = await f.story({ publishedAt: at(3 * DAY) })
    await engagement.addViews(fresh.id, at(HOUR / 2), 100)
    await engagement.addViews(older.id, at(47 * HOUR), 300)
    await engagement.refresh()
    const popular = await engagement.ranking('now', { sectionSlug: f.section.slug, limit: 5 })
    assert.deepEqual(
      popular.map((e) => e.story.id),
      [fresh.id, older.id],
    )
    assert.ok((popular[0]?.score ?? 0) > 90)
    // Weekly Best counts plain views: the older story leads there.
    const weekly = await engagement.ranking('week', { sectionSlug: f.section.slug, limit: 5 })
    assert.deepEqual(
      weekly.map((e) => [e.story.id, e.score]),
      [
        [older.id, 300],
        [fresh.id, 100],
      ],
    )
    await engagement.close()
  })

  test('a longer half-life lets the bigger, older story lead Popular Now', async () => {
    const { f, engagement } = await setup(t.handle.db, { halfLifeHours: 48 })
    const fresh = await f.story({ publishedAt: at(3 * DAY) })
    const older = await f.story({ publishedAt: at(3 * DAY) })
    await engagement.addViews(fresh.id, at(HOUR / 2), 100)
    await engagement.addViews(older.id, at(40 * HOUR), 300)
    await engagement.refresh()
    const slow = await engagement.popularNow({ sectionSlug: f.section.slug, limit: 5 })
    assert.deepEqual(ids(slow), [older.id, fresh.id])
    await engagement.close()

    const { engine } = await setup(t.handle.db)
    const quick = engine()
    await quick.refresh()
    assert.deepEqual(ids(await quick.popularNow({ sectionSlug: f.section.slug, limit: 5 })), [
      fresh.id,
      older.id,
    ])
    await quick.close()
  })

  test('Weekly Best holds the current hour and the 167 before it, and slides with the clock', async () => {
    const { f, engagement } = await setup(t.handle.db)
    const edge = await f.story({ publishedAt: at(10 * DAY) })
    const outside = await f.story({ publishedAt: at(10 * DAY) })
    await engagement.addViews(edge.id, at(167 * HOUR), 7)
    await engagement.addViews(outside.id, at(168 * HOUR), 9)
    await engagement.refresh()
    const week = () => engagement.ranking('week', { sectionSlug: f.section.slug, limit: 10 })
    assert.deepEqual(
      (await week()).map((e) => [e.story.id, e.score]),
      [[edge.id, 7]],
    )
    assert.equal(await engagement.viewCount(outside.id), 9)

    // An hour later the edge bucket leaves the week; its views stay in the all-time total.
    f.clock.advance(HOUR)
    await engagement.refresh()
    assert.deepEqual(await week(), [])
    assert.equal(await engagement.viewCount(edge.id), 7)
    assert.equal(await engagement.viewCount(outside.id), 9)
    await engagement.close()
  })

  test('new views in the current hour and late views in an older hour are both picked up', async () => {
    const { f, engagement } = await setup(t.handle.db)
    const story = await f.story()
    await engagement.refresh()
    await engagement.addViews(story.id, NOW, 4)
    await engagement.addViews(story.id, at(3 * DAY), 6)
    await engagement.refresh()
    assert.equal(await engagement.viewCount(story.id), 10)
    const [entry] = await engagement.ranking('week', { sectionSlug: f.section.slug, limit: 1 })
    assert.equal(entry?.score, 10)
    // A second process reading the same buckets ranks the same way.
    const { engine } = await setup(t.handle.db)
    const other = engine()
    await other.refresh()
    assert.deepEqual(
      await other.ranking('week', { sectionSlug: f.section.slug, limit: 1 }),
      await engagement.ranking('week', { sectionSlug: f.section.slug, limit: 1 }),
    )
    await other.close()
    await engagement.close()
  })

  test('section latest: the newest published stories of the section, not the story itself', async () => {
    const { f, engagement } = await setup(t.handle.db)
    const stories = []
    for (let i = 0; i < 9; i++) stories.push(await f.story({ publishedAt: at((10 - i) * HOUR) }))
    await f.story({ publishedAt: new Date(NOW.getTime() + HOUR) })
    await engagement.refresh()
    const newest = stories.at(-1)
    assert.ok(newest)
    const rails = await engagement.articleRails(newest.id)
    assert.deepEqual(ids(rails.latest), ids(stories.slice(2, 8).reverse()))
    await engagement.close()
  })

  test('Must-Reads: the picks in their order, topped up from Weekly Best', async () => {
    const { f, engagement } = await setup(t.handle.db)
    const [first, second, popular, reading] = [
      await f.story(),
      await f.story(),
      await f.story(),
      await f.story(),
    ]
    await engagement.addViews(popular.id, NOW, 1_000_000)
    await f.newsroom.setPicks('must-reads', [second.id, first.id])
    await engagement.refresh()
    const rails = await engagement.articleRails(reading.id)
    assert.equal(rails.mustReadsPicked, 2)
    assert.deepEqual(ids(rails.mustReads.slice(0, 3)), [second.id, first.id, popular.id])
    assert.equal(rails.mustReads.length, 5)
    const front = await engagement.frontRails()
    assert.deepEqual(ids(front.mustReads.slice(0, 2)), [second.id, first.id])
    await f.newsroom.setPicks('must-reads', [])
    await engagement.close()
  })

  test('no story appears twice among a page’s rails when there are enough stories', async () => {
    const { f, engagement } = await setup(t.handle.db)
    const stories = []
    for (let i = 0; i < 45; i++) {
      const story = await f.story({ publishedAt: at(i * HOUR + HOUR) })
      await engagement.addViews(story.id, at(i * HOUR), 2_000_000 + i * 10)
      stories.push(story)
    }
    await f.newsroom.setPicks('must-reads', [stories[3]!.id, stories[0]!.id])
    await engagement.refresh()
    const reading = stories[0]!
    const rails = await engagement.articleRails(reading.id)
    const shown = [
      ...rails.latest,
      ...rails.related,
      ...rails.popularNow,
      ...rails.weeklyBest,
      ...rails.mustReads,
    ]
    assert.equal(rails.latest.length, 6)
    assert.equal(rails.related.length, 5)
    assert.equal(rails.popularNow.length, 5)
    assert.equal(rails.weeklyBest.length, 12)
    assert.equal(rails.mustReads.length, 5)
    assert.equal(rails.mustReadsPicked, 1, 'the story being read is not its own Must-Read')
    assert.equal(new Set(ids(shown)).size, shown.length)
    assert.ok(!ids(shown).includes(reading.id))
    const front = await engagement.frontRails()
    const frontShown = [...front.popularNow, ...front.weeklyBest, ...front.mustReads]
    assert.equal(new Set(ids(frontShown)).size, frontShown.length)
    await f.newsroom.setPicks('must-reads', [])
    await engagement.close()
  })
})

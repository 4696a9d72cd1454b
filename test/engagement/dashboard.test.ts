/** The dashboard's figures on every database, with a fixed clock; and referrers kept as hosts only. */

import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { createDashboard } from '../../src/engagement/dashboard.js'
import type { RankedEntry } from '../../src/engagement/engagement.js'
import { referrerHost } from '../../src/engagement/referrer-host.js'
import type { ViewRequest } from '../../src/engagement/reader-filter.js'
import { createViewCounter } from '../../src/engagement/view-counter.js'
import { addToBuckets } from '../../src/engagement/view-flush-queries.js'
import { createLogger } from '../../src/infra/logger.js'
import { forEachDatabase } from '../helpers/databases.js'
import { newsroomFixture, unique } from '../newsroom/newsroom-fixtures.js'

const logger = createLogger({ level: 'silent' })
const BROWSER = 'Mozilla/5.0 (X11; Linux x86_64; rv:132.0) Gecko/20100101 Firefox/132.0'
const at = (iso: string): Date => new Date(iso)

/** A page request from reader number `n`, arriving from `referer` (if any). */
const reader = (n: number, referer?: string): ViewRequest => ({
  method: 'GET',
  address: `198.51.100.${n}`,
  headers: { 'user-agent': BROWSER, ...(referer === undefined ? {} : { referer }) },
})

describe('referrer hosts', () => {
  test('keep the lower-case host name only, never a path, query, port, address or credentials', () => {
    assert.equal(referrerHost('https://News.Example.COM/path/to?q=secret#x'), 'news.example.com')
    assert.equal(referrerHost('https://www.example.org:8443/'), 'example.org')
    assert.equal(referrerHost('https://user:pw@example.net/a'), 'example.net')
    assert.equal(referrerHost('example.org'), 'example.org')
    assert.equal(referrerHost('android-app://com.slack/'), 'com.slack')
    assert.equal(referrerHost('http://192.168.1.9/private'), undefined)
    assert.equal(referrerHost('http://[2001:db8::1]/'), undefined)
    assert.equal(referrerHost('javascript:alert(1)'), undefined)
    assert.equal(referrerHost('file:///etc/passwd'), undefined)
    assert.equal(referrerHost(''), undefined)
    assert.equal(referrerHost(undefined), undefined)
    assert.equal(referrerHost('not a url at all'), undefined)
  })
})

forEachDatabase('dashboard', (t) => {
  // The first test reads site-wide figures, so it runs on the suite's empty database.
  test('overview: statuses, today against yesterday, sparklines, 30 days, top sections and authors', async () => {
    const db = t.handle.db
    const f = await newsroomFixture(db) // NOW is 2026-11-20T12:00Z
    const other = await f.newsroom.createSection({ name: unique('Sport') })
    const otherAuthor = await f.newsroom.createAuthor({ name: unique('Columnist') })
    const a = await f.story()
    const b = await f.story({ sectionId: other.id, authorIds: [otherAuthor.id] })
    await f.story({ status: 'draft', publishedAt: null })
    await addToBuckets(db, [
      { articleId: a.id, hour: at('2026-10-21T09:00:00Z'), views: 9 }, // 30 days ago: outside
      { articleId: a.id, hour: at('2026-10-22T09:00:00Z'), views: 7 }, // the chart's first day
      { articleId: a.id, hour: at('2026-11-19T11:00:00Z'), views: 4 },
      { articleId: a.id, hour: at('2026-11-19T12:00:00Z'), views: 1 }, // the same hour yesterday
      { articleId: a.id, hour: at('2026-11-19T13:00:00Z'), views: 100 }, // after it
      { articleId: a.id, hour: at('2026-11-20T10:00:00Z'), views: 5 },
      { articleId: a.id, hour: at('2026-11-20T12:00:00Z'), views: 3 },
    ])
    await addToBuckets(db, [{ articleId: b.id, hour: at('2026-11-20T11:00:00Z'), views: 2 }])
    const [storyA] = await f.newsroom.catalogueStories([a.id])
    assert.ok(storyA !== undefined)
    const popular: RankedEntry[] = [{ story: storyA, score: 8 }]
    const dashboard = createDashboard({
      db,
      clock: f.clock,
      engagement: { ranking: async () => popular },
    })

    const o = await dashboard.overview()
    assert.deepEqual(
      o.byStatus.map((s) => [s.status, s.stories]),
      [
        ['draft', 1],
        ['in_review', 0],
        ['scheduled', 0],
        ['published', 2],
        ['unpublished', 0],
      ],
    )
    assert.deepEqual(o.today, { views: 10, sameTimeYesterday: 5 })
    assert.equal(o.last30Days.length, 30)
    assert.deepEqual(o.last30Days[0], { day: '2026-10-22', views: 7 })
    assert.deepEqual(o.last30Days.at(-2), { day: '2026-11-19', views: 105 })
    assert.deepEqual(o.last30Days.at(-1), { day: '2026-11-20', views: 10 })
    assert.equal(
      o.last30Days.reduce((sum, d) => sum + d.views, 0),
      7 + 105 + 10,
    )
    // 24 hours from 2026-11-19T13:00 to the current hour, oldest first.
    assert.equal(o.popularNow.length, 1)
    const hourly = o.popularNow[0]?.hourly ?? []
    assert.equal(hourly.length, 24)
    assert.equal(hourly[0], 100)
    assert.equal(hourly[21], 5)
    assert.equal(hourly[23], 3)
    assert.equal(
      hourly.reduce((s, v) => s + v, 0),
      108,
    )
    assert.deepEqual(
      o.topSections.map((s) => [s.slug, s.views]),
      [
        [f.section.slug, 108],
        [other.slug, 2],
      ],
    )
    assert.deepEqual(
      o.topAuthors.map((s) => [s.slug, s.views]),
      [
        [f.author.slug, 108],
        [otherAuthor.slug, 2],
      ],
    )
    // The top lists read rollups kept with the buckets: fresh at once, like the rest.
    await addToBuckets(db, [{ articleId: b.id, hour: at('2026-11-20T12:00:00Z'), views: 500 }])
    const later = await dashboard.overview()
    assert.equal(later.today.views, 510)
    assert.deepEqual(
      later.topSections.map((s) => [s.slug, s.views]),
      [
        [other.slug, 502],
        [f.section.slug, 108],
      ],
    )
  })

  test('a story’s figures: views by day since publishing, referrer hosts, readers who went on', async () => {
    const db = t.handle.db
    const f = await newsroomFixture(db)
    const story = await f.story({ publishedAt: at('2026-11-17T09:00:00Z') })
    const next = await f.story()
    await addToBuckets(db, [
      { articleId: story.id, hour: at('2026-11-17T10:00:00Z'), views: 4 },
      { articleId: story.id, hour: at('2026-11-19T08:00:00Z'), views: 6 },
    ])
    const counter = createViewCounter({ db, clock: f.clock, logger })
    await counter.openDay()
    counter.count(story.id, reader(1, 'https://News.Example.com/world/a-story?utm=secret'))
    counter.count(story.id, reader(2, 'https://www.example.org/'))
    counter.count(story.id, reader(3, 'http://192.168.1.9/intranet/page'))
    counter.count(story.id, reader(4))
    counter.count(story.id, reader(5, 'https://news.example.com/other'))
    // Readers 1 and 2 go on to another story; reader 3 reloads (nothing new).
    counter.count(next.id, reader(1, 'http://127.0.0.1:3000/section/story'))
    counter.count(next.id, reader(2))
    counter.count(story.id, reader(3))
    // A beacon names the host itself; a later repeat of the same reader adds nothing.
    counter.count(next.id, { ...reader(6), method: 'POST', referrer: 'duckduckgo.com' })
    await counter.close()

    const dashboard = createDashboard({
      db,
      clock: f.clock,
      engagement: { ranking: async () => [] },
    })
    const figures = await dashboard.storyFigures(story.id)
    assert.ok(figures !== undefined)
    assert.equal(figures.story.headline, story.headline)
    assert.equal(figures.totalViews, 4 + 6 + 5)
    assert.deepEqual(figures.byDay, [
      { day: '2026-11-17', views: 4 },
      { day: '2026-11-18', views: 0 },
      { day: '2026-11-19', views: 6 },
      { day: '2026-11-20', views: 5 },
    ])
    assert.deepEqual(figures.referrers, [
      { host: 'news.example.com', views: 2 },
      { host: 'example.org', views: 1 },
    ])
    assert.equal(figures.referredViews, 3)
    assert.equal(figures.continued, 2)
    assert.equal(figures.continuedShare, 2 / 15)
    const nextFigures = await dashboard.storyFigures(next.id)
    assert.deepEqual(nextFigures?.referrers, [{ host: 'duckduckgo.com', views: 1 }])
    assert.equal(nextFigures?.continued, 0)
    assert.equal(await dashboard.storyFigures(999_999), undefined)
  })

  test('privacy: only host names are stored, never a path, query, address or full URL', async () => {
    const db = t.handle.db
    const f = await newsroomFixture(db)
    const story = await f.story()
    const counter = createViewCounter({ db, clock: f.clock, logger })
    await counter.openDay()
    const referers = [
      'https://mail.example.com/inbox/123?token=abc',
      'https://search.example.net/search?q=my+name',
      'http://10.0.0.7/admin',
      'https://user:secret@private.example.org/x',
    ]
    referers.forEach((referer, i) => counter.count(story.id, reader(100 + i, referer)))
    await counter.close()
    const rows = await db
      .selectFrom('article_referrers_daily')
      .selectAll()
      .where('article_id', '=', story.id)
      .orderBy('host')
      .execute()
    assert.deepEqual(
      rows.map((r) => [r.day, r.host, r.views]),
      [
        ['2026-11-20', 'mail.example.com', 1],
        ['2026-11-20', 'private.example.org', 1],
        ['2026-11-20', 'search.example.net', 1],
      ],
    )
    const stored = JSON.stringify(
      await db.selectFrom('article_referrers_daily').selectAll().execute(),
    )
    for (const secret of ['inbox', 'token', 'q=', '10.0.0.7', 'secret', 'user', '/', '?'])
      assert.ok(!stored.includes(secret), `nothing like "${secret}" is stored`)
  })
})

/**
 * The newsroom dashboard at scale: 100,000 stories and 10 million views (in hourly buckets, as
 * the rankings bench builds them) on a temp SQLite file, plus bylines, referrer hosts,
 * continuations and the rollups. Times each dashboard query (p50 and p99 of repeated runs)
 * against < 100 ms, on SQLite and, given a URL, on a PostgreSQL copy of the same data.
 */

import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import type { Db } from '../../src/db/database.js'
import { openDatabase } from '../../src/db/database.js'
import { migrateToLatest } from '../../src/db/migrator.js'
import { createDashboard } from '../../src/engagement/dashboard.js'
import {
  countByStatus,
  siteHours,
  storyHours,
  topAuthors,
  topSections,
} from '../../src/engagement/dashboard-queries.js'
import type { RankedEntry } from '../../src/engagement/engagement.js'
import { addToPlacementTotals } from '../../src/engagement/dashboard-rollups.js'
import { addToBuckets, type BucketAdd } from '../../src/engagement/view-flush-queries.js'
import { createInProcessBus } from '../../src/infra/bus/in-process.js'
import { createFixedClock } from '../../src/lib/clock.js'
import { createSeededRandom } from '../../src/lib/seeded-random.js'
import { createNewsroom } from '../../src/newsroom/index.js'
import { copyDashboardToPostgres } from './dashboard-postgres.js'
import { type BuiltData, buildRankingData } from './rankings-data.js'
import { formatMs, type MetricRow, quantile, type ScenarioResult } from './scenario.js'

const TARGET_MS = 100
const RUNS = 40
/** Timed flushes (each rolled back) and the stories each adds a view to. */
const FLUSH_RUNS = 20
const FLUSH_STORIES = 1_000
const WARM_UP = 3
const AUTHORS = 400
const HOST_NAMES = ['news.example.com', 'search.example.net', 'social.example.org', 'mail.example']
const HOUR_MS = 3_600_000
const DAY_MS = 24 * HOUR_MS

/** Adds what the ranking data lacks: bylines, some unpublished statuses, referrers, continuations, site totals. */
function addDashboardData(filename: string, articles: number, now: Date): void {
  const random = createSeededRandom(20261204)
  const sqlite = new BetterSqlite3(filename)
  sqlite.pragma('journal_mode = WAL')
  sqlite.pragma('synchronous = OFF')
  const iso = now.toISOString()
  const insertAuthor = sqlite.prepare(
    `insert into authors (slug, name, job_title, bio, email, photo_id, user_id, created_at)
     values (?, ?, '', '', '', null, null, ?)`,
  )
  const byline = sqlite.prepare(
    'insert into article_authors (article_id, author_id, position) values (?, ?, 0)',
  )
  const referrer = sqlite.prepare(
    'insert into article_referrers_daily (article_id, day, host, views) values (?, ?, ?, ?)',
  )
  const continuation = sqlite.prepare(
    'insert into article_continuations_daily (article_id, day, readers) values (?, ?, ?)',
  )
  sqlite.transaction(() => {
    const authorIds: number[] = []
    for (let i = 0; i < AUTHORS; i++)
      authorIds.push(Number(insertAuthor.run(`author-${i}`, `Author ${i}`, iso).lastInsertRowid))
    const ids = sqlite.prepare('select id from articles').pluck().all() as number[]
    for (const id of ids) {
      byline.run(id, authorIds[Math.floor(random.next() ** 2 * AUTHORS)])
      // Each story: referrers and continuations on three days of its life.
      const firstDay = Math.floor(random.next() * 58)
      for (let d = 0; d < 3; d++) {
        const day = new Date(now.getTime() - (firstDay + d) * DAY_MS).toISOString().slice(0, 10)
        const host = HOST_NAMES[Math.floor(random.next() * HOST_NAMES.length)]!
        referrer.run(id, day, host, 1 + Math.floor(random.next() * 20))
        continuation.run(id, day, 1 + Math.floor(random.next() * 10))
      }
    }
    // A newsroom has work in progress too: a few per cent of stories in every other status.
    sqlite.exec(`update articles set status = 'draft', published_at = null where id % 50 = 1`)
    sqlite.exec(`update articles set status = 'in_review' where id % 97 = 2`)
    sqlite.exec(`update articles set status = 'unpublished' where id % 211 = 3`)
    // What addToBuckets keeps as it writes (the builder inserts buckets directly); the section
    // and author rollups as migration 0026 fills them.
    sqlite.exec(
      'insert into site_views_hourly (hour, views) select hour, sum(views) from article_views_hourly group by hour',
    )
    sqlite.exec(`insert into section_views_hourly (hour, section_id, views)
      select b.hour, a.section_id, sum(b.views) from article_views_hourly b
      join articles a on a.id = b.article_id group by b.hour, a.section_id`)
    sqlite.exec(`insert into author_views_hourly (hour, author_id, views)
      select b.hour, aa.author_id, sum(b.views) from article_views_hourly b
      join article_authors aa on aa.article_id = b.article_id group by b.hour, aa.author_id`)
  })()
  sqlite.pragma('optimize')
  sqlite.exec('analyze')
  sqlite.close()
  if (articles <= 0) throw new Error('no stories')
}

/** p50 and p99 in ms of `runs` calls of `run` (after a warm-up). */
async function time(
  run: () => Promise<unknown>,
  runs: number,
): Promise<{ p50: number; p99: number }> {
  for (let i = 0; i < WARM_UP; i++) await run()
  const times: number[] = []
  for (let i = 0; i < runs; i++) {
    const started = performance.now()
    await run()
    times.push(performance.now() - started)
  }
  times.sort((a, b) => a - b)
  return { p50: quantile(times, 0.5), p99: quantile(times, 0.99) }
}

/** A rolled-back transaction's signal. */
class RolledBack extends Error {}

/** Times every dashboard query on `db` (`engine` names it in the rows), as of `now`. */
async function measureDashboard(
  db: Db,
  engine: 'sqlite' | 'postgres',
  now: Date,
  log: (message: string) => void,
): Promise<{ rows: MetricRow[]; figures: Record<string, { p50: number; p99: number }> }> {
  const clock = createFixedClock(now)
  const bus = createInProcessBus({ onHandlerError: () => undefined })
  const newsroom = createNewsroom({ db, clock, bus, photos: async () => new Map() })
  // Popular Now comes from the rankings in memory; here, the 10 most-read stories of the last hours.
  const hour = Math.floor(now.getTime() / HOUR_MS) * HOUR_MS
  const topIds = (
    await db
      .selectFrom('article_views_hourly')
      .select(['article_id', (eb) => eb.fn.sum<number>('views').as('v')])
      .where('hour', '>=', new Date(hour - 6 * HOUR_MS).toISOString())
      .groupBy('article_id')
      .orderBy('v', 'desc')
      .limit(10)
      .execute()
  ).map((r) => r.article_id)
  const popular: RankedEntry[] = (await newsroom.catalogueStories(topIds)).map((story) => ({
    story,
    score: 1,
  }))
  const dashboard = createDashboard({ db, clock, engagement: { ranking: async () => popular } })
  const oldStory = (
    await db
      .selectFrom('articles')
      .select('id')
      .where('status', '=', 'published')
      .orderBy('published_at')
      .limit(1)
      .executeTakeFirstOrThrow()
  ).id
  const topStory = topIds[0] ?? oldStory
  const dayStart = new Date(hour - 23 * HOUR_MS)
  // A flush's worth of views: one each for FLUSH_STORIES stories in the current hour, written as
  // the view counter writes them (buckets, site, section and author rollups), then rolled back.
  const ids = (await db.selectFrom('articles').select('id').orderBy('id').execute()).map(
    (r) => r.id,
  )
  const picked = new Set(
    Array.from(
      { length: FLUSH_STORIES },
      (_, i) => ids[Math.floor((i * ids.length) / FLUSH_STORIES)]!,
    ),
  )
  const flushRows: BucketAdd[] = [...picked].map((articleId) => ({
    articleId,
    hour: new Date(hour),
    views: 1,
  }))
  const flush = async (): Promise<void> => {
    try {
      await db.transaction().execute(async (trx) => {
        await addToBuckets(trx, flushRows, { lockStories: engine === 'postgres' })
        throw new RolledBack()
      })
    } catch (error) {
      if (!(error instanceof RolledBack)) throw error
    }
  }

  const rollupsOnly = async (): Promise<void> => {
    try {
      await db.transaction().execute(async (trx) => {
        await addToPlacementTotals(trx, flushRows, engine === 'postgres')
        throw new RolledBack()
      })
    } catch (error) {
      if (!(error instanceof RolledBack)) throw error
    }
  }

  const started = performance.now()
  const measured: [string, () => Promise<unknown>, number | undefined][] = [
    ['stories by status', () => countByStatus(db), TARGET_MS],
    [
      'site views, 30 days (chart + today)',
      () => siteHours(db, new Date(hour - 30 * DAY_MS), new Date(hour + HOUR_MS)),
      TARGET_MS,
    ],
    ['Popular Now sparklines (10 stories)', () => storyHours(db, topIds, dayStart), TARGET_MS],
    ['top sections (24 h)', () => topSections(db, dayStart, 5), TARGET_MS],
    ['top authors (24 h)', () => topAuthors(db, dayStart, 5), TARGET_MS],
    ['whole overview', () => dashboard.overview(), TARGET_MS],
    ['story figures (most read now)', () => dashboard.storyFigures(topStory), TARGET_MS],
    ['story figures (oldest story)', () => dashboard.storyFigures(oldStory), TARGET_MS],
    [`a flush of ${flushRows.length.toLocaleString('en')} stories' views`, flush, undefined],
    ['  of which the section and author rollups', rollupsOnly, undefined],
  ]
  const figures: Record<string, { p50: number; p99: number }> = {}
  const rows: MetricRow[] = []
  for (const [name, run, target] of measured) {
    const t = await time(run, target === undefined ? FLUSH_RUNS : RUNS)
    figures[name] = t
    rows.push({
      metric: `dashboard [${engine}]: ${name} (p50 / p99)`,
      value: `${formatMs(t.p50)} / ${formatMs(t.p99)}`,
      target: target === undefined ? '' : `p99 < ${target} ms`,
      pass: target === undefined ? undefined : t.p99 < target,
    })
  }
  log(`dashboard [${engine}]: measured in ${((performance.now() - started) / 1000).toFixed(1)} s`)
  await bus.close()
  return { rows, figures }
}

/**
 * Builds the data, then times every dashboard query on SQLite and, with `postgresUrl`, on a
 * PostgreSQL copy (a schema of its own, dropped afterwards); `log` prints progress.
 */
export async function dashboardScenario(options: {
  articles: number
  events: number
  postgresUrl: string | undefined
  log: (message: string) => void
}): Promise<ScenarioResult> {
  const { log } = options
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'masthead-dashboard-bench-'))
  // MASTHEAD_BENCH_DASHBOARD_DB keeps the built file there and reuses it (query tuning without
  // rebuilding for minutes); the figures are then of that file's hour, not of now.
  const kept = process.env.MASTHEAD_BENCH_DASHBOARD_DB
  const filename = kept ?? path.join(dir, 'dashboard.db')
  const reuse = kept !== undefined && fs.existsSync(kept)
  const now = reuse
    ? new Date(fs.readFileSync(`${kept}.now`, 'utf8'))
    : new Date(Math.floor(Date.now() / 60_000) * 60_000)
  try {
    let started = performance.now()
    let data: BuiltData
    let migrated: string[] = []
    if (reuse) {
      data = JSON.parse(fs.readFileSync(`${kept}.json`, 'utf8')) as BuiltData
      // A file built before a migration gets it now (0026 fills the rollups from the buckets).
      const migrating = openDatabase({ kind: 'sqlite', filename })
      migrated = await migrateToLatest(migrating)
      await migrating.close()
      if (migrated.length > 0)
        log(
          `dashboard: ${migrated.join(', ')} applied to the kept file in ` +
            `${((performance.now() - started) / 1000).toFixed(1)} s`,
        )
    } else {
      const migrating = openDatabase({ kind: 'sqlite', filename })
      await migrateToLatest(migrating)
      await migrating.close()
      log(
        `dashboard: building ${options.articles.toLocaleString('en')} stories and ~${options.events.toLocaleString('en')} views`,
      )
      data = buildRankingData(filename, { ...options, days: 60, now })
      addDashboardData(filename, data.articles, now)
      if (kept !== undefined) {
        fs.writeFileSync(`${kept}.json`, JSON.stringify(data))
        fs.writeFileSync(`${kept}.now`, now.toISOString())
      }
      log(
        `dashboard: built in ${((performance.now() - started) / 1000).toFixed(1)} s: ` +
          `${data.events.toLocaleString('en')} views in ${data.buckets.toLocaleString('en')} buckets`,
      )
    }

    if (process.env.MASTHEAD_BENCH_EXPLAIN === '1') {
      const sqlite = new BetterSqlite3(filename, { readonly: true })
      const dayStart = new Date(Math.floor(now.getTime() / HOUR_MS) * HOUR_MS - 23 * HOUR_MS)
      log(
        JSON.stringify(
          sqlite
            .prepare(
              `explain query plan select s.slug, sum(r.views) from section_views_hourly r
               join sections s on s.id = r.section_id where r.hour >= ? group by s.id
               order by 2 desc limit 5`,
            )
            .all(dayStart.toISOString()),
        ),
      )
      sqlite.close()
    }

    const database = openDatabase({ kind: 'sqlite', filename })
    const onSqlite = await measureDashboard(database.db, 'sqlite', now, log)
    await database.close()

    const rows: MetricRow[] = [
      {
        metric: 'dashboard: view buckets (10M views)',
        value: data.buckets.toLocaleString('en'),
        target: '',
        pass: undefined,
      },
      ...onSqlite.rows,
    ]
    let onPostgres: Awaited<ReturnType<typeof measureDashboard>> | undefined
    if (options.postgresUrl === undefined || options.postgresUrl === '') {
      rows.push({
        metric: 'dashboard [postgres]: not measured (no --dashboard-pg or MASTHEAD_TEST_PG_URL)',
        value: '',
        target: '',
        pass: undefined,
      })
    } else {
      started = performance.now()
      const copy = await copyDashboardToPostgres(options.postgresUrl, filename, log)
      log(`dashboard [postgres]: copied in ${((performance.now() - started) / 1000).toFixed(1)} s`)
      try {
        onPostgres = await measureDashboard(copy.handle.db, 'postgres', now, log)
        rows.push(...onPostgres.rows)
      } finally {
        await copy.dispose()
      }
    }
    return {
      name: 'dashboard',
      data: {
        ...data,
        authors: AUTHORS,
        runs: RUNS,
        migrated,
        figures: onSqlite.figures,
        postgresFigures: onPostgres?.figures,
      },
      rows,
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

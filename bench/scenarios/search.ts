/**
 * Site search at scale: 100,000 stories on a temp SQLite file (the ranking bench's synthetic
 * archive), indexed by the search service's catch-up, then a realistic mix of queries timed
 * through the service (parse, match, rank, hydrate, highlight), overall and per kind of query.
 * With a PostgreSQL URL the same archive is copied there and measured the same way.
 */

import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { type DatabaseHandle, openDatabase } from '../../src/db/database.js'
import { migrateToLatest } from '../../src/db/migrator.js'
import { createInProcessBus } from '../../src/infra/bus/in-process.js'
import { createFixedClock } from '../../src/lib/clock.js'
import { createSeededRandom } from '../../src/lib/seeded-random.js'
import { createNewsroom } from '../../src/newsroom/index.js'
import { createSearch, type Search, type SearchRequest } from '../../src/search/index.js'
import { buildRankingData } from './rankings-data.js'
import { formatMs, type MetricRow, quantile, type ScenarioResult } from './scenario.js'
import { copyToPostgres } from './search-postgres.js'

const P95_TARGET_MS = 50
const QUERIES = 600

const sec = (ms: number): string => `${(ms / 1000).toFixed(1)} s`

/** The kinds of query in the mix, in the order it cycles through them. */
const KINDS = [
  'one word',
  'two words',
  'two words of different stories',
  'phrase',
  'prefix',
  'exclusion',
  'alternative',
  'one word in a section',
] as const

/** One request of the mix and its kind. */
interface MixRequest extends SearchRequest {
  kind: (typeof KINDS)[number]
}

/** A mix of what readers type, drawn from the archive's own headlines. */
function queryMix(headlines: readonly string[], sections: readonly string[]): MixRequest[] {
  const seeded = createSeededRandom(1303)
  const pick = <T>(list: readonly T[]): T => list[Math.floor(seeded.next() * list.length)] as T
  const requests: MixRequest[] = []
  for (let i = 0; i < QUERIES; i++) {
    const words = pick(headlines).split(' ')
    const at = Math.floor(seeded.next() * (words.length - 1))
    const a = words[at] ?? 'a'
    const b = words[at + 1] ?? a
    const kind = i % 8
    const text = [
      a, // one word
      `${a} ${b}`, // two words
      `${a} ${pick(headlines).split(' ')[0] ?? b}`, // two words of different stories
      `"${a} ${b}"`, // a phrase
      `${a.slice(0, 4)}*`, // a prefix
      `${a} -${b}`, // an exclusion
      `${a} OR ${b}`, // an alternative
      a, // one word in one section (below)
    ][kind] as string
    requests.push({
      kind: KINDS[kind] ?? 'one word',
      text,
      page: i % 10 === 9 ? 2 : 1,
      perPage: 10,
      ...(kind === 7 ? { section: pick(sections) } : {}),
    })
  }
  return requests
}

/** Times of the mix through one search service: all queries and each kind (sorted, in ms). */
interface MixTimes {
  all: number[]
  /** CPU time of this process per query (sorted, ms): steadier than wall time on a busy machine. */
  cpu: number[]
  byKind: Map<string, number[]>
  meanMatches: number
}

/** Runs the mix once unmeasured (warm-up: statements, caches), then once timed. */
async function timeMix(search: Search, requests: readonly MixRequest[]): Promise<MixTimes> {
  for (const request of requests.slice(0, 50)) await search.search(request)
  const all: number[] = []
  const cpu: number[] = []
  const byKind = new Map<string, number[]>()
  let totalHits = 0
  for (const request of requests) {
    const t0 = performance.now()
    const cpu0 = process.cpuUsage()
    const results = await search.search(request)
    const used = process.cpuUsage(cpu0)
    const ms = performance.now() - t0
    all.push(ms)
    cpu.push((used.user + used.system) / 1000)
    byKind.set(request.kind, [...(byKind.get(request.kind) ?? []), ms])
    totalHits += results.total
  }
  all.sort((a, b) => a - b)
  cpu.sort((a, b) => a - b)
  for (const times of byKind.values()) times.sort((a, b) => a - b)
  return { all, cpu, byKind, meanMatches: totalHits / all.length }
}

/** Indexes the archive on `db` with the search service, then times the mix on it. */
async function measureEngine(
  engine: 'SQLite' | 'PostgreSQL',
  handle: DatabaseHandle,
  now: Date,
  headlines: readonly string[],
  log: (message: string) => void,
): Promise<{ times: MixTimes; indexMs: number }> {
  const { db } = handle
  const clock = createFixedClock(now)
  const bus = createInProcessBus({ onHandlerError: () => undefined })
  const newsroom = createNewsroom({ db, clock, bus, photos: async () => new Map() })
  const search = createSearch({ db, dialect: handle.dialect.name, clock, bus, newsroom })
  try {
    const started = performance.now()
    const indexed = await search.catchUp({
      onProgress: (done) => {
        if (done % 20_000 === 0) log(`search (${engine}): indexed ${done.toLocaleString('en')}`)
      },
    })
    const indexMs = performance.now() - started
    await handle.dialect.optimize(db)
    log(`search (${engine}): indexed ${indexed.toLocaleString('en')} stories in ${sec(indexMs)}`)
    const sections = (await newsroom.listSections()).map((section) => section.slug)
    const times = await timeMix(search, queryMix(headlines, sections))
    log(
      `search (${engine}): p50 ${formatMs(quantile(times.all, 0.5))}, ` +
        `p95 ${formatMs(quantile(times.all, 0.95))}, max ${formatMs(times.all.at(-1) ?? 0)} ` +
        `(CPU time p50 ${formatMs(quantile(times.cpu, 0.5))}, p95 ${formatMs(quantile(times.cpu, 0.95))}; ` +
        `load average ${os.loadavg()[0]?.toFixed(2) ?? '?'})`,
    )
    for (const [kind, list] of times.byKind)
      log(
        `  ${kind.padEnd(32)} p50 ${formatMs(quantile(list, 0.5))}, p95 ${formatMs(quantile(list, 0.95))}`,
      )
    return { times, indexMs }
  } finally {
    search.close()
    await bus.close()
  }
}

/** The table rows and JSON figures of one engine's measurement. */
function report(
  engine: 'SQLite' | 'PostgreSQL',
  articles: number,
  { times, indexMs }: { times: MixTimes; indexMs: number },
): { rows: MetricRow[]; data: Record<string, unknown> } {
  const p50 = quantile(times.all, 0.5)
  const p95 = quantile(times.all, 0.95)
  const stories = articles.toLocaleString('en')
  return {
    rows: [
      {
        metric: `search p50 (${stories} stories, ${engine})`,
        value: formatMs(p50),
        target: '',
        pass: undefined,
      },
      {
        metric: `search p95 (${stories} stories, ${engine})`,
        value: formatMs(p95),
        target: `< ${P95_TARGET_MS} ms`,
        pass: p95 < P95_TARGET_MS,
      },
      {
        metric: `search index build (catch-up, ${engine})`,
        value: sec(indexMs),
        target: '',
        pass: undefined,
      },
    ],
    data: {
      queries: times.all.length,
      meanMatches: times.meanMatches,
      p50Ms: p50,
      p95Ms: p95,
      maxMs: times.all.at(-1) ?? 0,
      cpuP50Ms: quantile(times.cpu, 0.5),
      cpuP95Ms: quantile(times.cpu, 0.95),
      indexMs,
      byKind: Object.fromEntries(
        [...times.byKind].map(([kind, list]) => [
          kind,
          { p50Ms: quantile(list, 0.5), p95Ms: quantile(list, 0.95), maxMs: list.at(-1) ?? 0 },
        ]),
      ),
    },
  }
}

/**
 * Builds and indexes the archive, then times the query mix; with `postgresUrl`, copies the same
 * archive into a fresh schema there and times it on PostgreSQL too.
 */
export async function searchScenario(options: {
  articles: number
  postgresUrl?: string | undefined
  log: (message: string) => void
}): Promise<ScenarioResult> {
  const { log } = options
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'masthead-search-bench-'))
  const filename = path.join(dir, 'search.db')
  const now = new Date()
  try {
    const migrating = openDatabase({ kind: 'sqlite', filename })
    await migrateToLatest(migrating)
    await migrating.close()
    const started = performance.now()
    log(`search: building ${options.articles.toLocaleString('en')} stories`)
    const data = buildRankingData(filename, {
      articles: options.articles,
      events: 0,
      days: 365,
      now,
    })
    const database = openDatabase({ kind: 'sqlite', filename })
    // The synthetic archive has Markdown only; its paragraphs are plain text, so they serve as HTML.
    await database.db
      .updateTable('articles')
      .set((eb) => ({ body_html: eb.ref('body_markdown') }))
      .execute()
    log(`search: built in ${sec(performance.now() - started)}`)
    const sample = await database.db
      .selectFrom('articles')
      .select('headline')
      .where('id', '<=', 2000)
      .execute()
    const headlines = sample.map((r) => r.headline)
    let sqlite: Awaited<ReturnType<typeof measureEngine>>
    try {
      sqlite = await measureEngine('SQLite', database, now, headlines, log)
    } finally {
      await database.close()
    }
    const dbBytes = fs.statSync(filename).size
    const sqliteReport = report('SQLite', options.articles, sqlite)
    const rows = [...sqliteReport.rows]
    const result: Record<string, unknown> = {
      loadAverage: os.loadavg(),
      articles: data.articles,
      ...sqliteReport.data,
      databaseMb: dbBytes / 2 ** 20,
    }
    if (options.postgresUrl !== undefined) {
      log('search: copying the archive to PostgreSQL')
      const copyStarted = performance.now()
      const copy = await copyToPostgres(options.postgresUrl, filename)
      log(`search: copied in ${sec(performance.now() - copyStarted)}`)
      try {
        const postgres = report(
          'PostgreSQL',
          options.articles,
          await measureEngine('PostgreSQL', copy.handle, now, headlines, log),
        )
        rows.push(...postgres.rows)
        result.postgres = postgres.data
      } finally {
        await copy.dispose()
      }
    }
    result.loadAverageAfter = os.loadavg()
    return { name: 'search', data: result, rows }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

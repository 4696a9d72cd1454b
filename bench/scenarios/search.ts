/**
 * Site search at scale: 100,000 stories on a temp SQLite file (the ranking bench's synthetic
 * archive), indexed by the search service's catch-up, then a realistic mix of queries timed
 * through the service (parse, match, rank, hydrate, highlight).
 */

import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { openDatabase } from '../../src/db/database.js'
import { migrateToLatest } from '../../src/db/migrator.js'
import { createInProcessBus } from '../../src/infra/bus/in-process.js'
import { createFixedClock } from '../../src/lib/clock.js'
import { createSeededRandom } from '../../src/lib/seeded-random.js'
import { createNewsroom } from '../../src/newsroom/index.js'
import { createSearch, type SearchRequest } from '../../src/search/index.js'
import { buildRankingData } from './rankings-data.js'
import { formatMs, type MetricRow, quantile, type ScenarioResult } from './scenario.js'

const P95_TARGET_MS = 50
const QUERIES = 600

const sec = (ms: number): string => `${(ms / 1000).toFixed(1)} s`

/** A mix of what readers type, drawn from the archive's own headlines. */
function queryMix(headlines: readonly string[], sections: readonly string[]): SearchRequest[] {
  const seeded = createSeededRandom(1303)
  const pick = <T>(list: readonly T[]): T => list[Math.floor(seeded.next() * list.length)] as T
  const requests: SearchRequest[] = []
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
      text,
      page: i % 10 === 9 ? 2 : 1,
      perPage: 10,
      ...(kind === 7 ? { section: pick(sections) } : {}),
    })
  }
  return requests
}

/** Builds and indexes the archive, then times the query mix. */
export async function searchScenario(options: {
  articles: number
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
    let started = performance.now()
    log(`search: building ${options.articles.toLocaleString('en')} stories`)
    const data = buildRankingData(filename, {
      articles: options.articles,
      events: 0,
      days: 365,
      now,
    })
    const database = openDatabase({ kind: 'sqlite', filename })
    const { db } = database
    // The synthetic archive has Markdown only; its paragraphs are plain text, so they serve as HTML.
    await db
      .updateTable('articles')
      .set((eb) => ({ body_html: eb.ref('body_markdown') }))
      .execute()
    log(`search: built in ${sec(performance.now() - started)}`)

    const clock = createFixedClock(now)
    const bus = createInProcessBus({ onHandlerError: () => undefined })
    const newsroom = createNewsroom({ db, clock, bus, photos: async () => new Map() })
    const search = createSearch({ db, dialect: 'sqlite', clock, bus, newsroom })
    started = performance.now()
    const indexed = await search.catchUp({
      onProgress: (done) => {
        if (done % 20_000 === 0) log(`search: indexed ${done.toLocaleString('en')}`)
      },
    })
    const indexMs = performance.now() - started
    await database.dialect.optimize(db)
    log(`search: indexed ${indexed.toLocaleString('en')} stories in ${sec(indexMs)}`)

    const sample = await db
      .selectFrom('articles')
      .select('headline')
      .where('id', '<=', 2000)
      .execute()
    const sections = (await newsroom.listSections()).map((s) => s.slug)
    const requests = queryMix(
      sample.map((r) => r.headline),
      sections,
    )
    // Warm-up: prepared statements and the page cache of the file, not counted.
    for (const request of requests.slice(0, 50)) await search.search(request)
    const times: number[] = []
    let totalHits = 0
    for (const request of requests) {
      const t0 = performance.now()
      const results = await search.search(request)
      times.push(performance.now() - t0)
      totalHits += results.total
    }
    search.close()
    await database.close()
    times.sort((a, b) => a - b)
    const p50 = quantile(times, 0.5)
    const p95 = quantile(times, 0.95)
    const max = times.at(-1) ?? 0
    const dbBytes = fs.statSync(filename).size
    log(`search: p50 ${formatMs(p50)}, p95 ${formatMs(p95)}, max ${formatMs(max)}`)
    const rows: MetricRow[] = [
      {
        metric: `search p50 (${options.articles.toLocaleString('en')} stories, SQLite)`,
        value: formatMs(p50),
        target: '',
        pass: undefined,
      },
      {
        metric: `search p95 (${options.articles.toLocaleString('en')} stories, SQLite)`,
        value: formatMs(p95),
        target: `< ${P95_TARGET_MS} ms`,
        pass: p95 < P95_TARGET_MS,
      },
      {
        metric: 'search index build (catch-up)',
        value: sec(indexMs),
        target: '',
        pass: undefined,
      },
    ]
    return {
      name: 'search',
      data: {
        loadAverage: os.loadavg(),
        articles: data.articles,
        queries: times.length,
        meanMatches: totalHits / times.length,
        p50Ms: p50,
        p95Ms: p95,
        maxMs: max,
        indexMs,
        databaseMb: dbBytes / 2 ** 20,
      },
      rows,
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

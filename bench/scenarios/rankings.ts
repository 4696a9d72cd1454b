/**
 * The ranking engine at scale: 100,000 stories and 10 million view events on a temp SQLite file.
 * Measures the cold first load, the steady-state refresh done every minute, and the related-story
 * index build, with the memory each holds.
 */

import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import v8 from 'node:v8'
import vm from 'node:vm'
import { openDatabase } from '../../src/db/database.js'
import { migrateToLatest } from '../../src/db/migrator.js'
import { createRankings } from '../../src/engagement/rankings.js'
import { createRelated } from '../../src/engagement/related.js'
import { createStoryCatalogue } from '../../src/engagement/story-catalogue.js'
import { addToBuckets } from '../../src/engagement/view-flush-queries.js'
import { hourlyBuckets } from '../../src/engagement/view-history.js'
import { createInProcessBus } from '../../src/infra/bus/in-process.js'
import { createFixedClock } from '../../src/lib/clock.js'
import { createNewsroom } from '../../src/newsroom/index.js'
import { buildRankingData } from './rankings-data.js'
import type { MetricRow, ScenarioResult } from './scenario.js'

const RECOMPUTE_TARGET_MS = 2000
const INDEX_TARGET_MS = 60_000
const MINUTE = 60_000

v8.setFlagsFromString('--expose-gc')
const gc = vm.runInNewContext('gc') as () => void

/** Heap (with typed arrays, which live outside it) and RSS in MiB after a full collection. */
function memory(): { heapMb: number; rssMb: number } {
  gc()
  const { heapUsed, arrayBuffers, rss } = process.memoryUsage()
  return { heapMb: (heapUsed + arrayBuffers) / 2 ** 20, rssMb: rss / 2 ** 20 }
}

const mb = (n: number): string => `${n.toFixed(0)} MiB`
const sec = (ms: number): string => `${(ms / 1000).toFixed(2)} s`
const median = (values: number[]): number =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0

/** Builds the data, then times the engine's parts; `log` prints progress. */
export async function rankingScenario(options: {
  articles: number
  events: number
  log: (message: string) => void
}): Promise<ScenarioResult> {
  const { log } = options
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'masthead-rankings-bench-'))
  const filename = path.join(dir, 'rankings.db')
  // Whole minutes, so refreshes a minute apart stay inside predictable hours.
  const now = new Date(Math.floor(Date.now() / MINUTE) * MINUTE)
  const clock = createFixedClock(now)
  try {
    const migrating = openDatabase({ kind: 'sqlite', filename })
    await migrateToLatest(migrating)
    await migrating.close()

    let started = performance.now()
    log(
      `rankings: building ${options.articles.toLocaleString('en')} stories and ~${options.events.toLocaleString('en')} view events`,
    )
    const data = buildRankingData(filename, { ...options, days: 60, now })
    const buildMs = performance.now() - started
    log(
      `rankings: built in ${sec(buildMs)}: ${data.events.toLocaleString('en')} events in ` +
        `${data.buckets.toLocaleString('en')} hourly buckets (${data.weekBuckets.toLocaleString('en')} in the last 7 days)`,
    )

    const database = openDatabase({ kind: 'sqlite', filename })
    const { db } = database
    const bus = createInProcessBus({ onHandlerError: () => undefined })
    const newsroom = createNewsroom({ db, clock, bus, photos: async () => new Map() })
    const catalogue = createStoryCatalogue()
    const rankings = createRankings({ db, clock, newsroom, catalogue, halfLifeHours: 6 })

    // Cold: the catalogue and a full load of the buckets, as at start-up.
    const before = memory()
    started = performance.now()
    catalogue.reset(await newsroom.catalogueStories())
    const catalogueMs = performance.now() - started
    started = performance.now()
    await rankings.refresh({ full: true })
    const coldMs = performance.now() - started
    const afterCold = memory()
    log(`rankings: cold start ${sec(catalogueMs + coldMs)} (catalogue ${sec(catalogueMs)})`)

    // Steady state: a minute passes, the counter flushes new views into the current hour, the
    // rankings refresh. One of the refreshes crosses an hour, so the window slides.
    const refreshes: number[] = []
    const articleIds = [...catalogue.all()].map((s) => s.id)
    for (let i = 0; i < 8; i++) {
      clock.advance(i === 4 ? 60 * MINUTE : MINUTE)
      const entries = Array.from({ length: 500 }, (_, k) => ({
        articleId: articleIds[(i * 7919 + k * 104_729) % articleIds.length] ?? 1,
        at: clock.now(),
        views: 1 + (k % 5),
      }))
      await addToBuckets(db, hourlyBuckets(entries))
      started = performance.now()
      await rankings.refresh()
      refreshes.push(performance.now() - started)
    }
    const steadyMs = median(refreshes)
    const steadyMax = Math.max(...refreshes)
    log(`rankings: steady refresh median ${sec(steadyMs)}, max ${sec(steadyMax)}`)
    const snapshot = rankings.current()

    // The related-story index over every story.
    const related = createRelated({ db, newsroom, catalogue })
    const beforeIndex = memory()
    started = performance.now()
    await related.build()
    const indexMs = performance.now() - started
    const afterIndex = memory()
    const stats = related.index().stats()
    started = performance.now()
    const sample = articleIds.filter((_, i) => i % 100 === 0)
    for (const id of sample) related.of(id, clock.now())
    const queryMs = (performance.now() - started) / sample.length
    log(`rankings: related index built in ${sec(indexMs)}; ${queryMs.toFixed(2)} ms per story`)
    await database.close()

    const figures = {
      loadAverage: os.loadavg(),
      articles: data.articles,
      events: data.events,
      buckets: data.buckets,
      weekBuckets: data.weekBuckets,
      textMb: data.textBytes / 2 ** 20,
      dataBuildMs: buildMs,
      cold: {
        catalogueMs,
        bucketsMs: coldMs,
        heapMb: afterCold.heapMb - before.heapMb,
        rssMb: afterCold.rssMb,
      },
      steady: { medianMs: steadyMs, maxMs: steadyMax, runs: refreshes },
      index: {
        buildMs: indexMs,
        queryMs,
        ...stats,
        heapMb: afterIndex.heapMb - beforeIndex.heapMb,
        rssMb: afterIndex.rssMb,
      },
      popularNowTop: snapshot.popularNow.length,
    }
    const rows: MetricRow[] = [
      {
        metric: 'rankings: machine load (1-min average)',
        value: os.loadavg()[0]!.toFixed(1),
        target: `${os.cpus().length} cores; timings stretch when it is higher`,
        pass: undefined,
      },
      {
        metric: 'rankings: view buckets (10M events)',
        value: data.buckets.toLocaleString('en'),
        target: `${data.weekBuckets.toLocaleString('en')} in last 7 days`,
        pass: undefined,
      },
      {
        metric: 'rankings: cold first load',
        value: sec(catalogueMs + coldMs),
        target: 'no target (once at start)',
        pass: undefined,
      },
      {
        metric: 'rankings: steady refresh (median of 8)',
        value: sec(steadyMs),
        target: `< ${sec(RECOMPUTE_TARGET_MS)}`,
        pass: steadyMs < RECOMPUTE_TARGET_MS,
      },
      {
        metric: 'rankings: steady refresh (max of 8)',
        value: sec(steadyMax),
        target: `< ${sec(RECOMPUTE_TARGET_MS)}`,
        pass: steadyMax < RECOMPUTE_TARGET_MS,
      },
      {
        metric: 'rankings: memory held (catalogue + window)',
        value: mb(afterCold.heapMb - before.heapMb),
        target: `RSS ${mb(afterCold.rssMb)}`,
        pass: undefined,
      },
      {
        metric: 'related: index build (100k stories)',
        value: sec(indexMs),
        target: `< ${sec(INDEX_TARGET_MS)}`,
        pass: indexMs < INDEX_TARGET_MS,
      },
      {
        metric: 'related: index memory',
        value: mb(afterIndex.heapMb - beforeIndex.heapMb),
        target: `arrays ${mb(stats.bytes / 2 ** 20)}, RSS ${mb(afterIndex.rssMb)}`,
        pass: undefined,
      },
      {
        metric: 'related: one story from memory',
        value: `${queryMs.toFixed(2)} ms`,
        target: 'no target',
        pass: undefined,
      },
    ]
    return { name: 'rankings', data: figures, rows }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

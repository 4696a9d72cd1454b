/**
 * Feeds and sitemaps at scale (100,000 stories by default on a temp SQLite file): the time to
 * build each feed and the whole sitemap set (the index and every file, streamed and counted as a
 * crawler would read it), and the peak memory (RSS, heap) while doing it.
 */

import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import v8 from 'node:v8'
import vm from 'node:vm'
import { buildServices } from '../../src/app.js'
import { parseConfig } from '../../src/config.js'
import type { FeedFormat, FeedScope } from '../../src/distribution/index.js'
import { buildDistributionData } from './distribution-data.js'
import type { MetricRow, ScenarioResult } from './scenario.js'

v8.setFlagsFromString('--expose-gc')
const gc = vm.runInNewContext('gc') as () => void

const MiB = 2 ** 20
const mb = (bytes: number): string => `${(bytes / MiB).toFixed(0)} MiB`
const ms = (value: number): string => `${value.toFixed(1)} ms`
const median = (values: number[]): number =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0
/** Builds of each feed timed (the median is reported; the first warms the statements up). */
const FEED_RUNS = 7
/** The whole sitemap set must be built in under this. */
const SITEMAP_TARGET_MS = 30_000
/** Heap growth while streaming the set must stay under this (flat: pages, not the catalogue). */
const HEAP_GROWTH_TARGET = 64 * MiB

/** Peak RSS and heap seen by `sample()` calls (and a timer, when the event loop turns). */
export function peakTracker() {
  let rss = 0
  let heap = 0
  const sample = (): void => {
    const usage = process.memoryUsage()
    rss = Math.max(rss, usage.rss)
    heap = Math.max(heap, usage.heapUsed + usage.arrayBuffers)
  }
  const timer = setInterval(sample, 5)
  return {
    sample,
    stop: () => {
      clearInterval(timer)
      sample()
      return { rss, heap }
    },
  }
}

/** Seeds the data, then builds every feed kind and the whole sitemap set, measuring each. */
export async function distributionScenario(options: {
  articles: number
  log: (message: string) => void
}): Promise<ScenarioResult> {
  const { log } = options
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'masthead-distribution-bench-'))
  const now = new Date()
  try {
    const config = parseConfig(
      {
        MASTHEAD_DATABASE_URL: `sqlite:${path.join(dir, 'bench.db')}`,
        MASTHEAD_MEDIA_DIR: path.join(dir, 'media'),
        MASTHEAD_LOG_LEVEL: 'silent',
        MASTHEAD_SITE_URL: 'https://news.example.org',
      },
      dir,
    )
    // Migrates the file; the data goes in beside it through a second connection.
    const services = await buildServices(config)
    let started = performance.now()
    const built = buildDistributionData(path.join(dir, 'bench.db'), {
      articles: options.articles,
      now,
    })
    await services.optimizeDatabase()
    log(
      `distribution: ${built.articles.toLocaleString('en')} stories written in ` +
        `${((performance.now() - started) / 1000).toFixed(1)} s`,
    )
    try {
      const { distribution } = services
      const feeds: [string, FeedScope, FeedFormat][] = [
        ['site RSS', { kind: 'site' }, 'rss'],
        ['site Atom', { kind: 'site' }, 'atom'],
        ['site JSON Feed', { kind: 'site' }, 'json'],
        ['section RSS', { kind: 'section', slug: 'asia' }, 'rss'],
        ['author RSS', { kind: 'author', slug: 'reporter-7' }, 'rss'],
        ['tag RSS', { kind: 'tag', slug: 'topic-21' }, 'rss'],
      ]
      const feedTimes: Record<string, number> = {}
      gc()
      const beforeFeeds = process.memoryUsage()
      const feedPeaks = peakTracker()
      for (const [name, scope, format] of feeds) {
        const times: number[] = []
        for (let run = 0; run < FEED_RUNS; run++) {
          started = performance.now()
          const feed = await distribution.feed(scope, format)
          if (feed === undefined) throw new Error(`no ${name}`)
          times.push(performance.now() - started)
        }
        feedTimes[name] = median(times.slice(1))
        feedPeaks.sample()
      }
      const feedPeak = feedPeaks.stop()
      const feedHeapGrowth = feedPeak.heap - (beforeFeeds.heapUsed + beforeFeeds.arrayBuffers)

      gc()
      const before = process.memoryUsage()
      const peaks = peakTracker()
      started = performance.now()
      const index = await distribution.sitemapIndex()
      const files = [...index.body.matchAll(/<loc>[^<]*\/sitemap-([^<]+)\.xml<\/loc>/g)].map(
        (m) => m[1] ?? '',
      )
      let bytes = index.body.length
      let urls = 0
      for (const name of files) {
        const chunks = await distribution.sitemap(name)
        if (chunks === undefined) throw new Error(`no sitemap ${name}`)
        for await (const chunk of chunks) {
          bytes += Buffer.byteLength(chunk)
          urls += chunk.split('<url>').length - 1
          peaks.sample()
        }
      }
      const sitemapMs = performance.now() - started
      const peak = peaks.stop()
      const heapGrowth = peak.heap - (before.heapUsed + before.arrayBuffers)
      log(
        `distribution: ${files.length} sitemap files, ${urls.toLocaleString('en')} URLs, ` +
          `${mb(bytes)} in ${ms(sitemapMs)}`,
      )

      const rows: MetricRow[] = [
        ...Object.entries(feedTimes).map(([name, value]) => ({
          metric: `feed build, ${name} (50 items, full text)`,
          value: ms(value),
          target: '',
          pass: undefined,
        })),
        {
          metric: 'feed builds: peak heap growth',
          value: mb(feedHeapGrowth),
          target: '',
          pass: undefined,
        },
        {
          metric: 'feed builds: peak RSS (process)',
          value: mb(feedPeak.rss),
          target: '',
          pass: undefined,
        },
        {
          metric: `sitemap set (${files.length} files, ${urls.toLocaleString('en')} URLs)`,
          value: ms(sitemapMs),
          target: `< ${SITEMAP_TARGET_MS / 1000} s`,
          pass: sitemapMs < SITEMAP_TARGET_MS,
        },
        {
          metric: 'sitemap set: peak heap growth',
          value: mb(heapGrowth),
          target: `< ${mb(HEAP_GROWTH_TARGET)}`,
          pass: heapGrowth < HEAP_GROWTH_TARGET,
        },
        {
          metric: 'sitemap set: peak RSS (process)',
          value: mb(peak.rss),
          target: '',
          pass: undefined,
        },
      ]
      return {
        name: 'distribution',
        data: {
          articles: built.articles,
          lastTwoDays: built.lastTwoDays,
          feedMedianMs: feedTimes,
          feeds: {
            heapBeforeMb: (beforeFeeds.heapUsed + beforeFeeds.arrayBuffers) / MiB,
            peakHeapMb: feedPeak.heap / MiB,
            heapGrowthMb: feedHeapGrowth / MiB,
            peakRssMb: feedPeak.rss / MiB,
          },
          loadAverage: os.loadavg(),
          sitemap: {
            files: files.length,
            urls,
            bytes,
            ms: sitemapMs,
            heapBeforeMb: (before.heapUsed + before.arrayBuffers) / MiB,
            peakHeapMb: peak.heap / MiB,
            heapGrowthMb: heapGrowth / MiB,
            rssBeforeMb: before.rss / MiB,
            peakRssMb: peak.rss / MiB,
          },
        },
        rows,
      }
    } finally {
      await services.close()
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

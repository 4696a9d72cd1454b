/** `npm run bench`: seeds 10,000 stories on a temp SQLite file and measures the reading path on loopback. */

import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import type { FastifyInstance } from 'fastify'
import { type AppServices, buildServices, buildWeb, closeApp, startJobs } from '../src/app.js'
import type { Scheduler } from '../src/infra/scheduler.js'
import { parseConfig } from '../src/config.js'
import { seedDemo } from '../src/demo/seed-demo.js'
import { bareCeilingScenario } from './scenarios/bare-ceiling.js'
import { cacheMissScenario } from './scenarios/cache-miss.js'
import { commentsScenario } from './scenarios/comments.js'
import { dashboardScenario } from './scenarios/dashboard.js'
import { newsroomScenario } from './scenarios/newsroom.js'
import { distributionScenario } from './scenarios/distribution.js'
import { exportRestoreScenario } from './scenarios/export-restore.js'
import { rankingScenario } from './scenarios/rankings.js'
import { postgresArchive, scaleArchive } from './scenarios/scale-data.js'
import { scaleReadsScenario } from './scenarios/scale-reads.js'
import { searchScenario } from './scenarios/search.js'
import type { MetricRow, ScenarioResult } from './scenarios/scenario.js'
import { HOT_PATH_SECONDS, startupScenario } from './scenarios/startup.js'
import { viewCountingScenario } from './scenarios/view-counting.js'
import { warmArticleScenario } from './scenarios/warm-article.js'
import { workersScenario } from './scenarios/workers.js'
import { wxrImportScenario } from './scenarios/wxr-import.js'

/** Warm throughput must reach this share of the bare node:http ceiling. */
const WARM_SHARE_TARGET = 0.5
/** The whole run stops past this, whatever it is doing. */
const TIME_LIMIT_MS = 20 * 60 * 1000
const RESULTS_FILE = path.resolve(import.meta.dirname, 'results/latest.json')

const { values: options } = parseArgs({
  options: {
    articles: { type: 'string', default: '10000' },
    misses: { type: 'string', default: '500' },
    'rankings-articles': { type: 'string', default: '100000' },
    'rankings-events': { type: 'string', default: '10000000' },
    /** Stories the distribution group writes (feeds and sitemaps at scale). */
    'distribution-articles': { type: 'string', default: '100000' },
    'search-articles': { type: 'string', default: '100000' },
    /** Posts in the generated WordPress export the imports group moves in. */
    'wxr-posts': { type: 'string', default: '10000' },
    /** Of them, posts with an image attachment whose file is in the --media folder. */
    'wxr-photos': { type: 'string', default: '500' },
    /**
     * A PostgreSQL URL: the search group also copies its archive into a fresh schema there and
     * measures it (e.g. --search-pg "$MASTHEAD_TEST_PG_URL"); the schema is dropped afterwards.
     */
    'search-pg': { type: 'string' },
    /** Stories and views of the dashboard group's own database. */
    'dashboard-articles': { type: 'string', default: '100000' },
    'dashboard-views': { type: 'string', default: '10000000' },
    /** Stories and views of the scale group's archive (reader pages, every request a miss). */
    'scale-articles': { type: 'string', default: '100000' },
    'scale-views': { type: 'string', default: '10000000' },
    /**
     * A PostgreSQL database URL (e.g. postgres://postgres@127.0.0.1:5432/masthead_scale): the
     * scale group creates it if missing, copies its archive there and measures it too. Kept.
     */
    'scale-pg': { type: 'string' },
    /**
     * The dashboard group also copies its data into a fresh PostgreSQL schema there and measures
     * it (default: MASTHEAD_TEST_PG_URL; the schema is dropped afterwards).
     */
    'dashboard-pg': { type: 'string' },
    /**
     * `--only views,comments` runs just those groups: rankings, search, startup, reading,
     * comments, views, newsroom, distribution, imports, export, dashboard, scale, workers.
     */
    only: { type: 'string' },
    /**
     * A PostgreSQL server URL (default: MASTHEAD_TEST_PG_URL): the workers group creates a
     * database there, runs `npm start` with --workers-count workers on it, and drops it.
     */
    'workers-pg': { type: 'string' },
    'workers-count': { type: 'string', default: '2' },
    /** Seconds of load in the startup group's memory measurement. */
    'startup-load': { type: 'string', default: '60' },
  },
})
const articles = Number(options.articles)
const GROUPS = [
  'rankings',
  'search',
  'startup',
  'reading',
  'comments',
  'views',
  'newsroom',
  'distribution',
  'imports',
  'export',
  'dashboard',
  'scale',
  'workers',
] as const
type Group = (typeof GROUPS)[number]
const onlyGroups = options.only?.split(',').map((g) => g.trim())
for (const group of onlyGroups ?? [])
  if (!(GROUPS as readonly string[]).includes(group))
    throw new Error(`--only: unknown group ${group} (known: ${GROUPS.join(', ')})`)
/** True when the run measures `group` (all of them unless --only names some). */
const runs = (group: Group): boolean => onlyGroups?.includes(group) ?? true
const misses = Number(options.misses)

const log = (message: string): void => console.log(`[bench] ${message}`)
const seconds = (since: number): string => `${((performance.now() - since) / 1000).toFixed(1)} s`

/** The app as `masthead start` runs it: services, jobs and web. */
interface App {
  services: AppServices
  jobs: Scheduler
  web: FastifyInstance
}

/** The settings of a bench database in `dir` (as the app and a spawned `npm start` see them). */
function benchEnv(dir: string): Record<string, string> {
  return {
    MASTHEAD_DATABASE_URL: `sqlite:${path.join(dir, 'bench.db')}`,
    MASTHEAD_MEDIA_DIR: path.join(dir, 'media'),
    // As shipped: the access-log line is part of what a warm page costs (issue 15).
    MASTHEAD_LOG_LEVEL: 'info',
    MASTHEAD_DEMO: 'false',
  }
}

/** Builds the app on a fresh temp SQLite file and seeds it, printing progress. */
async function prepareApp(dir: string): Promise<App> {
  const config = parseConfig(
    {
      ...benchEnv(dir),
      MASTHEAD_LOG_LEVEL: 'silent',
      MASTHEAD_SITE_URL: 'http://127.0.0.1:3000',
      // The comment-posting scenario measures the write path itself, not the limiter.
      MASTHEAD_COMMENTS_RATE_PER_MINUTE: '0',
      MASTHEAD_COMMENTS_RATE_PER_DAY: '0',
      MASTHEAD_COMMENTS_ADDRESS_RATE_PER_MINUTE: '0',
      MASTHEAD_COMMENTS_ADDRESS_RATE_PER_DAY: '0',
      // Loopback load comes from one address; real readers come from many. With the cap on, all
      // but 20 readers a story would stop at the cap (cheaper than counting), flattering the
      // figure. The in-process figure keeps the cap on, with 65,536 addresses.
      MASTHEAD_VIEWS_PER_ADDRESS_PER_STORY: '0',
    },
    dir,
  )
  const services = await buildServices(config)
  const started = performance.now()
  log(`seeding ${articles.toLocaleString('en')} demo stories (seed 1) into ${dir}`)
  let lastPrinted = 0
  const onProgress = (message: string): void => {
    // The seeder reports every 50 stories; a line every few seconds is enough to show life.
    const done = /^\w+ (\d+)\/(\d+)$/.exec(message)
    if (done !== null && done[1] !== done[2] && performance.now() - lastPrinted < 3000) return
    lastPrinted = performance.now()
    log(`  ${message} (${seconds(started)})`)
  }
  await seedDemo(services, { articles, seed: 1, now: new Date(), onProgress })
  await services.optimizeDatabase()
  const published = await services.newsroom.countPublished()
  log(`seeded ${published.toLocaleString('en')} published stories in ${seconds(started)}`)
  await services.engagement.refresh()
  // The jobs run as in production (views flushed each second, rankings each minute).
  return { services, jobs: startJobs(services), web: await buildWeb(services) }
}

/** Ids and slugs of up to `count` published stories, newest first (for the view beacons). */
async function storyRefs(app: App, count: number): Promise<{ id: number; slug: string }[]> {
  const { items } = await app.services.newsroom.listArticles({}, 1, count)
  return items.map((story) => ({ id: story.id, slug: story.slug }))
}

/** Paths of `count` distinct published stories, newest first. */
async function storyPaths(app: App, count: number): Promise<string[]> {
  const paths: string[] = []
  for (let page = 1; paths.length < count; page++) {
    const { items, totalPages } = await app.services.newsroom.listArticles({}, page, 100)
    paths.push(...items.map((story) => `/${story.section.slug}/${story.slug}`))
    if (page >= totalPages) break
  }
  return paths.slice(0, count)
}

function printTable(rows: MetricRow[]): void {
  const header = { metric: 'metric', value: 'value', target: 'target', pass: undefined }
  const widths = (['metric', 'value', 'target'] as const).map((key) =>
    Math.max(...[header, ...rows].map((row) => row[key].length)),
  )
  const line = (row: MetricRow, verdict: string): string =>
    [
      row.metric.padEnd(widths[0] ?? 0),
      row.value.padStart(widths[1] ?? 0),
      row.target.padEnd(widths[2] ?? 0),
      verdict,
    ].join('  ')
  console.log(`\n${line(header, 'result')}`)
  for (const row of rows)
    console.log(line(row, row.pass === undefined ? '' : row.pass ? 'pass' : 'FAIL'))
}

const ROOT = path.resolve(import.meta.dirname, '..')

/**
 * Seeds its own database, closes it, then measures `npm start` (compiled, built first if needed)
 * as separate processes: cold starts, memory idle and under load, and a first start with the demo.
 */
async function measureStartup(): Promise<ScenarioResult> {
  if (
    !fs.existsSync(path.join(ROOT, 'dist/server/main.js')) ||
    !fs.existsSync(path.join(ROOT, 'dist/assets/manifest.json'))
  ) {
    log('startup: dist/ is missing, running npm run build')
    execFileSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit' })
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'masthead-bench-startup-'))
  try {
    const app = await prepareApp(dir)
    const paths = await storyPaths(app, Number.MAX_SAFE_INTEGER)
    await closeApp(app)
    const demoDir = path.join(dir, 'demo')
    log(
      `startup: npm start on ${paths.length.toLocaleString('en')} stories, then on an empty database`,
    )
    return await startupScenario({
      start: { cwd: ROOT, command: 'npm', args: ['start'] },
      env: benchEnv(dir),
      demoEnv: { ...benchEnv(demoDir), MASTHEAD_DEMO: 'true' },
      storyPaths: paths,
      loadSeconds: Number(options['startup-load']),
      log,
    })
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

/**
 * The scale group: builds (or reuses, MASTHEAD_BENCH_SCALE_DB) its archive, copies it into
 * PostgreSQL when --scale-pg names a database, then times the reader pages on each.
 */
async function measureScale(): Promise<ScenarioResult> {
  const kept = process.env.MASTHEAD_BENCH_SCALE_DB
  const dir =
    kept === undefined ? fs.mkdtempSync(path.join(os.tmpdir(), 'masthead-scale-')) : undefined
  const sqliteFile = kept ?? path.join(dir ?? '', 'scale.db')
  try {
    const articles = Number(options['scale-articles'])
    await scaleArchive(sqliteFile, { articles, events: Number(options['scale-views']) }, log)
    const postgresUrl = options['scale-pg']
    if (postgresUrl !== undefined) await postgresArchive(postgresUrl, sqliteFile, log)
    return await scaleReadsScenario({ sqliteFile, postgresUrl, articles, log })
  } finally {
    if (dir !== undefined) fs.rmSync(dir, { recursive: true, force: true })
  }
}

/** Distinct stories rendered before the cache-miss measurement, to warm the process up. */
const WARM_UP_MISSES = 50

/** Writes the JSON report and prints where. */
function writeReport(report: Record<string, unknown>): void {
  fs.mkdirSync(path.dirname(RESULTS_FILE), { recursive: true })
  fs.writeFileSync(RESULTS_FILE, `${JSON.stringify(report, null, 2)}\n`)
  log(`wrote ${path.relative(process.cwd(), RESULTS_FILE)}`)
}

async function main(): Promise<void> {
  const scenarios: ScenarioResult[] = []
  const rows: MetricRow[] = []
  const report: Record<string, unknown> = {
    finishedAt: '',
    node: process.version,
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? 'unknown',
    articles,
  }
  // The ranking engine first, on its own temp database, before the app's data fills the heap.
  if (runs('rankings')) {
    const rankings = await rankingScenario({
      articles: Number(options['rankings-articles']),
      events: Number(options['rankings-events']),
      log,
    })
    scenarios.push(rankings)
  }
  // Feeds and sitemaps on their own 100,000-story database, before the app's data fills the heap.
  if (runs('distribution')) {
    scenarios.push(
      await distributionScenario({ articles: Number(options['distribution-articles']), log }),
    )
  }
  // Export and restore of --articles stories, on temp databases of their own.
  if (runs('export')) scenarios.push(await exportRestoreScenario({ articles, log }))
  // The newsroom dashboard's queries on their own 100,000-story, 10-million-view database.
  if (runs('dashboard')) {
    scenarios.push(
      await dashboardScenario({
        articles: Number(options['dashboard-articles']),
        events: Number(options['dashboard-views']),
        postgresUrl: options['dashboard-pg'] ?? process.env.MASTHEAD_TEST_PG_URL,
        log,
      }),
    )
  }
  // Reader pages on their own 100,000-story, 10-million-view archive, every request a miss.
  if (runs('scale')) scenarios.push(await measureScale())
  // Search on its own temp database too: 100,000 stories indexed, then a mix of queries.
  if (runs('search')) {
    scenarios.push(
      await searchScenario({
        articles: Number(options['search-articles']),
        postgresUrl: options['search-pg'],
        log,
      }),
    )
  }
  // A WordPress archive moving in, in processes of their own (peak RSS is the importer's alone).
  if (runs('imports')) {
    scenarios.push(
      await wxrImportScenario({
        posts: Number(options['wxr-posts']),
        photos: Number(options['wxr-photos']),
        log,
      }),
    )
  }
  // Start-up next, in processes of its own, while this process holds no app.
  if (runs('startup')) scenarios.push(await measureStartup())
  // Workers on one machine, on PostgreSQL, against nginx with as many workers.
  if (runs('workers'))
    scenarios.push(
      await workersScenario({
        postgresUrl: options['workers-pg'] ?? process.env.MASTHEAD_TEST_PG_URL,
        workers: Number(options['workers-count']),
        seconds: HOT_PATH_SECONDS,
        log,
      }),
    )
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'masthead-bench-'))
  let app: App | undefined
  try {
    if (runs('reading') || runs('comments') || runs('views') || runs('newsroom')) {
      app = await prepareApp(dir)
      await app.web.listen({ host: '127.0.0.1', port: 0 })
      const address = app.web.server.address()
      if (address === null || typeof address === 'string') throw new Error('no TCP address')
      const origin = `http://127.0.0.1:${address.port}`
      const paths = await storyPaths(app, misses + 2 + WARM_UP_MISSES)
      const commentedPath = paths.pop()
      const [warmPath, ...rest] = paths
      const warmUpPaths = rest.slice(0, WARM_UP_MISSES)
      const missPaths = rest.slice(WARM_UP_MISSES)
      if (warmPath === undefined || commentedPath === undefined || missPaths.length === 0)
        throw new Error('too few stories to measure')

      if (runs('reading')) {
        // A just-started process compiles its hot paths on the first requests and still carries
        // the seeding's garbage; like any server in service, measure it after a short warm-up on
        // other stories (these are not counted and are never requested again).
        log(`warm-up: ${warmUpPaths.length} other stories, not counted`)
        await cacheMissScenario({ origin, articlePaths: warmUpPaths })
        log(`cache-miss: ${missPaths.length} distinct stories, once each`)
        const cacheMiss = await cacheMissScenario({ origin, articlePaths: missPaths })
        log(`warm: ${warmPath} with autocannon`)
        const warm = await warmArticleScenario(`${origin}${warmPath}`)
        log('ceiling: a bare node:http server sending the same bytes, with autocannon')
        const ceiling = await bareCeilingScenario(`${origin}${warmPath}`)
        const share = warm.load.requestsPerSecond / ceiling.load.requestsPerSecond
        report.warmShareOfCeiling = share
        scenarios.push(warm, ceiling, cacheMiss)
        rows.push(...warm.rows, ...ceiling.rows, {
          metric: 'warm share of the bare ceiling',
          value: `${(share * 100).toFixed(1)} %`,
          target: `>= ${WARM_SHARE_TARGET * 100} %`,
          pass: share >= WARM_SHARE_TARGET,
        })
        rows.push(...cacheMiss.rows)
      }
      if (runs('comments')) {
        log(`comments: JSON posts with autocannon, then ${commentedPath} with 10,000 comments`)
        const commentsResult = await commentsScenario(app, origin, commentedPath)
        scenarios.push(commentsResult)
        rows.push(...commentsResult.rows)
      }
      if (runs('views')) {
        log('view counting: beacons with autocannon, then in-process counts')
        const views = await viewCountingScenario(app, origin, await storyRefs(app, 50))
        scenarios.push(views)
        rows.push(...views.rows)
      }
      if (runs('newsroom')) {
        log('newsroom: saving a draft and publishing, in-process, on the seeded archive')
        const newsroomResult = await newsroomScenario(app)
        scenarios.push(newsroomResult)
        rows.push(...newsroomResult.rows)
      }
    }
    rows.push(...(scenarios.find((s) => s.name === 'startup')?.rows ?? []))
    rows.push(...(scenarios.find((s) => s.name === 'workers')?.rows ?? []))
    rows.push(...(scenarios.find((s) => s.name === 'distribution')?.rows ?? []))
    rows.push(...(scenarios.find((s) => s.name === 'wxr-import')?.rows ?? []))
    rows.push(...(scenarios.find((s) => s.name === 'export')?.rows ?? []))
    // The ranking and search rows last: they come from their own data sets, not the 10,000 seeded stories.
    const rankingRows = scenarios.find((s) => s.name === 'rankings')?.rows ?? []
    rows.push(...rankingRows)
    rows.push(...(scenarios.find((s) => s.name === 'search')?.rows ?? []))
    rows.push(...(scenarios.find((s) => s.name === 'dashboard')?.rows ?? []))
    rows.push(...(scenarios.find((s) => s.name === 'scale')?.rows ?? []))
    printTable(rows)
    report.finishedAt = new Date().toISOString()
    report.scenarios = Object.fromEntries(scenarios.map((s) => [s.name, s.data]))
    report.checks = rows.filter((row) => row.pass !== undefined)
    writeReport(report)
  } finally {
    if (app !== undefined) await closeApp(app)
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

const deadline = setTimeout(() => {
  console.error(`[bench] gave up after ${TIME_LIMIT_MS / 60000} minutes`)
  process.exit(1)
}, TIME_LIMIT_MS)
deadline.unref()
try {
  await main()
} catch (error) {
  console.error('[bench] failed:', error)
  process.exitCode = 1
}

/**
 * `npm run bench:soak -- --minutes 10`: two compiled Masthead processes on one fresh PostgreSQL
 * database, behind the soak's own round-robin balancer, under mixed reader and comment load for
 * N minutes; one is SIGKILLed under load and restarted. Prints requests, latencies, memory and
 * the fault figures, checks them (no 5xx, no failure on a live process, every acknowledged
 * comment stored, views lost within the flush window, memory flat) and exits non-zero when a
 * check fails. 127.0.0.1 only; the database and the processes are removed at the end, Ctrl-C
 * included.
 */

import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { setTimeout as wait } from 'node:timers/promises'
import { parseArgs } from 'node:util'
import { type Backend, backend, type Balancer, createBalancer } from './soak-balancer.js'
import {
  createSoakDatabase,
  seedDemo,
  siteMap,
  type SoakDatabase,
  storedMarkers,
  type StoryPath,
  totalViews,
} from './soak-database.js'
import {
  type CommentLedger,
  createCommentLedger,
  createRequestLedger,
  createViewLedger,
  type RequestLedger,
} from './soak-ledger.js'
import { createLoad, type Load } from './soak-load.js'
import type { RssSample } from './soak-report.js'
import { freePort } from './free-port.js'
import { heapGrowth, heapSnapshotOptions, takeHeapSnapshot } from './soak-heap.js'
import { type SoakServer, startServer } from './soak-servers.js'
import { type Probe, type Timeline, verdict } from './soak-verdict.js'

const ROOT = path.resolve(import.meta.dirname, '..')
const HELP = `Usage: npm run bench:soak -- [--minutes N] [--rate R] [--comment-rate C] [--articles N]
                                  [--flush-ms MS] [--pg URL] [--heap-snapshots DIR]

  --minutes N        how long the load runs (default 10, at most 120)
  --rate R           reader actions started per second (default 100): front and section pages,
                     story visits (page + beacon) and CDN visits (beacon only)
  --comment-rate C   comments per second, half through the API, half through the form (default 2)
  --articles N       demo stories seeded (default 300)
  --flush-ms MS      MASTHEAD_VIEW_FLUSH_MS for both servers (default 1000)
  --pg URL           a PostgreSQL server on this machine (default postgres://postgres@127.0.0.1:5432/);
                     the soak creates a database of its own there and drops it at the end
  --heap-snapshots DIR  heap snapshots of A into DIR (kept), after warm-up and at the end of
                     the load, and what grew between them; each holds A for a few seconds and
                     swells its memory meanwhile, so latency and memory figures are disturbed`

/** When A's first heap snapshot is taken (--heap-snapshots), or half-way through a short run. */
const SNAPSHOT_AFTER_MS = 300_000

/** RSS is read this often. */
const SAMPLE_EVERY_MS = 5_000

const log = (message: string): void => console.log(`[soak] ${message}`)
const loadAverage = (): string =>
  os
    .loadavg()
    .map((n) => n.toFixed(2))
    .join(', ')

interface Options {
  minutes: number
  rate: number
  commentRate: number
  articles: number
  flushMs: number
  pg: string
  heapSnapshots: string | undefined
}

function parseOptions(): Options | undefined {
  const { values } = parseArgs({
    options: {
      minutes: { type: 'string', default: '10' },
      rate: { type: 'string', default: '100' },
      'comment-rate': { type: 'string', default: '2' },
      articles: { type: 'string', default: '300' },
      'flush-ms': { type: 'string', default: '1000' },
      pg: { type: 'string', default: 'postgres://postgres@127.0.0.1:5432/' },
      'heap-snapshots': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  })
  if (values.help === true) return undefined
  const number = (name: string, raw: string, min: number, max: number): number => {
    const value = Number(raw)
    if (!(value >= min && value <= max)) throw new Error(`--${name} must be ${min} to ${max}`)
    return value
  }
  return {
    minutes: number('minutes', values.minutes, 0.5, 120),
    rate: number('rate', values.rate, 1, 5000),
    commentRate: number('comment-rate', values['comment-rate'], 0, 50),
    articles: Math.round(number('articles', values.articles, 10, 200_000)),
    flushMs: Math.round(number('flush-ms', values['flush-ms'], 100, 60_000)),
    pg: values.pg,
    heapSnapshots:
      values['heap-snapshots'] === undefined ? undefined : path.resolve(values['heap-snapshots']),
  }
}

/** Builds dist/ when it is missing or older than a file under src/ (the servers run dist/). */
function ensureBuilt(): void {
  const main = path.join(ROOT, 'dist/server/main.js')
  const builtAt = fs.existsSync(main) ? fs.statSync(main).mtimeMs : 0
  const newest = (dir: string): number =>
    Math.max(
      0,
      ...fs.readdirSync(dir, { withFileTypes: true }).map((entry) => {
        const full = path.join(dir, entry.name)
        return entry.isDirectory() ? newest(full) : fs.statSync(full).mtimeMs
      }),
    )
  if (builtAt > newest(path.join(ROOT, 'src'))) return
  log('building dist/ (npm run build)…')
  execFileSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit' })
}

/** Everything the run made, for the cleanup. */
interface Resources {
  load: Load | undefined
  db: SoakDatabase | undefined
  servers: SoakServer[]
  balancer: Balancer | undefined
  dir: string | undefined
}

async function cleanUp(resources: Resources): Promise<void> {
  await resources.load?.stop()
  resources.balancer?.close()
  await Promise.all(resources.servers.map((server) => server.stop('SIGKILL')))
  if (resources.db !== undefined) {
    try {
      await resources.db.drop()
      log(`dropped database ${resources.db.name}`)
    } catch (error) {
      log(`could not drop database ${resources.db.name}: ${String(error)}`)
    }
  }
  if (resources.dir !== undefined) fs.rmSync(resources.dir, { recursive: true, force: true })
}

/**
 * The rejoin check: `target` serves the story page from its cache (the same ETag 1.1 s apart; the
 * page's view token changes every second when rendered anew), a comment posted on `origin`
 * appears on it. Resolves with the milliseconds that took, undefined when not within 5 s.
 */
async function purgeProbe(
  balancer: Balancer,
  origin: Backend,
  target: Backend,
  storyPath: string,
  slug: string,
  marker: string,
  comments: CommentLedger,
  signal: AbortSignal,
): Promise<Probe> {
  const headers = { 'user-agent': 'Mozilla/5.0 (compatible; soak-probe-bot/1.0)' }
  const get = (wantBody: boolean) =>
    balancer.sendTo(target, 'probe', { method: 'GET', path: storyPath, headers, wantBody })
  // A render that a purge (any comment of the load) overtakes is not stored: try a few times.
  let cached = false
  for (let attempt = 0; attempt < 5 && !cached; attempt++) {
    const first = await get(false)
    await wait(1_100, undefined, { signal })
    const second = await get(false)
    cached = first?.headers.etag !== undefined && first.headers.etag === second?.headers.etag
  }
  const posted = await balancer.sendTo(origin, 'comment-api', {
    method: 'POST',
    path: `/api/v1/articles/${slug}/comments`,
    headers: {
      'user-agent': 'Mozilla/5.0 (X11; Linux x86_64; rv:132.0) Gecko/20100101 Firefox/132.0',
      'x-forwarded-for': '192.168.77.1',
      'content-type': 'application/json',
    },
    body: JSON.stringify({ name: 'Soak probe', body: `${marker} Posted to test the purge.` }),
    wantBody: true,
  })
  if (posted?.status !== 201) {
    comments.lost(marker)
    return { cached, ms: undefined, answeredMs: undefined }
  }
  comments.ack(
    marker,
    'api',
    (JSON.parse(posted.body) as { comment?: { id?: number } }).comment?.id,
  )
  // The purge's delay is when the first request that shows the comment was sent: a process busy
  // with something else (its rankings warm-up) answers late, but already purged.
  const started = performance.now()
  while (performance.now() - started < 5_000) {
    const sent = performance.now() - started
    const page = await get(true)
    if (page?.body.includes(marker) === true)
      return { cached, ms: sent, answeredMs: performance.now() - started }
    await wait(20, undefined, { signal })
  }
  return { cached, ms: undefined, answeredMs: undefined }
}

/**
 * At `killAtMs` into the load, SIGKILLs B (the balancer finds out by itself); `downMs` later
 * starts it again on its port as B', waits until the balancer's health check takes it back,
 * and probes that it receives purges.
 */
async function faultAndRejoin(context: {
  balancer: Balancer
  backends: Backend[]
  ledger: RequestLedger
  killed: Set<string>
  comments: CommentLedger
  env: Record<string, string>
  signal: AbortSignal
  killAtMs: number
  downMs: number
  b: SoakServer
  probePath: StoryPath | undefined
  probeMarker: string
  onRestart: (server: SoakServer) => void
}): Promise<Timeline> {
  const { balancer, backends, ledger, killed, b, signal } = context
  const [first, slot] = backends
  if (first === undefined || slot === undefined || context.probePath === undefined)
    throw new Error('two backends and a story are needed')
  await wait(context.killAtMs, undefined, { signal })
  const survivorBefore = ledger.answeredBy('A')
  killed.add('B')
  const killAt = Date.now()
  await b.stop('SIGKILL')
  log(`B (pid ${b.pid}) SIGKILLed`)
  await wait(context.downMs, undefined, { signal })
  const downAt = balancer.markedDownAt()
  const fault = {
    killedPid: b.pid,
    markedDownMs: downAt === undefined ? undefined : downAt - killAt,
    survivorServed: ledger.answeredBy('A') - survivorBefore,
  }
  // The restart: the same command on the same port; the balancer's health check lets it in.
  const restartedAt = Date.now()
  const b2 = await startServer("B'", slot.port, context.env)
  context.onRestart(b2)
  const startedMs = Date.now() - restartedAt
  slot.instance = "B'"
  while (!slot.up && Date.now() - restartedAt < 60_000) await wait(25, undefined, { signal })
  const upMs = slot.up ? Date.now() - restartedAt : undefined
  log(`B' (pid ${b2.pid}) serving ${startedMs} ms after the restart, back in rotation`)
  const story = context.probePath
  const probe = await purgeProbe(
    balancer,
    first,
    slot,
    `/${story.section}/${story.slug}`,
    story.slug,
    context.probeMarker,
    context.comments,
    signal,
  )
  return {
    killAt,
    fault,
    rejoin: { startedMs, upMs, probe },
    answeredAtRejoin: ledger.answeredBy("B'"),
  }
}

async function main(): Promise<number> {
  const options = parseOptions()
  if (options === undefined) {
    console.log(HELP)
    return 0
  }
  const durationMs = options.minutes * 60_000
  const killAtMs = Math.round(durationMs * 0.4)
  const downMs = Math.min(30_000, Math.max(5_000, Math.round(durationMs * 0.1)))
  const controller = new AbortController()
  const { signal } = controller
  let interrupted = false
  const onSignal = (name: string) => () => {
    if (interrupted) return
    interrupted = true
    log(`${name}: stopping, cleaning up…`)
    controller.abort()
  }
  process.once('SIGINT', onSignal('SIGINT'))
  process.once('SIGTERM', onSignal('SIGTERM'))
  // Never left running: the whole soak, set-up and checks included, ends within this.
  const watchdog = setTimeout(
    () => {
      log('the soak overran its time limit: stopping')
      controller.abort()
    },
    durationMs + 10 * 60_000,
  )
  watchdog.unref()

  const resources: Resources = {
    load: undefined,
    db: undefined,
    servers: [],
    balancer: undefined,
    dir: undefined,
  }
  try {
    log(`${new Date().toISOString()}, load average ${loadAverage()} (${os.cpus().length} cores)`)
    ensureBuilt()
    resources.dir = fs.mkdtempSync(path.join(os.tmpdir(), 'masthead-soak-'))
    const heapDir = options.heapSnapshots
    if (heapDir !== undefined) fs.mkdirSync(heapDir, { recursive: true })
    const db = await createSoakDatabase(options.pg)
    resources.db = db
    const [portA, portB] = [await freePort(), await freePort()]
    const siteUrl = `http://127.0.0.1:${portA}`
    const env = {
      MASTHEAD_DATABASE_URL: db.url,
      MASTHEAD_MEDIA_DIR: path.join(resources.dir, 'media'),
      MASTHEAD_SITE_URL: siteUrl,
      MASTHEAD_DEMO: 'false',
      // The soak is the load balancer: one proxy hop, so each reader has an address of its own.
      MASTHEAD_TRUST_PROXY: '1',
      MASTHEAD_VIEW_FLUSH_MS: String(options.flushMs),
      ...(heapDir === undefined ? {} : { NODE_OPTIONS: heapSnapshotOptions(heapDir) }),
    }
    log(`database ${db.name}: seeding ${options.articles} demo stories (masthead seed)…`)
    await seedDemo(env, options.articles)
    const { stories, sections } = await siteMap(db)
    const viewsBefore = await totalViews(db)

    log(`starting A on ${portA} and B on ${portB} (package.json "start": the compiled server)`)
    const [a, b] = await Promise.all([startServer('A', portA, env), startServer('B', portB, env)])
    resources.servers.push(a, b)
    const ledger = createRequestLedger()
    const killed = new Set<string>()
    const backends = [backend('a', portA, 'A'), backend('b', portB, 'B')]
    const balancer = createBalancer(backends, ledger, killed)
    resources.balancer = balancer
    while (!backends.every((x) => x.up)) await wait(50, undefined, { signal })

    const views = createViewLedger()
    const comments = createCommentLedger()
    const marker = `soak${Date.now().toString(36)}n`
    const totalComments = options.commentRate * options.minutes * 60
    // Each commenter posts at most 3 a minute and 20 a run: under the default limits (5 a minute
    // and 30 a day per reader, 10 and 100 per address), which stay on.
    const commenters = Math.max(
      50,
      Math.ceil(options.commentRate * 20),
      Math.ceil(totalComments / 20),
    )
    const load = createLoad({
      balancer,
      views,
      comments,
      stories,
      sections,
      siteUrl,
      rate: options.rate,
      commentRate: options.commentRate,
      commenters,
      marker,
    })

    const samples: RssSample[] = []
    const current = new Map<string, SoakServer>([
      ['a', a],
      ['b', b],
    ])
    let loadStarted = performance.now()
    const sample = (): void => {
      const at = (performance.now() - loadStarted) / 1000
      for (const server of current.values()) {
        const rssMiB = server.rssMiB()
        if (rssMiB !== undefined) samples.push({ at, instance: server.instance, rssMiB })
      }
    }
    log(
      `load for ${options.minutes} min: ${options.rate} reader actions/s and ` +
        `${options.commentRate} comments/s by ${commenters} commenters; B is SIGKILLed at ` +
        `${(killAtMs / 1000).toFixed(0)} s and restarted ${(downMs / 1000).toFixed(0)} s later`,
    )
    loadStarted = performance.now()
    sample()
    load.start()
    resources.load = load
    const sampler = setInterval(sample, SAMPLE_EVERY_MS)
    const progressEvery = options.minutes >= 3 ? 60_000 : 15_000
    const progress = setInterval(() => {
      const at = (performance.now() - loadStarted) / 1000
      let answered = 0
      let failed = 0
      let serverErrors = 0
      for (const tally of ledger.kinds.values()) {
        answered += tally.latencies.length
        failed += tally.failed
        serverErrors += tally.serverErrors
      }
      const rss = [...current.values()]
        .map((s) => `${s.instance} ${(s.rssMiB() ?? 0).toFixed(0)} MiB`)
        .join(', ')
      log(
        `${at.toFixed(0)} s: ${answered.toLocaleString('en')} answered ` +
          `(${Math.round(answered / at)}/s), 5xx ${serverErrors}, failed ${failed}, RSS ${rss}, ` +
          `load ${loadAverage()}`,
      )
    }, progressEvery)

    const loadAtStart = loadAverage()
    // A's first snapshot after its warm-up (not a moment B is down for long), the last at the end.
    const snapshots: string[] = []
    const snapshotOfA = async (): Promise<void> => {
      if (heapDir === undefined) return
      const at = ((performance.now() - loadStarted) / 1000).toFixed(0)
      log(`heap snapshot of A at ${at} s…`)
      const file = await takeHeapSnapshot(a.pid, heapDir)
      snapshots.push(file)
      log(`heap snapshot of A written: ${file}`)
    }
    const firstSnapshot =
      heapDir === undefined
        ? Promise.resolve()
        : wait(Math.min(SNAPSHOT_AFTER_MS, durationMs / 2), undefined, { signal }).then(snapshotOfA)
    // Handled here as well: an abort (Ctrl-C) or a failed snapshot before it is awaited below
    // must not end the process as an unhandled rejection, skipping the cleanup.
    firstSnapshot.catch(() => undefined)
    let timeline: Timeline
    try {
      timeline = await faultAndRejoin({
        balancer,
        backends,
        ledger,
        killed,
        comments,
        env,
        signal,
        killAtMs,
        downMs,
        b,
        probePath: stories.at(-1) ?? stories[0],
        probeMarker: `${marker}0000`,
        onRestart: (server) => {
          resources.servers.push(server)
          current.set('b', server)
        },
      })
      await wait(Math.max(0, durationMs - (performance.now() - loadStarted)), undefined, {
        signal,
      })
    } finally {
      clearInterval(progress)
      sample()
      clearInterval(sampler)
    }
    const seconds = (performance.now() - loadStarted) / 1000
    log(`load done after ${seconds.toFixed(0)} s; waiting for requests in flight`)
    await load.stop()
    const loadEnd = loadAverage()
    await firstSnapshot
    await snapshotOfA()

    // A graceful stop flushes each survivor's last views.
    const exitCodes = await Promise.all(
      [...current.values()].map(async (server) => [server.instance, await server.stop('SIGTERM')]),
    )
    const viewsCounted = (await totalViews(db)) - viewsBefore
    const stored = await storedMarkers(db, marker)

    const code = verdict({
      ledger,
      seconds,
      load,
      samples,
      timeline,
      killAtMs,
      downMs,
      comments,
      stored,
      views,
      viewsCounted,
      flushMs: options.flushMs,
      exitCodes,
      servers: resources.servers,
      loadAtStart,
      loadEnd,
    })
    const [first, last] = [snapshots[0], snapshots.at(-1)]
    if (first !== undefined && last !== undefined && first !== last) printHeapGrowth(first, last)
    return code
  } catch (error) {
    if (interrupted) return 130
    console.error(error)
    return 2
  } finally {
    clearTimeout(watchdog)
    await cleanUp(resources)
  }
}

/** What grew in A's heap between its two snapshots, biggest change first. */
function printHeapGrowth(first: string, last: string): void {
  const growth = heapGrowth(first, last)
  const mib = (bytes: number): string => (bytes / 2 ** 20).toFixed(1)
  console.log(
    `\nA's heap (objects' own sizes): ${mib(growth.firstBytes)} MiB → ${mib(growth.secondBytes)} MiB` +
      ` (${path.basename(first)} → ${path.basename(last)})`,
  )
  console.log('     change (KiB)   objects      now (KiB)  kind')
  for (const row of growth.rows)
    console.log(
      `  ${(row.grewBytes / 1024).toFixed(0).padStart(14)} ${String(row.grewCount).padStart(9)} ` +
        `${(row.bytes / 1024).toFixed(0).padStart(14)}  ${row.kind}`,
    )
}

// Exits even if a socket or timer was left behind: the soak is never left running.
process.exit(await main())

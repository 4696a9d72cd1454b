/** View counting: beacons over HTTP per second on one process, and in-process counts per second. */

import { spawn } from 'node:child_process'
import path from 'node:path'
import type { AppServices } from '../../src/app.js'

/** The part of the running app a scenario calls directly. */
type App = { services: AppServices }
import type { ViewRequest } from '../../src/engagement/index.js'
import { LOAD } from '../load.js'
import { formatRate, type MetricRow, type ScenarioResult } from './scenario.js'

/** The beacon throughput one process must reach (issue 4). */
export const BEACONS_TARGET = 20_000
/** In-process counts per second through the real path (filter, hash, dedupe, pending add). */
export const INCREMENTS_TARGET = 1_000_000

const MB = 1024 * 1024
const formatMb = (bytes: number): string => `${(bytes / MB).toFixed(1)} MB`

interface Memory {
  rss: number
  heapUsed: number
  arrayBuffers: number
}

function memory(): Memory {
  ;(globalThis as { gc?: () => void }).gc?.()
  const { rss, heapUsed, arrayBuffers } = process.memoryUsage()
  return { rss, heapUsed, arrayBuffers }
}

const delta = (before: Memory, after: Memory): Memory => ({
  rss: after.rss - before.rss,
  heapUsed: after.heapUsed - before.heapUsed,
  arrayBuffers: after.arrayBuffers - before.arrayBuffers,
})

const memoryText = (d: Memory): string =>
  `heap ${formatMb(d.heapUsed)}, RSS ${formatMb(d.rss)}, arrays ${formatMb(d.arrayBuffers)}`

/**
 * Counts `calls` requests in-process: one million distinct readers (65,536 addresses × 16
 * browsers) reading 50 stories, about three requests each, so about a third are repeats.
 */
function measureIncrements(app: App, articleIds: readonly number[], calls: number) {
  const engagement = app.services.engagement
  const agents = Array.from({ length: 16 }, (_, i) => ({
    'user-agent': `Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/13${i}.0 Safari/537.36`,
  }))
  const addresses = Array.from(
    { length: 65_536 },
    (_, i) => `10.${(i >>> 8) & 255}.${i & 255}.${(i * 7) & 255}`,
  )
  const readers = 1_000_000
  const before = memory()
  const statsBefore = engagement.viewStats()
  const started = process.hrtime.bigint()
  for (let i = 0; i < calls; i++) {
    const r = Math.imul(i, 2654435761) >>> 0
    const reader = r % readers
    const request: ViewRequest = {
      method: 'GET',
      address: addresses[reader & 0xffff] ?? '',
      headers: agents[reader >>> 16] ?? {},
    }
    engagement.countView(articleIds[(r >>> 20) % articleIds.length] ?? 0, request)
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9
  const stats = engagement.viewStats()
  return {
    calls,
    perSecond: calls / seconds,
    counted: stats.counted - statsBefore.counted,
    repeats: stats.repeats - statsBefore.repeats,
    memory: delta(before, memory()),
    dedupeBytes: stats.dedupeBytes,
    readersHeld: stats.readers,
  }
}

/** Runs bench/beacon-load.ts in a child (autocannon never shares the server's thread). */
async function runBeaconLoad(origin: string, slugs: readonly string[], tokens: readonly string[]) {
  const script = path.resolve(import.meta.dirname, '../beacon-load.ts')
  const args = JSON.stringify({ origin, slugs, tokens, ...LOAD })
  const child = spawn(process.execPath, ['--import', 'tsx', script, args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let stdout = ''
  let stderr = ''
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk))
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))
  const code = await new Promise<number | null>((resolve, reject) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), (LOAD.durationSeconds + 60) * 1000)
    child.once('error', reject)
    child.once('close', (exitCode) => {
      clearTimeout(timer)
      resolve(exitCode)
    })
  })
  if (code !== 0) throw new Error(`beacon load exited with ${code}: ${stderr.slice(-500)}`)
  const json = JSON.parse(stdout) as {
    requests: { average: number; total: number }
    latency: { p50: number; p99: number }
    errors: number
    timeouts: number
    non2xx: number
  }
  return {
    requestsPerSecond: json.requests.average,
    requests: json.requests.total,
    latencyP50Ms: json.latency.p50,
    latencyP99Ms: json.latency.p99,
    errors: json.errors,
    non2xx: json.non2xx,
  }
}

/** Measures both, with the memory each adds; `stories` are published stories (id and slug). */
export async function viewCountingScenario(
  app: App,
  origin: string,
  stories: readonly { id: number; slug: string }[],
): Promise<ScenarioResult> {
  const engagement = app.services.engagement
  await engagement.flushViews()
  const beforeHttp = memory()
  const statsBefore = engagement.viewStats()
  // The tokens the story pages carry: every beacon is checked against one.
  const tokens = await Promise.all(stories.map((s) => engagement.viewToken(s.id)))
  const load = await runBeaconLoad(
    origin,
    stories.map((s) => s.slug),
    tokens,
  )
  const httpMemory = delta(beforeHttp, memory())
  const statsAfter = engagement.viewStats()
  const flushStarted = performance.now()
  await engagement.flushViews()
  const flushMs = performance.now() - flushStarted

  const increments = measureIncrements(
    app,
    stories.map((s) => s.id),
    3_000_000,
  )
  await engagement.flushViews()

  const failures = load.errors + load.non2xx
  const rows: MetricRow[] = [
    {
      metric: 'view beacons over HTTP (one process)',
      value: formatRate(load.requestsPerSecond),
      target: `>= ${formatRate(BEACONS_TARGET)}`,
      pass: load.requestsPerSecond >= BEACONS_TARGET,
    },
    {
      metric: 'beacon latency p50 / p99',
      value: `${load.latencyP50Ms} ms / ${load.latencyP99Ms} ms`,
      target: '',
      pass: undefined,
    },
    {
      metric: 'beacon errors + non-2xx',
      value: String(failures),
      target: '0',
      pass: failures === 0,
    },
    {
      metric: 'beacon memory added',
      value: memoryText(httpMemory),
      target: '',
      pass: undefined,
    },
    {
      metric: 'view counts in-process (filter+hash+dedupe)',
      value: `${Math.round(increments.perSecond).toLocaleString('en')} /s`,
      target: `>= ${INCREMENTS_TARGET.toLocaleString('en')} /s`,
      pass: increments.perSecond >= INCREMENTS_TARGET,
    },
    {
      metric: 'in-process memory added',
      value: memoryText(increments.memory),
      target: '',
      pass: undefined,
    },
    {
      metric: 'daily dedupe memory held',
      value: `${formatMb(increments.dedupeBytes)} (${increments.readersHeld.toLocaleString('en')} readers)`,
      target: '',
      pass: undefined,
    },
  ]
  return {
    name: 'viewCounting',
    data: {
      beacons: {
        ...load,
        ...LOAD,
        counted: statsAfter.counted - statsBefore.counted,
        repeats: statsAfter.repeats - statsBefore.repeats,
        memory: httpMemory,
        flushMs,
      },
      increments,
    },
    rows,
  }
}

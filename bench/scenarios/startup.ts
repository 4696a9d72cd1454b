/** Production start-up: cold start to the first story page, the server's memory idle and under load, processes. */

import { type ChildProcess, execFile, spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { freePort } from '../free-port.js'
import { hasWrk, type HotPathResult, hotPathRows, hotPathScenario } from './hot-path.js'
import type { MetricRow, ScenarioResult } from './scenario.js'

/** Targets from issue 10. */
export const STARTUP_TARGETS = {
  coldStartMs: 1000,
  demoFirstStartMs: 10_000,
  idleRssMiB: 100,
  loadedRssMiB: 200,
  processes: 1,
} as const

/**
 * The figures measured on main before the production build (ad5305c: `npm start` = tsx, assets
 * built with esbuild and brotli at start), by this scenario on the same 2-core machine, while
 * other work kept it busy (load average 8 to 14); processes: sh, tsx, the server, esbuild.
 */
export const STARTUP_BEFORE = {
  coldStartMs: 8084,
  demoFirstStartMs: 44_031,
  idleRssMiB: 287.6,
  loadedRssMiB: 361.7,
  processes: 4,
} as const

/** How the server is started: the command `npm start` runs, from `cwd`. */
export interface StartCommand {
  cwd: string
  command: string
  args: readonly string[]
}

export interface StartupOptions {
  start: StartCommand
  /** MASTHEAD_* settings pointing at the seeded database; the port is chosen here. */
  env: Record<string, string>
  /** Every published story's path; the first one is the cold-start probe. */
  storyPaths: readonly string[]
  /** Settings for a fresh database and media directory, for the first start with the demo. */
  demoEnv?: Record<string, string>
  /** Seconds of load over all story paths before the second memory reading. */
  loadSeconds?: number
  log: (message: string) => void
}

const execFileAsync = promisify(execFile)
const COLD_STARTS = 5
/** "Idle after start" means after the engine's first refreshes, not the instant it listens. */
const IDLE_AFTER_MS = 10_000
/** Seconds of each wrk run in the hot-path comparison. */
export const HOT_PATH_SECONDS = 15

/** Runs every start-up measurement in turn and returns the rows beside the earlier figures. */
export async function startupScenario(options: StartupOptions): Promise<ScenarioResult> {
  const { log } = options
  const probe = options.storyPaths[0]
  if (probe === undefined) throw new Error('startup: no story to request')

  const coldStarts: number[] = []
  for (let run = 1; run <= COLD_STARTS; run++) {
    const server = await launch(options.start, options.env)
    try {
      coldStarts.push(await untilOk(server, probe, 30_000))
    } finally {
      await server.stop()
    }
    log(`  cold start ${run}/${COLD_STARTS}: ${coldStarts.at(-1)?.toFixed(0)} ms`)
  }
  const coldStartMs = median(coldStarts)

  const server = await launch(options.start, options.env)
  let idle: Memory
  let loaded: Memory
  let requests = 0
  let hotPath: HotPathResult | undefined
  try {
    await untilOk(server, probe, 30_000)
    // "Idle" is after the start-up work: the engine's warm-up runs for a second or two after the
    // first 200 on a quiet machine, and for several seconds on a busy one.
    const warmMs = await untilWarm(server, 60_000)
    log(`  warm ${warmMs.toFixed(0)} ms after the first 200`)
    await sleep(IDLE_AFTER_MS)
    idle = memoryOf(server.pid)
    log(`  idle: ${idle.serverMiB.toFixed(1)} MiB in ${idle.processes.length} processes`)
    if (await hasWrk())
      hotPath = await hotPathScenario({
        url: `${server.origin}${probe}`,
        seconds: HOT_PATH_SECONDS,
        nginxWorkers: 1,
        pinPids: groupMembers(server.pid),
        log,
      })
    else log('  hot path: wrk is not installed (apt-get install wrk): not measured')
    const seconds = options.loadSeconds ?? 60
    log(`  load: ${seconds} s over ${options.storyPaths.length} story pages with wrk`)
    requests = await loadPaths(server.origin, options.storyPaths, seconds)
    loaded = memoryOf(server.pid)
    log(`  after load: ${loaded.serverMiB.toFixed(1)} MiB, ${requests} requests`)
  } finally {
    await server.stop()
  }

  let demoFirstStartMs = NaN
  if (options.demoEnv !== undefined) {
    const demo = await launch(options.start, options.demoEnv)
    try {
      demoFirstStartMs = await untilOk(demo, '/', 120_000)
    } finally {
      await demo.stop()
    }
    log(`  first start with the demo: ${demoFirstStartMs.toFixed(0)} ms`)
  }

  const processes = idle.processes.filter((p) => !p.npm).length
  const row = (
    metric: string,
    value: number,
    unit: string,
    before: number,
    target: number,
    pass: boolean,
    comparator: string,
  ): MetricRow => ({
    metric,
    value: Number.isNaN(value)
      ? 'not measured'
      : `${value.toFixed(unit === 'MiB' ? 1 : 0)} ${unit}`.trim(),
    target: `${comparator} ${`${target} ${unit}`.trim()} (before: ${`${before} ${unit}`.trim()})`,
    pass: Number.isNaN(value) ? undefined : pass,
  })
  const t = STARTUP_TARGETS
  const b = STARTUP_BEFORE
  return {
    name: 'startup',
    data: {
      coldStartsMs: coldStarts,
      coldStartMs,
      idleRssMiB: idle.serverMiB,
      loadedRssMiB: loaded.serverMiB,
      loadRequests: requests,
      processes: idle.processes,
      demoFirstStartMs,
      hotPath,
      before: b,
    },
    rows: [
      row(
        `cold start to a story page (median of ${COLD_STARTS})`,
        coldStartMs,
        'ms',
        b.coldStartMs,
        t.coldStartMs,
        coldStartMs < t.coldStartMs,
        '<',
      ),
      row(
        'first start with the demo (300 stories)',
        demoFirstStartMs,
        'ms',
        b.demoFirstStartMs,
        t.demoFirstStartMs,
        demoFirstStartMs < t.demoFirstStartMs,
        '<',
      ),
      row(
        'server RSS idle (10 s after the warm-up)',
        idle.serverMiB,
        'MiB',
        b.idleRssMiB,
        t.idleRssMiB,
        idle.serverMiB <= t.idleRssMiB,
        '<=',
      ),
      row(
        `server RSS after ${options.loadSeconds ?? 60} s of load`,
        loaded.serverMiB,
        'MiB',
        b.loadedRssMiB,
        t.loadedRssMiB,
        loaded.serverMiB <= t.loadedRssMiB,
        '<=',
      ),
      row(
        'processes besides npm',
        processes,
        '',
        b.processes,
        t.processes,
        processes <= t.processes,
        '<=',
      ),
      ...(hotPath === undefined
        ? []
        : hotPathRows('warm story page, npm start (1 process)', hotPath, 'bare')),
    ],
  }
}

interface Launched {
  /** The process-group leader (npm, or node itself). */
  pid: number
  origin: string
  stop(): Promise<void>
}

/** Starts the server in its own process group on a free port; resolves once spawned. */
async function launch(start: StartCommand, env: Record<string, string>): Promise<Launched> {
  const port = await freePort()
  // The server's log lines go to a file, as an operator's would (not /dev/null: writing them is
  // part of what a request costs); removed once the server stops.
  const logFile = path.join(os.tmpdir(), `masthead-bench-${port}.log`)
  const logFd = fs.openSync(logFile, 'w')
  const child: ChildProcess = spawn(start.command, start.args, {
    cwd: start.cwd,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? os.homedir(),
      ...env,
      MASTHEAD_HOST: '127.0.0.1',
      MASTHEAD_PORT: String(port),
    },
    detached: true,
    stdio: ['ignore', logFd, logFd],
  })
  fs.closeSync(logFd)
  const pid = child.pid
  if (pid === undefined) throw new Error(`could not spawn ${start.command}`)
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  return {
    pid,
    origin: `http://127.0.0.1:${port}`,
    stop: async () => {
      // The whole group: npm forwards signals, but tsx's wrapper and esbuild's service must go too.
      try {
        process.kill(-pid, 'SIGTERM')
      } catch {
        return
      }
      const killed = setTimeout(() => {
        try {
          process.kill(-pid, 'SIGKILL')
        } catch {
          // already gone
        }
      }, 10_000)
      await exited
      clearTimeout(killed)
      // Let the group's last members (npm's children) finish exiting before the next start.
      for (let i = 0; i < 100 && groupMembers(pid).length > 0; i++) await sleep(50)
      fs.rmSync(logFile, { force: true })
    },
  }
}

/** Polls `path` every 10 ms until it answers 200; resolves with the ms since the call. */
/** Waits until /healthz says the process's rails are warm; returns how long that took. */
async function untilWarm(server: Launched, limitMs: number): Promise<number> {
  const started = performance.now()
  while (performance.now() - started < limitMs) {
    const response = await fetch(`${server.origin}/healthz`, { signal: AbortSignal.timeout(5000) })
    const health = (await response.json()) as { warm?: boolean }
    if (health.warm === true) return performance.now() - started
    await sleep(50)
  }
  throw new Error(`startup: the server was not warm after ${limitMs} ms`)
}

async function untilOk(server: Launched, path: string, limitMs: number): Promise<number> {
  const started = performance.now()
  while (performance.now() - started < limitMs) {
    try {
      const response = await fetch(`${server.origin}${path}`, { signal: AbortSignal.timeout(5000) })
      await response.arrayBuffer()
      if (response.status === 200) return performance.now() - started
    } catch {
      // not listening yet
    }
    await sleep(10)
  }
  throw new Error(`${server.origin}${path} gave no 200 within ${limitMs} ms`)
}

interface Memory {
  /** VmRSS of the process serving HTTP (the group's largest), in MiB. */
  serverMiB: number
  processes: { pid: number; name: string; rssMiB: number; npm: boolean }[]
}

/** Reads VmRSS of every process in `group` from /proc. */
function memoryOf(group: number): Memory {
  const processes = groupMembers(group).map((pid) => {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8')
    const rssKiB = Number(/^VmRSS:\s+(\d+)/m.exec(status)?.[1] ?? 0)
    const cmdline = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ').trim()
    const npm =
      /(^|\/)npm(-cli\.js)?( |$)|npm-cli\.js|^npm /.test(cmdline) || cmdline.startsWith('npm')
    return { pid, name: cmdline.slice(0, 80), rssMiB: rssKiB / 1024, npm }
  })
  const serverMiB = Math.max(0, ...processes.filter((p) => !p.npm).map((p) => p.rssMiB))
  return { serverMiB, processes }
}

/** Pids whose process group is `group` (field 5 of /proc/<pid>/stat). */
function groupMembers(group: number): number[] {
  const pids: number[] = []
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8')
      // The command name may hold spaces; the fields after its closing parenthesis do not.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
      if (Number(fields[2]) === group && fields[0] !== 'Z') pids.push(Number(entry))
    } catch {
      // exited meanwhile
    }
  }
  return pids
}

/** Spreads `seconds` of wrk load over `paths` (loopback only); resolves with the request count. */
async function loadPaths(
  origin: string,
  paths: readonly string[],
  seconds: number,
): Promise<number> {
  if (!/^http:\/\/127\.0\.0\.1:\d+$/.test(origin)) throw new Error(`refusing to load ${origin}`)
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'masthead-wrk-'))
  try {
    const list = path.join(dir, 'paths.txt')
    fs.writeFileSync(list, `${paths.join('\n')}\n`)
    const script = path.join(dir, 'paths.lua')
    // Each wrk thread walks the list from its own offset, so all stories get requested.
    fs.writeFileSync(
      script,
      [
        'local paths = {}',
        `for line in io.lines(${JSON.stringify(list)}) do paths[#paths + 1] = line end`,
        'local i = math.random(#paths)',
        'wrk.headers["Accept-Encoding"] = "br, gzip"',
        'request = function()',
        '  i = i % #paths + 1',
        '  return wrk.format("GET", paths[i])',
        'end',
        '',
      ].join('\n'),
    )
    const { stdout } = await execFileAsync(
      'wrk',
      ['-t', '2', '-c', '16', '-d', `${seconds}s`, '-s', script, origin],
      { timeout: (seconds + 30) * 1000 },
    )
    return Number(/(\d+) requests in/.exec(stdout)?.[1] ?? NaN)
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)] ?? NaN
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms))

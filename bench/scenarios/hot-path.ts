/**
 * The hot path against the hardware (issue 15): one warm story page from the real `npm start`
 * process, measured with wrk, beside a bare node:http process and nginx sending the same bytes
 * and headers. wrk, not autocannon: on 2 cores autocannon saturates near 22k req/s, below what
 * bare Node serves, which made every ratio look better than it was.
 *
 * One process is measured on a core of its own, with wrk on another (taskset, when the machine
 * has it and two cores): on a 2-core machine an unpinned server and wrk take turns on both
 * cores, and the figures swung by a fifth from run to run. Bare Node and nginx get the same
 * cores, so the ratios compare like with like. Workers are measured unpinned: they use every core.
 */

import { execFile, spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import http from 'node:http'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { freePort } from '../free-port.js'
import { fetchPageBytes, type PageBytes } from './bare-ceiling.js'
import type { MetricRow } from './scenario.js'

const execFileAsync = promisify(execFile)

/** Issue 15's targets: a warm page at 80 % of bare Node; N workers at 60 % of nginx. */
export const HOT_PATH_TARGETS = { shareOfBareNode: 0.8, shareOfNginx: 0.6 } as const

/** One wrk thread and 50 connections, as the issue measured; a browser's headers. */
const WRK_ARGS = ['-t', '1', '-c', '50']
const BROWSER_HEADERS = [
  '-H',
  'Accept-Encoding: br, gzip',
  '-H',
  'User-Agent: Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36',
]
export interface HotPathResult {
  /** Medians over the rounds (see HOT_PATH_ROUNDS). */
  mastheadRps: number
  bareRps: number
  nginxRps: number | undefined
  /** The median of each round's masthead / bare Node (not the ratio of the medians). */
  shareOfBare: number
  shareOfNginx: number | undefined
  bodyBytes: number
}

/** True when wrk is installed (Debian's package); the group says so and skips otherwise. */
export async function hasWrk(): Promise<boolean> {
  try {
    await execFileAsync('wrk', ['--version']).catch((error: { stdout?: string }) => {
      if (!String(error.stdout ?? '').includes('wrk')) throw error
    })
    return true
  } catch {
    return false
  }
}

/** The cores of a pinned measurement: the server's and the load generator's. */
interface Cores {
  server: number
  wrk: number
}

/**
 * Separate cores for a server and wrk when `taskset` (util-linux) is here and there are two
 * cores or more; undefined otherwise, and the measurement runs unpinned.
 */
async function pinningCores(): Promise<Cores | undefined> {
  const count = os.availableParallelism()
  if (count < 2) return undefined
  try {
    await execFileAsync('taskset', ['-p', String(process.pid)])
    return { server: count - 1, wrk: 0 }
  } catch {
    return undefined
  }
}

/** Moves every thread of process `pid` to `core`. */
async function pinProcess(pid: number, core: number): Promise<void> {
  await execFileAsync('taskset', ['-a', '-p', '-c', String(core), String(pid)])
}

/** The command and arguments that run `command` on `core` (unchanged when unpinned). */
function onCore(core: number | undefined, command: string, args: string[]): [string, string[]] {
  return core === undefined ? [command, args] : ['taskset', ['-c', String(core), command, ...args]]
}

/**
 * Requests/s wrk reaches on `url` over `seconds` (on `core` if given), after a 2 s warm-up run
 * unless `warm` is false.
 */
export async function wrkRate(
  url: string,
  seconds: number,
  core?: number,
  warm = true,
): Promise<number> {
  if (!/^http:\/\/127\.0\.0\.1:\d+\//.test(url)) throw new Error(`refusing to load ${url}`)
  if (warm)
    await execFileAsync(...onCore(core, 'wrk', [...WRK_ARGS, '-d', '2s', ...BROWSER_HEADERS, url]))
  const { stdout } = await execFileAsync(
    ...onCore(core, 'wrk', [...WRK_ARGS, '-d', `${seconds}s`, ...BROWSER_HEADERS, url]),
    { timeout: (seconds + 30) * 1000 },
  )
  const errors = /Non-2xx or 3xx responses: (\d+)/.exec(stdout)
  if (errors !== null) throw new Error(`wrk: ${errors[1]} non-2xx answers from ${url}`)
  return Number(/Requests\/sec:\s+([\d.]+)/.exec(stdout)?.[1] ?? NaN)
}

/**
 * Rounds of masthead, bare Node and nginx, one after the other: on a shared machine throughput
 * drifts by a fifth within a minute, so each ratio compares runs seconds apart, and the
 * figures reported are medians over the rounds.
 */
export const HOT_PATH_ROUNDS = 5

/** Measures `url` (a warm page of a running server) beside bare Node and nginx with its bytes. */
export async function hotPathScenario(options: {
  url: string
  /** Seconds of each server's measured run, spread over HOT_PATH_ROUNDS rounds. */
  seconds: number
  /** nginx worker processes (1 against one Node process). */
  nginxWorkers: number
  /**
   * The measured server's processes (npm and node): given, they are pinned to a core of their own
   * and wrk to another (see pinningCores), and so are bare Node and nginx. Omit to run unpinned.
   */
  pinPids?: readonly number[]
  log: (line: string) => void
}): Promise<HotPathResult> {
  const { url, log } = options
  const pinned = options.pinPids ?? []
  const cores = options.pinPids === undefined ? undefined : await pinningCores()
  if (cores !== undefined) {
    for (const pid of pinned) await pinProcess(pid, cores.server)
    log(`  hot path: each server on core ${cores.server}, wrk on core ${cores.wrk}`)
  } else log('  hot path: unpinned (servers and wrk share the cores)')
  const page = await fetchPageBytes(url, { 'accept-encoding': 'br, gzip' })
  const seconds = Math.max(2, Math.round(options.seconds / HOT_PATH_ROUNDS))
  const rounds = await withBareNode(page, cores?.server, async (bareOrigin) => {
    const measured = await withNginx(page, options.nginxWorkers, cores?.server, (nginxOrigin) =>
      measureRounds(url, `${bareOrigin}/`, `${nginxOrigin}/`, seconds, cores?.wrk, log),
    )
    if (measured !== undefined) return measured
    log('  hot path: nginx not installed (apt-get install nginx-light): no nginx figure')
    return measureRounds(url, `${bareOrigin}/`, undefined, seconds, cores?.wrk, log)
  })
  const nginx = rounds.map((round) => round.nginx).filter((rps) => rps !== undefined)
  const result = {
    mastheadRps: median(rounds.map((round) => round.masthead)),
    bareRps: median(rounds.map((round) => round.bare)),
    nginxRps: nginx.length === 0 ? undefined : median(nginx),
    shareOfBare: median(rounds.map((round) => round.masthead / round.bare)),
    shareOfNginx:
      nginx.length === 0
        ? undefined
        : median(rounds.map((round) => round.masthead / (round.nginx ?? NaN))),
    bodyBytes: page.body.length,
  }
  log(
    `  hot path (medians of ${rounds.length} rounds): masthead ${Math.round(result.mastheadRps)}, ` +
      `bare node:http ${Math.round(result.bareRps)}` +
      (result.nginxRps === undefined
        ? ''
        : `, nginx (${options.nginxWorkers} worker(s)) ${Math.round(result.nginxRps)}`) +
      ' req/s',
  )
  return result
}

/** One round's figures, in requests/s. */
interface Round {
  masthead: number
  bare: number
  nginx: number | undefined
}

/** HOT_PATH_ROUNDS rounds of `seconds` on each origin in turn (each warmed up in the first). */
async function measureRounds(
  mastheadUrl: string,
  bareUrl: string,
  nginxUrl: string | undefined,
  seconds: number,
  core: number | undefined,
  log: (line: string) => void,
): Promise<Round[]> {
  const rounds: Round[] = []
  for (let i = 0; i < HOT_PATH_ROUNDS; i++) {
    const warm = i === 0
    const masthead = await wrkRate(mastheadUrl, seconds, core, warm)
    const bare = await wrkRate(bareUrl, seconds, core, warm)
    const nginx = nginxUrl === undefined ? undefined : await wrkRate(nginxUrl, seconds, core, warm)
    rounds.push({ masthead, bare, nginx })
    log(
      `  hot path round ${i + 1}: masthead ${Math.round(masthead)}, bare node:http ` +
        `${Math.round(bare)}` +
        (nginx === undefined ? '' : `, nginx ${Math.round(nginx)}`) +
        ` req/s (${((masthead / bare) * 100).toFixed(0)} % of bare)`,
    )
  }
  return rounds
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = sorted.length >> 1
  return sorted.length % 2 === 1
    ? (sorted[middle] ?? NaN)
    : ((sorted[middle - 1] ?? NaN) + (sorted[middle] ?? NaN)) / 2
}

/** The rows of a hot-path result beside its targets. */
export function hotPathRows(
  label: string,
  result: HotPathResult,
  versus: 'bare' | 'nginx',
): MetricRow[] {
  const rate = (rps: number | undefined): string =>
    rps === undefined ? 'not measured' : `${Math.round(rps).toLocaleString('en')} req/s`
  const rows: MetricRow[] = [
    {
      metric: `${label} (wrk 1x50, median of ${HOT_PATH_ROUNDS} rounds)`,
      value: rate(result.mastheadRps),
      target: '',
      pass: undefined,
    },
    {
      metric: 'bare node:http, same bytes',
      value: rate(result.bareRps),
      target: '',
      pass: undefined,
    },
    { metric: 'nginx, same bytes', value: rate(result.nginxRps), target: '', pass: undefined },
  ]
  const share = result.shareOfBare
  if (versus === 'bare')
    rows.push({
      metric: `${label}: share of bare node`,
      value: `${(share * 100).toFixed(0)} %`,
      target: `>= ${HOT_PATH_TARGETS.shareOfBareNode * 100} %`,
      pass: share >= HOT_PATH_TARGETS.shareOfBareNode,
    })
  if (result.shareOfNginx !== undefined) {
    const ofNginx = result.shareOfNginx
    rows.push({
      metric: `${label}: share of nginx`,
      value: `${(ofNginx * 100).toFixed(0)} %`,
      target: versus === 'nginx' ? `>= ${HOT_PATH_TARGETS.shareOfNginx * 100} %` : '',
      pass: versus === 'nginx' ? ofNginx >= HOT_PATH_TARGETS.shareOfNginx : undefined,
    })
  }
  return rows
}

/** Runs `work` against a bare node:http child process sending `page`, then stops it. */
async function withBareNode<T>(
  page: PageBytes,
  core: number | undefined,
  work: (origin: string) => Promise<T>,
): Promise<T> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'masthead-bare-'))
  const bodyFile = path.join(dir, 'body')
  fs.writeFileSync(bodyFile, page.body)
  const source = [
    "const http = require('node:http')",
    `const body = require('node:fs').readFileSync(${JSON.stringify(bodyFile)})`,
    `const headers = ${JSON.stringify({ ...page.headers, 'content-length': String(page.body.length) })}`,
    'const server = http.createServer((req, res) => { res.writeHead(200, headers); res.end(body) })',
    "server.listen(0, '127.0.0.1', () => process.stdout.write(String(server.address().port) + '\\n'))",
  ].join('\n')
  const child = spawn(...onCore(core, process.execPath, ['-e', source]), {
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  try {
    const port = await firstLine(child)
    return await work(`http://127.0.0.1:${port}`)
  } finally {
    child.kill('SIGTERM')
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

/** Runs `work` against nginx serving `page` with its headers; undefined when nginx is missing. */
async function withNginx<T>(
  page: PageBytes,
  workers: number,
  core: number | undefined,
  work: (origin: string) => Promise<T>,
): Promise<T | undefined> {
  const nginx = ['/usr/sbin/nginx', '/usr/bin/nginx'].find((file) => fs.existsSync(file))
  if (nginx === undefined) return undefined
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'masthead-nginx-'))
  const port = await freePort()
  fs.writeFileSync(path.join(dir, 'page'), page.body)
  const quoted = (value: string): string =>
    `"${value.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`
  const headers = Object.entries(page.headers)
    .filter(([name]) => name !== 'content-type' && name !== 'x-request-id')
    .map(([name, value]) => `      add_header ${name} ${quoted(value)};`)
  fs.writeFileSync(
    path.join(dir, 'nginx.conf'),
    [
      `worker_processes ${workers};`,
      `pid ${path.join(dir, 'nginx.pid')};`,
      `error_log ${path.join(dir, 'error.log')} warn;`,
      'daemon off;',
      'events { worker_connections 1024; }',
      'http {',
      '  access_log off;',
      '  keepalive_requests 1000000;',
      `  client_body_temp_path ${dir};`,
      `  proxy_temp_path ${dir};`,
      `  fastcgi_temp_path ${dir};`,
      `  uwsgi_temp_path ${dir};`,
      `  scgi_temp_path ${dir};`,
      '  server {',
      `    listen 127.0.0.1:${port};`,
      `    root ${dir};`,
      '    location / {',
      '      types { }',
      `      default_type ${quoted(page.headers['content-type'] ?? 'text/html')};`,
      ...headers,
      '      try_files /page =404;',
      '    }',
      '  }',
      '}',
      '',
    ].join('\n'),
  )
  const child = spawn(
    ...onCore(core, nginx, [
      '-p',
      dir,
      '-c',
      path.join(dir, 'nginx.conf'),
      '-e',
      path.join(dir, 'error.log'),
    ]),
    { stdio: 'ignore' },
  )
  try {
    await untilListening(port)
    return await work(`http://127.0.0.1:${port}`)
  } finally {
    child.kill('SIGTERM')
    await new Promise((resolve) => child.once('exit', resolve))
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

function firstLine(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    child.stdout?.once('data', (chunk: Buffer) => resolve(chunk.toString('utf8').trim()))
    child.once('exit', (code) => reject(new Error(`bare server exited with ${code}`)))
  })
}

async function untilListening(port: number): Promise<void> {
  for (let tries = 0; tries < 100; tries++) {
    const ok = await new Promise<boolean>((resolve) => {
      http
        .get(`http://127.0.0.1:${port}/`, (response) => {
          response.resume()
          resolve(true)
        })
        .on('error', () => resolve(false))
    })
    if (ok) return
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  throw new Error(`nginx did not listen on ${port}`)
}

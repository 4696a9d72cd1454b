/**
 * Workers on one machine (issue 15, item 2): `npm start` with MASTHEAD_WORKERS on a fresh
 * PostgreSQL database with the demo, a warm story page under wrk, beside nginx with as many
 * workers sending the same bytes and headers (and one bare Node process, for scale).
 */

import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { freePort } from '../free-port.js'
import { createSoakDatabase, siteMap } from '../soak-database.js'
import { startScript } from '../soak-servers.js'
import { hasWrk, hotPathRows, hotPathScenario } from './hot-path.js'
import type { ScenarioResult } from './scenario.js'

const ROOT = path.resolve(import.meta.dirname, '../..')

export interface WorkersOptions {
  /** A PostgreSQL server URL on this machine; a database is created there and dropped after. */
  postgresUrl: string | undefined
  workers: number
  seconds: number
  log: (line: string) => void
}

/** Measures `npm start` with `workers` workers on PostgreSQL against nginx with as many. */
export async function workersScenario(options: WorkersOptions): Promise<ScenarioResult> {
  const { workers, log } = options
  const label = `warm story page, ${workers} workers, PostgreSQL`
  const skipped = (why: string): ScenarioResult => {
    log(`workers: not measured: ${why}`)
    return {
      name: 'workers',
      data: { skipped: why },
      rows: [{ metric: label, value: `not measured (${why})`, target: '', pass: undefined }],
    }
  }
  if (options.postgresUrl === undefined)
    return skipped('no PostgreSQL: pass --workers-pg or set MASTHEAD_TEST_PG_URL')
  if (!(await hasWrk())) return skipped('wrk is not installed (apt-get install wrk)')

  const db = await createSoakDatabase(options.postgresUrl)
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'masthead-bench-workers-'))
  const port = await freePort()
  // Log lines go to a file, as an operator's would; writing them is part of a request's cost.
  const logFd = fs.openSync(path.join(dir, 'server.log'), 'w')
  const child = spawn('sh', ['-c', startScript()], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      MASTHEAD_DATABASE_URL: db.url,
      MASTHEAD_MEDIA_DIR: path.join(dir, 'media'),
      MASTHEAD_WORKERS: String(workers),
      MASTHEAD_LOG_LEVEL: 'info',
      MASTHEAD_DEMO: 'true',
      MASTHEAD_HOST: '127.0.0.1',
      MASTHEAD_PORT: String(port),
    },
    detached: true,
    stdio: ['ignore', logFd, logFd],
  })
  fs.closeSync(logFd)
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  try {
    const origin = `http://127.0.0.1:${port}`
    await untilWarm(origin, workers, 180_000)
    const [story] = (await siteMap(db)).stories
    if (story === undefined) throw new Error('workers: the demo published no story')
    const url = `${origin}/${story.section}/${story.slug}`
    log(`workers: ${workers} workers on ${db.name}, measuring ${url}`)
    const result = await hotPathScenario({
      url,
      seconds: options.seconds,
      nginxWorkers: workers,
      log,
    })
    return {
      name: 'workers',
      data: { workers, ...result },
      rows: hotPathRows(label, result, 'nginx'),
    }
  } finally {
    try {
      if (child.pid !== undefined) process.kill(-child.pid, 'SIGTERM')
    } catch {
      // already gone
    }
    const killed = setTimeout(() => {
      if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL')
    }, 15_000)
    await exited
    clearTimeout(killed)
    await db.drop()
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

/**
 * Waits until `workers` answers of /healthz on fresh connections (the cluster hands them out
 * round-robin) say warm: every worker has its rails, as on a site that has run for a while.
 */
async function untilWarm(origin: string, workers: number, limitMs: number): Promise<void> {
  const started = performance.now()
  let warmInARow = 0
  while (warmInARow < workers * 2) {
    if (performance.now() - started > limitMs)
      throw new Error(`workers: not warm after ${limitMs} ms`)
    try {
      const response = await fetch(`${origin}/healthz`, {
        headers: { connection: 'close' },
        signal: AbortSignal.timeout(5000),
      })
      const health = (await response.json()) as { warm?: boolean }
      warmInARow = health.warm === true ? warmInARow + 1 : 0
    } catch {
      warmInARow = 0
    }
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}

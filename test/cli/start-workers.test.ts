/** `masthead start --workers N` as a real process: refused on SQLite; on PostgreSQL a restarting, draining cluster. */

import assert from 'node:assert/strict'
import fs from 'node:fs'
import http from 'node:http'
import os from 'node:os'
import path from 'node:path'
import { describe, test } from 'node:test'
import { createPostgresTestDatabase } from '../helpers/databases.js'
import { type ServerProcess, startServerProcess } from '../helpers/server-process.js'
import { newsroomFixture } from '../newsroom/newsroom-fixtures.js'

const pgUrl = process.env.MASTHEAD_TEST_PG_URL ?? ''
const requireAll = process.env.MASTHEAD_REQUIRE_ALL === '1'
const pgSkip =
  pgUrl === '' && !requireAll ? 'MASTHEAD_TEST_PG_URL is not set: PostgreSQL run skipped' : false

/** The worker pids the primary reported, by worker number, latest last. */
function workerPids(server: ServerProcess): Map<number, number> {
  const pids = new Map<number, number>()
  for (const match of server.output().matchAll(/worker (\d+) \(pid (\d+)\) is serving/g))
    pids.set(Number(match[1]), Number(match[2]))
  return pids
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

async function waitFor(check: () => boolean, ms: number, what: string): Promise<void> {
  const started = Date.now()
  while (!check()) {
    if (Date.now() - started > ms) throw new Error(`${what}: not within ${ms} ms`)
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}

describe('masthead start --workers [sqlite]', () => {
  test('more than one worker on SQLite is refused, with the reason', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'masthead-workers-'))
    try {
      await assert.rejects(
        startServerProcess({
          MASTHEAD_DATABASE_URL: `sqlite:${path.join(dir, 'site.db')}`,
          MASTHEAD_MEDIA_DIR: path.join(dir, 'media'),
          MASTHEAD_WORKERS: '2',
        }),
        /exited with 1 before serving:[\s\S]*needs PostgreSQL[\s\S]*once per process/,
      )
    } finally {
      fs.rmSync(dir, { recursive: true, force: true })
    }
  })
})

describe('masthead start --workers [postgres]', { skip: pgSkip }, () => {
  test('two workers share the port; a killed one is restarted; SIGTERM drains them all', async () => {
    assert.notEqual(pgUrl, '', 'MASTHEAD_REQUIRE_ALL=1 but MASTHEAD_TEST_PG_URL is not set')
    const database = await createPostgresTestDatabase(pgUrl)
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'masthead-workers-'))
    let server: ServerProcess | undefined
    try {
      const story = await (await newsroomFixture(database.handle.db)).story()
      const url = new URL(pgUrl)
      url.searchParams.set('options', `-c search_path=${database.searchPath ?? ''}`)
      server = await startServerProcess({
        MASTHEAD_DATABASE_URL: url.href,
        MASTHEAD_MEDIA_DIR: path.join(dir, 'media'),
        MASTHEAD_WORKERS: '2',
      })
      const cluster = server
      assert.match(cluster.output(), /with 2 workers/)
      await waitFor(() => workerPids(cluster).size === 2, 30_000, 'both workers serving')
      const pagePath = `/${story.section.slug}/${story.slug}`
      // A new connection per request (no keep-alive pool): a pooled socket to the worker killed
      // below would reset, which says nothing about whether the cluster still serves.
      const get = (): Promise<number> =>
        new Promise((resolve, reject) => {
          http
            .get(`${cluster.origin}${pagePath}`, { agent: false }, (response) => {
              response.resume()
              response.on('end', () => resolve(response.statusCode ?? 0))
            })
            .on('error', reject)
            .setTimeout(10_000, function (this: http.ClientRequest) {
              this.destroy(new Error(`no answer from ${pagePath} in 10 s`))
            })
        })
      for (let i = 0; i < 20; i++) assert.equal(await get(), 200)

      const first = workerPids(cluster).get(1) ?? 0
      process.kill(first, 'SIGKILL')
      // A connection the primary hands over in the instant before it hears of the death is lost
      // with the worker (that is SIGKILL); from then on the other worker serves alone.
      await waitFor(
        () => /worker 1 exited \(SIGKILL\)/.test(cluster.output()),
        10_000,
        'the primary saw worker 1 die',
      )
      for (let i = 0; i < 10; i++) assert.equal(await get(), 200)
      await waitFor(
        () => (workerPids(cluster).get(1) ?? first) !== first,
        30_000,
        'worker 1 restarted',
      )
      assert.match(cluster.output(), /worker 1 exited \(SIGKILL\); restarting it in \d+ ms/)
      for (let i = 0; i < 10; i++) assert.equal(await get(), 200)

      const pids = [...workerPids(cluster).values()]
      assert.equal(await cluster.stop('SIGTERM'), 0, cluster.output())
      for (const pid of pids) assert.equal(isAlive(pid), false, `worker ${pid} still runs`)
      assert.match(cluster.output(), /draining 2 workers/)
    } finally {
      await server?.stop('SIGKILL')
      await database.dispose()
      fs.rmSync(dir, { recursive: true, force: true })
    }
  })
})

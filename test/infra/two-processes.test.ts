/**
 * Two real Masthead processes on one PostgreSQL database are one site: a change in one (or in a
 * CLI command) purges the other's page cache within a second, a `one-process` job runs on one
 * process at a time, and when its holder is killed the other takes over.
 */

import assert from 'node:assert/strict'
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, test } from 'node:test'
import { createPostgresTestDatabase } from '../helpers/databases.js'
import { type ServerProcess, startServerProcess } from '../helpers/server-process.js'
import { newsroomFixture } from '../newsroom/newsroom-fixtures.js'

const ROOT = path.resolve(import.meta.dirname, '../..')
const BROWSER = 'Mozilla/5.0 (X11; Linux x86_64; rv:132.0) Gecko/20100101 Firefox/132.0'
const pgUrl = process.env.MASTHEAD_TEST_PG_URL ?? ''
const requireAll = process.env.MASTHEAD_REQUIRE_ALL === '1'
const pgSkip =
  pgUrl === '' && !requireAll ? 'MASTHEAD_TEST_PG_URL is not set: PostgreSQL run skipped' : false

/** The page's HTML as a reader's browser gets it. */
async function page(origin: string, pagePath: string): Promise<string> {
  const response = await fetch(`${origin}${pagePath}`, { headers: { 'user-agent': BROWSER } })
  assert.equal(response.status, 200)
  return response.text()
}

/** Polls `pagePath` until it contains `text`; resolves with the milliseconds it took. */
async function untilShown(origin: string, pagePath: string, text: string): Promise<number> {
  const started = Date.now()
  for (;;) {
    if ((await page(origin, pagePath)).includes(text)) return Date.now() - started
    if (Date.now() - started > 5000) throw new Error(`${text} not on ${origin} within 5 s`)
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}

/** Runs the `masthead` CLI from the sources as its own process; resolves with its exit code. */
async function cli(env: Record<string, string>, args: string[]): Promise<number | null> {
  const entry =
    "import { processIo, runCli } from './src/cli/main.ts'; process.exitCode = await runCli(process.argv.slice(1), processIo())"
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', '--input-type=module', '-e', entry, ...args],
    {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  )
  let output = ''
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk))
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk))
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve))
  assert.equal(code, 0, output)
  return code
}

/** The start times (ms) of `job`'s runs in a process's debug log. */
function runsOf(server: ServerProcess, job: string): number[] {
  const times: number[] = []
  for (const line of server.output().split('\n')) {
    if (!line.startsWith('{')) continue
    try {
      const entry = JSON.parse(line) as { job?: string; msg?: string; time?: number }
      if (entry.job === job && entry.msg === 'job: running' && entry.time !== undefined)
        times.push(entry.time)
    } catch {
      // A line cut by the buffer: not a log entry of ours.
    }
  }
  return times
}

describe('two processes on one PostgreSQL database [postgres]', { skip: pgSkip }, () => {
  test('purges reach the other process within a second; jobs run on one process at a time', async (t) => {
    assert.notEqual(pgUrl, '', 'MASTHEAD_REQUIRE_ALL=1 but MASTHEAD_TEST_PG_URL is not set')
    const database = await createPostgresTestDatabase(pgUrl)
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'masthead-scale-'))
    const servers: ServerProcess[] = []
    try {
      const db = database.handle.db
      const story = await (await newsroomFixture(db)).story()
      const pagePath = `/${story.section.slug}/${story.slug}`
      const url = new URL(pgUrl)
      url.searchParams.set('options', `-c search_path=${database.searchPath ?? ''}`)
      const env = {
        MASTHEAD_DATABASE_URL: url.href,
        MASTHEAD_MEDIA_DIR: path.join(dir, 'media'),
        // Every request comes from 127.0.0.1.
        MASTHEAD_COMMENTS_ADDRESS_RATE_PER_MINUTE: '0',
        MASTHEAD_COMMENTS_ADDRESS_RATE_PER_DAY: '0',
        // The publish-due job every second: a lease of 0.9 s, taken over quickly.
        MASTHEAD_PUBLISH_CHECK_SECONDS: '1',
        MASTHEAD_LOG_LEVEL: 'debug',
      }
      servers.push(await startServerProcess(env), await startServerProcess(env))
      const [a, b] = servers
      if (a === undefined || b === undefined) throw new Error('servers did not start')

      // B caches the page; a comment written behind every process's back (no event) stays
      // unseen there: the cache really serves it.
      assert.ok(!(await page(b.origin, pagePath)).includes('Quietly inserted'))
      await db
        .insertInto('comments')
        .values({
          article_id: story.id,
          parent_id: null,
          author_name: 'Quiet',
          author_email: null,
          body: 'Quietly inserted',
          status: 'published',
          reader_hash: null,
          created_at: new Date().toISOString(),
          hold_reason: null,
        })
        .execute()
      await new Promise((resolve) => setTimeout(resolve, 300))
      assert.ok(!(await page(b.origin, pagePath)).includes('Quietly inserted'))

      // A comment posted on A purges B's copy of the story within a second.
      const posted = await fetch(`${a.origin}/api/v1/articles/${story.slug}/comments`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'user-agent': BROWSER },
        body: JSON.stringify({ name: 'Ada', body: 'Posted on process A' }),
      })
      assert.equal(posted.status, 201, await posted.text())
      const tookPost = await untilShown(b.origin, pagePath, 'Posted on process A')
      assert.ok(tookPost < 1000, `B showed A's comment after ${tookPost} ms`)
      t.diagnostic(`a comment posted on A showed on B after ${tookPost} ms`)
      assert.ok((await page(b.origin, pagePath)).includes('Quietly inserted'))

      // A held comment approved from the CLI (a third process): both servers show it at once.
      const held = await db
        .insertInto('comments')
        .values({
          article_id: story.id,
          parent_id: null,
          author_name: 'Held',
          author_email: null,
          body: 'Approved from the command line',
          status: 'held',
          reader_hash: null,
          created_at: new Date().toISOString(),
          hold_reason: 'first',
        })
        .returning('id')
        .executeTakeFirstOrThrow()
      assert.ok(!(await page(a.origin, pagePath)).includes('Approved from the command line'))
      assert.ok(!(await page(b.origin, pagePath)).includes('Approved from the command line'))
      await cli(env, ['comments', 'approve', String(held.id)])
      const [tookA, tookB] = await Promise.all([
        untilShown(a.origin, pagePath, 'Approved from the command line'),
        untilShown(b.origin, pagePath, 'Approved from the command line'),
      ])
      assert.ok(tookA < 1000 && tookB < 1000, `after the CLI exited: A ${tookA} ms, B ${tookB} ms`)
      t.diagnostic(`a CLI approval showed on A after ${tookA} ms, on B after ${tookB} ms`)

      // The one-process job: its runs, on both processes together, are a lease (0.9 s) apart.
      await new Promise((resolve) => setTimeout(resolve, 4000))
      const job = 'newsroom.publish-due'
      const runs = [...runsOf(a, job), ...runsOf(b, job)].sort((x, y) => x - y)
      assert.ok(runs.length >= 3, `only ${runs.length} runs:\n${a.output().slice(-2000)}`)
      for (let i = 1; i < runs.length; i++) {
        const gap = (runs[i] ?? 0) - (runs[i - 1] ?? 0)
        assert.ok(gap >= 850, `two runs ${gap} ms apart: the lease let both processes run`)
      }
      // Each process tried, and was turned away while the other held the lease.
      const skipped = (s: ServerProcess) =>
        s.output().includes('"job":"newsroom.publish-due","msg":"job: another process holds')
      assert.ok(skipped(a) || skipped(b), 'no process was ever refused the lease')

      // Killing the holder: the other takes over (well within a minute).
      const lease = await db
        .selectFrom('job_leases')
        .select('holder')
        .where('job_name', '=', job)
        .executeTakeFirstOrThrow()
      const holderPid = Number(lease.holder.split(':')[1])
      const [holder, survivor] = holderPid === a.pid ? [a, b] : [b, a]
      assert.equal(holderPid, holder.pid)
      await holder.stop('SIGKILL')
      const killedAt = Date.now()
      const survivorRunsBefore = runsOf(survivor, job).length
      for (;;) {
        const row = await db
          .selectFrom('job_leases')
          .select('holder')
          .where('job_name', '=', job)
          .executeTakeFirstOrThrow()
        if (Number(row.holder.split(':')[1]) === survivor.pid) break
        assert.ok(Date.now() - killedAt < 60_000, 'no take-over within a minute')
        await new Promise((resolve) => setTimeout(resolve, 100))
      }
      t.diagnostic(`the survivor took the lease over ${Date.now() - killedAt} ms after the kill`)
      await new Promise((resolve) => setTimeout(resolve, 2500))
      assert.ok(runsOf(survivor, job).length >= survivorRunsBefore + 2, 'the survivor runs it')
      // The survivor still serves, with the change seen before.
      assert.ok((await page(survivor.origin, pagePath)).includes('Posted on process A'))
    } finally {
      for (const server of servers) await server.stop('SIGKILL')
      await database.dispose()
      fs.rmSync(dir, { recursive: true, force: true })
    }
  })
})

/** Nothing acknowledged is lost: a real server process is killed with SIGKILL mid-burst, then the file is reopened. */

import assert from 'node:assert/strict'
import { type ChildProcess, spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { after, describe, test } from 'node:test'
import BetterSqlite3 from 'better-sqlite3'

const ROOT = path.resolve(import.meta.dirname, '../..')
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'masthead-durability-'))
const file = path.join(dir, 'masthead.db')
let server: ChildProcess | undefined

after(() => {
  if (server?.exitCode === null) server.kill('SIGKILL')
  fs.rmSync(dir, { recursive: true, force: true })
})

/** Starts `masthead start` on a free port; resolves with its origin once it serves. */
function startServer(): Promise<string> {
  const { MASTHEAD_TEST_PG_URL: _pg, ...inherited } = process.env
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: ROOT,
    env: {
      ...inherited,
      MASTHEAD_DATABASE_URL: `sqlite:${file}`,
      MASTHEAD_MEDIA_DIR: path.join(dir, 'media'),
      MASTHEAD_PORT: '0',
      MASTHEAD_LOG_LEVEL: 'silent',
      MASTHEAD_DEMO: 'true',
      MASTHEAD_DEMO_ARTICLES: '3',
      MASTHEAD_COMMENTS_RATE_PER_MINUTE: '0',
      MASTHEAD_COMMENTS_RATE_PER_DAY: '0',
      // Every burst comes from 127.0.0.1.
      MASTHEAD_COMMENTS_ADDRESS_RATE_PER_MINUTE: '0',
      MASTHEAD_COMMENTS_ADDRESS_RATE_PER_DAY: '0',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  server = child
  let output = ''
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no start in 60 s:\n${output}`)), 60_000)
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString()
      const match = /serving .* at (http:\/\/\S+)/.exec(output)
      if (match?.[1] !== undefined) {
        clearTimeout(timer)
        resolve(match[1].replace(/\/$/, ''))
      }
    })
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.on('exit', (code) => reject(new Error(`server exited with ${code}:\n${output}`)))
  })
}

describe('comment durability', () => {
  test('every comment answered 201 is in the database after a SIGKILL mid-burst', async () => {
    const origin = await startServer()
    const reader = new BetterSqlite3(file, { readonly: true })
    const slug = (
      reader.prepare(`select slug from articles where status = 'published' limit 1`).get() as {
        slug: string
      }
    ).slug
    reader.close()

    const acknowledged = new Map<number, string>()
    let sent = 0
    let stop = false
    const worker = async (w: number): Promise<void> => {
      while (!stop) {
        const body = `burst ${w}-${sent++} ${Math.random().toString(36).slice(2)}`
        try {
          const response = await fetch(`${origin}/api/v1/articles/${slug}/comments`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', 'user-agent': `burst-${w}` },
            body: JSON.stringify({ name: 'Burst', body }),
          })
          if (response.status === 201) {
            const { comment } = (await response.json()) as { comment: { id: number } }
            acknowledged.set(comment.id, body)
          }
        } catch {
          // The connection died with the server: this one was never acknowledged.
          return
        }
      }
    }
    const workers = Array.from({ length: 16 }, (_, w) => worker(w))
    // Kill once a good number of comments were acknowledged, while requests are in flight.
    while (acknowledged.size < 200) await new Promise((resolve) => setTimeout(resolve, 5))
    const exited = new Promise((resolve) => server?.once('exit', resolve))
    server?.kill('SIGKILL')
    await exited
    stop = true
    await Promise.all(workers)

    const db = new BetterSqlite3(file)
    const rows = db.prepare(`select id, body from comments where author_name = 'Burst'`).all() as {
      id: number
      body: string
    }[]
    db.close()
    const stored = new Map(rows.map((r) => [r.id, r.body]))
    assert.ok(acknowledged.size >= 200)
    for (const [id, body] of acknowledged) assert.equal(stored.get(id), body, `comment ${id}`)
  })
})

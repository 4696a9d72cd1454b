/** `masthead comments …` as a moderator runs it: real processes on a temp SQLite file. */

import assert from 'node:assert/strict'
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { after, before, describe, test } from 'node:test'
import { buildApp } from '../../src/app.js'
import { parseConfig } from '../../src/config.js'
import { seedDemo } from '../../src/demo/seed-demo.js'

const ROOT = path.resolve(import.meta.dirname, '../..')

let dir: string
let env: NodeJS.ProcessEnv
const held: number[] = []

function masthead(
  args: string[],
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })))
}

/** Opens the same database in this process, runs `work`, closes it. */
async function withApp<T>(work: (app: Awaited<ReturnType<typeof buildApp>>) => Promise<T>) {
  const app = await buildApp(parseConfig(env, dir))
  try {
    return await work(app)
  } finally {
    await app.close()
  }
}

before(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'masthead-cli-comments-'))
  const { MASTHEAD_TEST_PG_URL: _pg, ...inherited } = process.env
  env = {
    ...inherited,
    MASTHEAD_DATABASE_URL: `sqlite:${path.join(dir, 'cli.db')}`,
    MASTHEAD_MEDIA_DIR: path.join(dir, 'media'),
    MASTHEAD_LOG_LEVEL: 'silent',
    MASTHEAD_DEMO: 'false',
  }
  await withApp(async (app) => {
    await seedDemo(app.services, { articles: 2, seed: 3, now: new Date() })
    const { items } = await app.services.newsroom.listArticles({}, 1, 1)
    const found = await app.services.newsroom.findPublishedArticle(items[0]?.slug ?? '')
    assert.equal(found?.kind, 'found')
    if (found?.kind !== 'found') return
    for (const [i, body] of [
      'see www.example.com',
      'read example.org/x',
      'go to spam.example',
    ].entries()) {
      const comment = await app.services.comments.post({
        articleId: found.article.id,
        authorName: `Linker ${i}`,
        body,
        reader: { address: '192.0.2.1', userAgent: `ua-${i}` },
      })
      assert.equal(comment.status, 'held')
      held.push(comment.id)
    }
  })
})
after(() => fs.rmSync(dir, { recursive: true, force: true }))

describe('masthead comments', () => {
  test('queue lists the held comments with their reason', async () => {
    const run = await masthead(['comments', 'queue'])
    assert.equal(run.code, 0, run.stderr)
    for (const id of held) assert.match(run.stdout, new RegExp(`#${id} .*\\[held, link\\]`))
    assert.match(run.stdout, /3 held comments; page 1 of 1\./)
    const spam = await masthead(['comments', 'queue', '--filter', 'spam'])
    assert.equal(spam.code, 0, spam.stderr)
    assert.match(spam.stdout, /No spam comments\./)
  })

  test('approve, reject and spam move comments and are logged with actor cli', async () => {
    const [a, r, s] = held as [number, number, number]
    const approve = await masthead(['comments', 'approve', String(a), '--note', 'fine link'])
    assert.equal(approve.code, 0, approve.stderr)
    assert.match(approve.stdout, new RegExp(`Comment #${a} approved\\.`))
    assert.equal((await masthead(['comments', 'reject', String(r)])).code, 0)
    assert.equal((await masthead(['comments', 'spam', String(s)])).code, 0)
    const ban = await masthead(['comments', 'ban', String(s), '--reason', 'spammer'])
    assert.equal(ban.code, 0, ban.stderr)
    await withApp(async (app) => {
      const { comments } = app.services
      assert.ok(await comments.findVisible(a))
      assert.equal(await comments.findVisible(r), undefined)
      const spam = await comments.moderation.queue({ filter: 'spam' })
      assert.deepEqual(
        spam.items.map((c) => [c.id, c.readerBanned]),
        [[s, true]],
      )
      const log = await comments.moderation.auditLog()
      assert.deepEqual(log.map((e) => [e.commentId, e.action, e.actor]).reverse(), [
        [a, 'approved', 'cli'],
        [r, 'rejected', 'cli'],
        [s, 'spam', 'cli'],
        [s, 'banned', 'cli'],
      ])
      assert.equal(log.find((e) => e.action === 'approved')?.note, 'fine link')
    })
  })

  test('mistakes are usage errors or one clear line, never a stack', async () => {
    const noId = await masthead(['comments', 'approve'])
    assert.equal(noId.code, 2)
    const badId = await masthead(['comments', 'approve', 'abc'])
    assert.equal(badId.code, 2)
    const badFilter = await masthead(['comments', 'queue', '--filter', 'all'])
    assert.equal(badFilter.code, 2)
    const unknown = await masthead(['comments', 'approve', '999999'])
    assert.equal(unknown.code, 1)
    assert.equal(unknown.stderr.trim().split('\n').length, 1)
    assert.match(unknown.stderr, /no such comment/i)
    const help = await masthead(['comments', 'queue', '--help'])
    assert.equal(help.code, 0)
    assert.match(help.stdout, /--filter/)
  })
})

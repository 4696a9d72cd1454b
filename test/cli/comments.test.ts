/** `masthead comments …` as a moderator runs it, in-process, on every database. */

import assert from 'node:assert/strict'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { after, before, test } from 'node:test'
import { type AppServices, buildServices } from '../../src/app.js'
import { parseConfig } from '../../src/config.js'
import { seedDemo } from '../../src/demo/seed-demo.js'
import { forEachDatabase } from '../helpers/databases.js'
import { databaseUrl, masthead as run } from './run-cli.js'

forEachDatabase('masthead comments', (t) => {
  let dir: string
  let env: Record<string, string>
  const held: number[] = []
  const masthead = (args: string[]) => run(args, env)

  /** Opens the same database in this process, runs `work`, closes it. */
  async function withServices<T>(work: (services: AppServices) => Promise<T>): Promise<T> {
    const services = await buildServices(parseConfig(env, dir))
    try {
      return await work(services)
    } finally {
      await services.close()
    }
  }

  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'masthead-cli-comments-'))
    env = {
      MASTHEAD_DATABASE_URL: databaseUrl(t),
      MASTHEAD_MEDIA_DIR: path.join(dir, 'media'),
      MASTHEAD_LOG_LEVEL: 'silent',
      MASTHEAD_DEMO: 'false',
    }
    await withServices(async (services) => {
      await seedDemo(services, { articles: 2, seed: 3, now: services.clock.now() })
      const { items } = await services.newsroom.listArticles({}, 1, 1)
      const found = await services.newsroom.findPublishedArticle(items[0]?.slug ?? '')
      assert.equal(found?.kind, 'found')
      if (found?.kind !== 'found') return
      for (const [i, body] of [
        'see www.example.com',
        'read example.org/x',
        'go to spam.example',
      ].entries()) {
        const comment = await services.comments.post({
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

  test('queue lists the held comments with their reason', async () => {
    const queue = await masthead(['comments', 'queue'])
    assert.equal(queue.code, 0, queue.stderr)
    for (const id of held) assert.match(queue.stdout, new RegExp(`#${id} .*\\[held, link\\]`))
    assert.match(queue.stdout, /3 held comments; page 1 of 1\./)
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
    await withServices(async ({ comments }) => {
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

/**
 * The view counter in real server processes: SIGTERM flushes everything; on PostgreSQL the
 * processes add up, and the per-address cap and co-reads hold across them.
 */

import assert from 'node:assert/strict'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, test } from 'node:test'
import type { DatabaseConfig } from '../../src/config.js'
import { type Db, openDatabase } from '../../src/db/database.js'
import { migrateToLatest } from '../../src/db/migrator.js'
import type { Article } from '../../src/newsroom/index.js'
import { createPostgresTestDatabase } from '../helpers/databases.js'
import { pageViewToken, sendBeacon, startServerProcess } from '../helpers/server-process.js'
import { newsroomFixture } from '../newsroom/newsroom-fixtures.js'

const BROWSER = 'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_6) AppleWebKit/605.1.15 Safari/605.1'
const pgUrl = process.env.MASTHEAD_TEST_PG_URL ?? ''
const requireAll = process.env.MASTHEAD_REQUIRE_ALL === '1'

async function totalOf(db: Db, articleId: number): Promise<number> {
  const rows = await db
    .selectFrom('article_views_hourly')
    .select('views')
    .where('article_id', '=', articleId)
    .execute()
  return rows.reduce((sum, r) => sum + r.views, 0)
}

/**
 * Sends `count` distinct readers (agent suffix from `first`) with the page's `token`, `parallel`
 * at a time; all must 204.
 */
async function readers(
  origin: string,
  slug: string,
  token: string,
  first: number,
  count: number,
): Promise<void> {
  const parallel = 20
  for (let at = 0; at < count; at += parallel) {
    const batch = Array.from({ length: Math.min(parallel, count - at) }, (_, i) =>
      sendBeacon(origin, slug, `${BROWSER} reader/${first + at + i}`, token),
    )
    for (const status of await Promise.all(batch)) assert.equal(status, 204)
  }
}

describe('view counting across a real process stop [sqlite]', () => {
  test('SIGTERM flushes every counted view: the buckets hold exactly N', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'masthead-views-'))
    const config: DatabaseConfig = { kind: 'sqlite', filename: path.join(dir, 'views.db') }
    const setup = openDatabase(config)
    let story: Article
    try {
      await migrateToLatest(setup)
      story = await (await newsroomFixture(setup.db)).story()
    } finally {
      await setup.close()
    }
    const server = await startServerProcess({
      MASTHEAD_DATABASE_URL: `sqlite:${config.filename}`,
      MASTHEAD_MEDIA_DIR: path.join(dir, 'media'),
      // Nothing reaches the database before the stop unless the stop flushes it.
      MASTHEAD_VIEW_FLUSH_MS: '60000',
      // Every reader here comes from 127.0.0.1.
      MASTHEAD_VIEWS_PER_ADDRESS_PER_STORY: '0',
    })
    try {
      const pagePath = `/${story.section.slug}/${story.slug}`
      const token = await pageViewToken(server.origin, pagePath)
      await readers(server.origin, story.slug, token, 0, 250)
      // A page request per reader too: 40 more readers, and 10 of the above reloading.
      for (let n = 240; n < 290; n++) {
        const response = await fetch(`${server.origin}${pagePath}`, {
          headers: { 'user-agent': `${BROWSER} reader/${n}` },
        })
        await response.arrayBuffer()
        assert.equal(response.status, 200)
      }
      assert.equal(await server.stop('SIGTERM'), 0, server.output())
      const check = openDatabase(config)
      try {
        assert.equal(await totalOf(check.db, story.id), 290)
      } finally {
        await check.close()
      }
    } finally {
      await server.stop('SIGKILL')
      fs.rmSync(dir, { recursive: true, force: true })
    }
  })
})

const pgSkip =
  pgUrl === '' && !requireAll ? 'MASTHEAD_TEST_PG_URL is not set: PostgreSQL run skipped' : false

describe('view counting in two processes [postgres]', { skip: pgSkip }, () => {
  test('two Masthead processes counting the same story add up exactly, a reader once in all', async () => {
    assert.notEqual(pgUrl, '', 'MASTHEAD_REQUIRE_ALL=1 but MASTHEAD_TEST_PG_URL is not set')
    const database = await createPostgresTestDatabase(pgUrl)
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'masthead-views-'))
    const servers: Awaited<ReturnType<typeof startServerProcess>>[] = []
    try {
      const story = await (await newsroomFixture(database.handle.db)).story()
      const url = new URL(pgUrl)
      url.searchParams.set('options', `-c search_path=${database.searchPath ?? ''}`)
      const env = {
        MASTHEAD_DATABASE_URL: url.href,
        MASTHEAD_MEDIA_DIR: path.join(dir, 'media'),
        // Short: the two processes flush many times, concurrently, while readers arrive.
        MASTHEAD_VIEW_FLUSH_MS: '100',
        MASTHEAD_VIEWS_PER_ADDRESS_PER_STORY: '0',
      }
      servers.push(await startServerProcess(env), await startServerProcess(env))
      const [a, b] = servers
      if (a === undefined || b === undefined) throw new Error('servers did not start')
      // One token for both: the processes share the signing secret through the database.
      const token = await pageViewToken(a.origin, `/${story.section.slug}/${story.slug}`)
      await Promise.all([
        readers(a.origin, story.slug, token, 0, 400),
        readers(b.origin, story.slug, token, 1000, 300),
        // Reloads of readers each process already counted add nothing.
        readers(a.origin, story.slug, token, 0, 50),
      ])
      // The same readers on the other process: the shared dedupe counts each once in all.
      await Promise.all([
        readers(b.origin, story.slug, token, 0, 200),
        readers(a.origin, story.slug, token, 1000, 100),
      ])
      assert.equal(await a.stop('SIGTERM'), 0, a.output())
      assert.equal(await b.stop('SIGTERM'), 0, b.output())
      assert.equal(await totalOf(database.handle.db, story.id), 700)
    } finally {
      for (const server of servers) await server.stop('SIGKILL')
      await database.dispose()
      fs.rmSync(dir, { recursive: true, force: true })
    }
  })

  test('the per-address cap holds across the processes, and a co-read across them counts once', async () => {
    assert.notEqual(pgUrl, '', 'MASTHEAD_REQUIRE_ALL=1 but MASTHEAD_TEST_PG_URL is not set')
    const database = await createPostgresTestDatabase(pgUrl)
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'masthead-views-'))
    const servers: Awaited<ReturnType<typeof startServerProcess>>[] = []
    try {
      const f = await newsroomFixture(database.handle.db)
      const [story, first, second] = [await f.story(), await f.story(), await f.story()]
      const url = new URL(pgUrl)
      url.searchParams.set('options', `-c search_path=${database.searchPath ?? ''}`)
      const env = {
        MASTHEAD_DATABASE_URL: url.href,
        MASTHEAD_MEDIA_DIR: path.join(dir, 'media'),
        MASTHEAD_VIEW_FLUSH_MS: '100',
        // Every reader here comes from 127.0.0.1: one address, at most 5 readers a story.
        MASTHEAD_VIEWS_PER_ADDRESS_PER_STORY: '5',
      }
      servers.push(await startServerProcess(env), await startServerProcess(env))
      const [a, b] = servers
      if (a === undefined || b === undefined) throw new Error('servers did not start')
      const tokenOf = (s: Article) => pageViewToken(a.origin, `/${s.section.slug}/${s.slug}`)
      // 8 readers on each process: each process's memory admits 5, the site 5 in all.
      const token = await tokenOf(story)
      await Promise.all([
        readers(a.origin, story.slug, token, 0, 8),
        readers(b.origin, story.slug, token, 100, 8),
      ])
      // One reader reads a story on A, then another on B: one pair, and the first led on.
      const reader = `${BROWSER} reader/co`
      assert.equal(await sendBeacon(a.origin, first.slug, reader, await tokenOf(first)), 204)
      assert.equal(await sendBeacon(b.origin, second.slug, reader, await tokenOf(second)), 204)
      assert.equal(await a.stop('SIGTERM'), 0, a.output())
      assert.equal(await b.stop('SIGTERM'), 0, b.output())
      const db = database.handle.db
      assert.equal(await totalOf(db, story.id), 5)
      const pairs = await db
        .selectFrom('article_co_reads')
        .select(['article_id', 'other_article_id', 'reads'])
        .orderBy('article_id')
        .execute()
      assert.deepEqual(
        pairs.map((p) => [p.article_id, p.other_article_id, p.reads]),
        [
          [first.id, second.id, 1],
          [second.id, first.id, 1],
        ],
      )
      const led = await db
        .selectFrom('article_continuations_daily')
        .select(['article_id', 'readers'])
        .execute()
      assert.deepEqual(
        led.map((r) => [r.article_id, r.readers]),
        [[first.id, 1]],
      )
    } finally {
      for (const server of servers) await server.stop('SIGKILL')
      await database.dispose()
      fs.rmSync(dir, { recursive: true, force: true })
    }
  })
})

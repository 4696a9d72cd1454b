/**
 * The PostgreSQL bus: events reach the other processes' handlers once, gaps are signalled,
 * reconnects; `listening()` waits for the first LISTEN and fails with BUS_NOT_LISTENING if late.
 */

import assert from 'node:assert/strict'
import net from 'node:net'
import { after, before, describe, test } from 'node:test'
import { sql } from 'kysely'
import { isMastheadError } from '../../../src/lib/errors.js'
import type { ArticleEvent } from '../../../src/infra/bus/events.js'
import {
  busChannel,
  createPostgresBus,
  LISTEN_WAIT_MS,
  MAX_NOTIFY_BYTES,
  type PostgresBus,
} from '../../../src/infra/bus/postgres.js'
import { createPostgresTestDatabase } from '../../helpers/databases.js'

const pgUrl = process.env.MASTHEAD_TEST_PG_URL ?? ''
const requireAll = process.env.MASTHEAD_REQUIRE_ALL === '1'
const pgSkip =
  pgUrl === '' && !requireAll ? 'MASTHEAD_TEST_PG_URL is not set: PostgreSQL run skipped' : false

const story: ArticleEvent = {
  articleId: 42,
  slug: 'harbour',
  sectionSlug: 'city',
  authorIds: [7],
  tagIds: [3],
}

/** Resolves when `check` holds, polling every 10 ms; rejects after `ms`. */
async function eventually(check: () => boolean, ms = 1000): Promise<number> {
  const started = Date.now()
  while (!check()) {
    if (Date.now() - started > ms) throw new Error(`not within ${ms} ms`)
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
  return Date.now() - started
}

/** A local port nothing listens on (a server is opened on it, then closed). */
async function closedPort(): Promise<number> {
  const server = net.createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  await new Promise<void>((resolve) => server.close(() => resolve()))
  if (address === null || typeof address === 'string') throw new Error('no port')
  return address.port
}

describe('the PostgreSQL bus without a database', () => {
  test('listening() fails with BUS_NOT_LISTENING, the connection error as its cause', async () => {
    const troubles: number[] = []
    const bus = createPostgresBus({
      url: `postgres://postgres@127.0.0.1:${await closedPort()}/none`,
      schema: undefined,
      notify: async () => {},
      onHandlerError: () => undefined,
      onConnectionError: (_error, retryInMs) => void troubles.push(retryInMs),
    })
    try {
      const started = Date.now()
      const error: unknown = await bus.listening(400).then(
        () => undefined,
        (failure: unknown) => failure,
      )
      const took = Date.now() - started
      assert.ok(isMastheadError(error), `a catalogued error, not ${String(error)}`)
      assert.equal(error.code, 'BUS_NOT_LISTENING')
      assert.equal(error.kind, 'unavailable')
      assert.deepEqual(error.details, { waitedMs: 400 })
      assert.equal((error.cause as { code?: string } | undefined)?.code, 'ECONNREFUSED')
      assert.ok(took >= 390 && took < 1500, `gave up after ${took} ms`)
      // It kept retrying meanwhile (the first waits), and the cap is ten seconds by default.
      assert.deepEqual(troubles.slice(0, 2), [100, 200])
      assert.equal(LISTEN_WAIT_MS, 10_000)
    } finally {
      await bus.close()
    }
  })
})

describe('the PostgreSQL bus [postgres]', { skip: pgSkip }, () => {
  let database: Awaited<ReturnType<typeof createPostgresTestDatabase>>
  const buses: PostgresBus[] = []
  const errors: unknown[] = []

  const open = async (schema = database.searchPath): Promise<PostgresBus> => {
    const bus = createPostgresBus({
      url: pgUrl,
      schema,
      notify: async (channel, payload) => {
        await sql`select pg_notify(${channel}, ${payload})`.execute(database.handle.db)
      },
      onHandlerError: (_event, error) => errors.push(error),
      onConnectionError: () => undefined,
    })
    buses.push(bus)
    await bus.ready()
    return bus
  }

  before(async () => {
    assert.notEqual(pgUrl, '', 'MASTHEAD_REQUIRE_ALL=1 but MASTHEAD_TEST_PG_URL is not set')
    database = await createPostgresTestDatabase(pgUrl)
  })
  after(async () => {
    for (const bus of buses) await bus.close()
    await database?.dispose()
  })

  test('an event reaches the other process within a second, and the publisher once', async () => {
    const a = await open()
    const b = await open()
    const seenA: number[] = []
    const seenB: number[] = []
    const onceB: number[] = []
    a.subscribe('article.published', (event) => void seenA.push(event.articleId))
    b.subscribe('article.published', (event) => void seenB.push(event.articleId))
    b.subscribe('article.published', (event) => void onceB.push(event.articleId), {
      runsOn: 'publishing-process',
    })
    await a.publish('article.published', story)
    // Delivered to the publisher's own handlers before publish resolves.
    assert.deepEqual(seenA, [42])
    const took = await eventually(() => seenB.length === 1)
    assert.ok(took < 1000, `took ${took} ms`)
    // The publisher ignores its own notification: still exactly one delivery there.
    await new Promise((resolve) => setTimeout(resolve, 100))
    assert.deepEqual(seenA, [42])
    assert.deepEqual(seenB, [42])
    // A handler for shared state runs in the publishing process only.
    assert.deepEqual(onceB, [])
    await b.publish('article.published', { ...story, articleId: 43 })
    assert.deepEqual(onceB, [43])
    await eventually(() => seenA.length === 2)
    assert.deepEqual(seenA, [42, 43])
    assert.deepEqual(errors, [])
  })

  test('listening() resolves once the LISTEN is in place (the connection shows it)', async () => {
    const bus = createPostgresBus({
      url: pgUrl,
      schema: `${database.searchPath ?? ''}_alone`,
      notify: async () => {},
      onHandlerError: (_event, error) => errors.push(error),
      onConnectionError: () => undefined,
    })
    buses.push(bus)
    await bus.listening()
    const channel = busChannel(`${database.searchPath ?? ''}_alone`).replaceAll('"', '""')
    const listeners = await sql<{ state: string }>`
      select state from pg_stat_activity where query = ${`LISTEN "${channel}"`}`.execute(
      database.handle.db,
    )
    assert.deepEqual(
      listeners.rows.map((row) => row.state),
      ['idle'],
    )
    // Once listening, it stays resolved: a later call does not wait.
    const started = Date.now()
    await bus.listening(50)
    assert.ok(Date.now() - started < 50)
  })

  test('another schema is another site: its events do not arrive', async () => {
    const a = await open()
    const other = await open(`${database.searchPath ?? ''}_other`)
    assert.notEqual(
      busChannel(database.searchPath),
      busChannel(`${database.searchPath ?? ''}_other`),
    )
    const seen: number[] = []
    other.subscribe('picks.changed', () => void seen.push(1))
    await a.publish('picks.changed', { list: 'home' })
    await new Promise((resolve) => setTimeout(resolve, 200))
    assert.deepEqual(seen, [])
  })

  test('an event too large for NOTIFY arrives as a gap (the caches start over)', async () => {
    const a = await open()
    const b = await open()
    let gaps = 0
    const seen: number[] = []
    b.onGap(() => void (gaps += 1))
    b.subscribe('article.updated', (event) => void seen.push(event.articleId))
    const tagIds = Array.from({ length: 2000 }, (_, i) => 100_000 + i)
    assert.ok(JSON.stringify(tagIds).length > MAX_NOTIFY_BYTES)
    await a.publish('article.updated', { ...story, tagIds })
    await eventually(() => gaps === 1)
    assert.deepEqual(seen, [])
    // A normal event is well under the limit.
    assert.ok(JSON.stringify({ o: 'x'.repeat(12), e: 'article.updated', p: story }).length < 400)
  })

  test('a killed listening connection reconnects, signals a gap, and events flow again', async () => {
    const a = await open()
    const b = await open()
    let gaps = 0
    const seen: number[] = []
    b.onGap(() => void (gaps += 1))
    b.subscribe('comment.moderated', (event) => void seen.push(event.articleId))
    const channel = busChannel(database.searchPath).replaceAll('"', '""')
    const killed = await sql<{ pid: number }>`
      select pg_terminate_backend(pid) as pid from pg_stat_activity
      where query = ${`LISTEN "${channel}"`} and pid <> pg_backend_pid()`.execute(
      database.handle.db,
    )
    assert.ok(killed.rows.length >= 2, `terminated ${killed.rows.length} listeners`)
    await eventually(() => gaps >= 1, 5000)
    await a.publish('comment.moderated', { commentId: 1, articleId: 7, action: 'approve' })
    await eventually(() => seen.length === 1, 3000)
    assert.deepEqual(seen, [7])
  })
})

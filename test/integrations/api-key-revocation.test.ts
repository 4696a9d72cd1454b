/** A revoked API key is refused by every process within a second: the bus carries the revocation. */

import assert from 'node:assert/strict'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, test } from 'node:test'
import { type AppServices, buildServices } from '../../src/app.js'
import { parseConfig } from '../../src/config.js'
import { toDbTime } from '../../src/db/time-codec.js'
import { createInProcessBus } from '../../src/infra/bus/in-process.js'
import { createApiKeys } from '../../src/integrations/index.js'
import { createFixedClock } from '../../src/lib/clock.js'
import { MastheadError } from '../../src/lib/errors.js'
import { TEST_HASH_COST } from '../helpers/build-test-app.js'
import { createPostgresTestDatabase, forEachDatabase } from '../helpers/databases.js'
import { type ServerProcess, startServerProcess } from '../helpers/server-process.js'

const NOW = new Date('2026-11-20T12:00:30.000Z')
const pgUrl = process.env.MASTHEAD_TEST_PG_URL ?? ''
const requireAll = process.env.MASTHEAD_REQUIRE_ALL === '1'
const pgSkip =
  pgUrl === '' && !requireAll ? 'MASTHEAD_TEST_PG_URL is not set: PostgreSQL run skipped' : false

const invalid = (error: unknown): boolean =>
  error instanceof MastheadError && error.code === 'API_KEY_INVALID'

forEachDatabase('api key revocation', (t) => {
  // One in-process bus stands for the shared one: both instances hear each other's events.
  const pair = () => {
    const bus = createInProcessBus({
      onHandlerError: (_event, error) => assert.fail(String(error)),
    })
    // A fixed clock: the 30 s memory never runs out here, only the bus can make a key go.
    const clock = createFixedClock(NOW)
    const one = createApiKeys({ db: t.handle.db, clock, perMinute: 0, bus })
    const two = createApiKeys({ db: t.handle.db, clock, perMinute: 0, bus })
    return { bus, one, two }
  }

  test('a revoke on one process makes another refuse the key it remembered, at once', async () => {
    const { one, two } = pair()
    const { key, secret } = await one.add('Partner')
    const kept = await one.add('Other partner')
    await two.authenticate(`Bearer ${secret}`)
    await two.authenticate(`Bearer ${kept.secret}`)
    await one.revoke(key.prefix)
    await assert.rejects(two.authenticate(`Bearer ${secret}`), invalid)
    // Only the revoked key is forgotten.
    assert.equal((await two.authenticate(`Bearer ${kept.secret}`)).keyId, kept.key.id)
    one.close()
    two.close()
  })

  test('a bus gap forgets every remembered key', async () => {
    const { bus, one, two } = pair()
    const { key, secret } = await one.add('Gap')
    await two.authenticate(`Bearer ${secret}`)
    // Revoked behind the bus's back (as if its event had been lost): still remembered…
    await t.handle.db
      .updateTable('api_keys')
      .set({ revoked_at: toDbTime(NOW) })
      .where('id', '=', key.id)
      .execute()
    assert.equal((await two.authenticate(`Bearer ${secret}`)).keyId, key.id)
    // …until the bus says events may have been missed.
    await bus.signalGap()
    await assert.rejects(two.authenticate(`Bearer ${secret}`), invalid)
    one.close()
    two.close()
  })

  test('a closed instance stops following the bus', async () => {
    const { one, two } = pair()
    const { key, secret } = await one.add('Closed')
    await two.authenticate(`Bearer ${secret}`)
    two.close()
    await one.revoke(String(key.id))
    // Still remembered: the event was not heard (the memory's 30 s is then the bound).
    assert.equal((await two.authenticate(`Bearer ${secret}`)).keyId, key.id)
    one.close()
  })
})

/** Services of one process on the test schema (the app's wiring: PostgreSQL bus included). */
async function openProcess(url: string, dir: string): Promise<AppServices> {
  const config = parseConfig(
    {
      MASTHEAD_DATABASE_URL: url,
      MASTHEAD_MEDIA_DIR: path.join(dir, 'media'),
      MASTHEAD_LOG_LEVEL: 'silent',
      MASTHEAD_SITE_URL: 'http://127.0.0.1:3000',
    },
    dir,
  )
  // Resolves once the PostgreSQL bus listens: an event published next reaches it.
  return buildServices(config, { clock: createFixedClock(NOW), hashCost: TEST_HASH_COST })
}

describe('api key revocation in two processes [postgres]', { skip: pgSkip }, () => {
  test('a revoke in one makes the other refuse the key within 1 s', async () => {
    assert.notEqual(pgUrl, '', 'MASTHEAD_REQUIRE_ALL=1 but MASTHEAD_TEST_PG_URL is not set')
    const database = await createPostgresTestDatabase(pgUrl)
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'masthead-keys-'))
    const opened: AppServices[] = []
    try {
      const url = new URL(pgUrl)
      url.searchParams.set('options', `-c search_path=${database.searchPath ?? ''}`)
      opened.push(await openProcess(url.href, dir), await openProcess(url.href, dir))
      const [a, b] = opened
      if (a === undefined || b === undefined) throw new Error('services did not open')
      const { key, secret } = await a.apiKeys.add('Syndication partner')
      const kept = await a.apiKeys.add('Newsletter')
      // B verifies both and remembers them (for 30 s, on its frozen clock: for ever here).
      assert.equal((await b.apiKeys.authenticate(`Bearer ${secret}`)).keyId, key.id)
      assert.equal((await b.apiKeys.authenticate(`Bearer ${kept.secret}`)).keyId, kept.key.id)
      const started = Date.now()
      await a.apiKeys.revoke(key.prefix)
      for (;;) {
        try {
          await b.apiKeys.authenticate(`Bearer ${secret}`)
        } catch (error) {
          assert.ok(invalid(error), String(error))
          break
        }
        assert.ok(Date.now() - started < 1000, 'B still accepts the revoked key after 1 s')
        await new Promise((resolve) => setTimeout(resolve, 10))
      }
      assert.ok(Date.now() - started < 1000)
      assert.equal((await b.apiKeys.authenticate(`Bearer ${kept.secret}`)).keyId, kept.key.id)
    } finally {
      for (const services of opened) await services.close()
      await database.dispose()
      fs.rmSync(dir, { recursive: true, force: true })
    }
  })

  test('a revoke from another process reaches a running server within 1 s', async () => {
    assert.notEqual(pgUrl, '', 'MASTHEAD_REQUIRE_ALL=1 but MASTHEAD_TEST_PG_URL is not set')
    const database = await createPostgresTestDatabase(pgUrl)
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'masthead-keys-'))
    let server: ServerProcess | undefined
    let revoker: AppServices | undefined
    try {
      const url = new URL(pgUrl)
      url.searchParams.set('options', `-c search_path=${database.searchPath ?? ''}`)
      server = await startServerProcess({
        MASTHEAD_DATABASE_URL: url.href,
        MASTHEAD_MEDIA_DIR: path.join(dir, 'media'),
      })
      const origin = server.origin
      // The test process is the other process (as `masthead api-key revoke` would be).
      revoker = await openProcess(url.href, dir)
      const { key, secret } = await revoker.apiKeys.add('Aggregator')
      const list = async (): Promise<number> => {
        const response = await fetch(`${origin}/api/v1/articles?limit=1`, {
          headers: { authorization: `Bearer ${secret}` },
        })
        await response.arrayBuffer()
        return response.status
      }
      // The server verifies the key once and then remembers it (for up to 30 s).
      assert.equal(await list(), 200, server.output())
      const started = Date.now()
      await revoker.apiKeys.revoke(String(key.id))
      while ((await list()) !== 401) {
        assert.ok(Date.now() - started < 1000, 'the server still accepts the key after 1 s')
        await new Promise((resolve) => setTimeout(resolve, 10))
      }
    } finally {
      await revoker?.close()
      await server?.stop('SIGKILL')
      await database.dispose()
      fs.rmSync(dir, { recursive: true, force: true })
    }
  })
})

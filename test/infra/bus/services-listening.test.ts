/**
 * buildServices on PostgreSQL resolves only once its bus listens: two service instances on one
 * database hear each other's events from the moment each is built (no wait for `ready()`), so a
 * purge published in a process's first moments is not lost.
 */

import assert from 'node:assert/strict'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, test } from 'node:test'
import { sql } from 'kysely'
import { type AppServices, buildServices } from '../../../src/app.js'
import { parseConfig } from '../../../src/config.js'
import { busChannel } from '../../../src/infra/bus/postgres.js'
import { createPostgresTestDatabase } from '../../helpers/databases.js'
import { TEST_HASH_COST } from '../../helpers/build-test-app.js'

const pgUrl = process.env.MASTHEAD_TEST_PG_URL ?? ''
const requireAll = process.env.MASTHEAD_REQUIRE_ALL === '1'
const pgSkip =
  pgUrl === '' && !requireAll ? 'MASTHEAD_TEST_PG_URL is not set: PostgreSQL run skipped' : false

/** Resolves when `check` holds, polling every 5 ms; rejects after `ms`. */
async function eventually(check: () => boolean, what: string, ms = 1000): Promise<number> {
  const started = Date.now()
  while (!check()) {
    if (Date.now() - started > ms) throw new Error(`${what}: not within ${ms} ms`)
    await new Promise((resolve) => setTimeout(resolve, 5))
  }
  return Date.now() - started
}

describe('services on one PostgreSQL database [postgres]', { skip: pgSkip }, () => {
  test('each hears the other at once after buildServices resolves', async () => {
    assert.notEqual(pgUrl, '', 'MASTHEAD_REQUIRE_ALL=1 but MASTHEAD_TEST_PG_URL is not set')
    const database = await createPostgresTestDatabase(pgUrl)
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'masthead-bus-start-'))
    const built: AppServices[] = []
    try {
      const url = new URL(pgUrl)
      url.searchParams.set('options', `-c search_path=${database.searchPath ?? ''}`)
      const config = parseConfig(
        {
          MASTHEAD_DATABASE_URL: url.href,
          MASTHEAD_MEDIA_DIR: path.join(dir, 'media'),
          MASTHEAD_LOG_LEVEL: 'silent',
          MASTHEAD_BUS: 'auto',
        },
        dir,
      )
      const channel = busChannel(database.searchPath).replaceAll('"', '""')
      /** The connections that have LISTENed on this site's channel (the statement finished). */
      const listeners = async (): Promise<number> => {
        const { rows } = await sql<{ n: string }>`
          select count(*) as n from pg_stat_activity
          where query = ${`LISTEN "${channel}"`} and state = 'idle'`.execute(database.handle.db)
        return Number(rows[0]?.n)
      }

      const a = await buildServices(config, { hashCost: TEST_HASH_COST })
      built.push(a)
      assert.equal(await listeners(), 1, 'A listens once buildServices resolved')
      const heardByA: string[] = []
      a.bus.subscribe('picks.changed', (event) => void heardByA.push(event.list))

      const b = await buildServices(config, { hashCost: TEST_HASH_COST })
      built.push(b)
      const heardByB: string[] = []
      b.bus.subscribe('picks.changed', (event) => void heardByB.push(event.list))
      // No ready() and no pause: A publishes the moment B's services exist, and B publishes too.
      await Promise.all([
        a.bus.publish('picks.changed', { list: 'from-a' }),
        b.bus.publish('picks.changed', { list: 'from-b' }),
      ])
      assert.equal(await listeners(), 2, 'B listens once buildServices resolved')
      await eventually(() => heardByB.includes('from-a'), 'B hears A')
      await eventually(() => heardByA.includes('from-b'), 'A hears B')
      await new Promise((resolve) => setTimeout(resolve, 100))
      assert.deepEqual(heardByA.sort(), ['from-a', 'from-b'])
      assert.deepEqual(heardByB.sort(), ['from-a', 'from-b'])
    } finally {
      for (const services of built) await services.close()
      await database.dispose()
      fs.rmSync(dir, { recursive: true, force: true })
    }
  })
})

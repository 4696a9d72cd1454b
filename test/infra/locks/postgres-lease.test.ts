/** The PostgreSQL job lease: one holder at a time, its own grant extends, an expired one is taken over. */

import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { createPostgresLease } from '../../../src/infra/locks/postgres.js'
import { createPostgresTestDatabase } from '../../helpers/databases.js'

const pgUrl = process.env.MASTHEAD_TEST_PG_URL ?? ''
const requireAll = process.env.MASTHEAD_REQUIRE_ALL === '1'
const pgSkip =
  pgUrl === '' && !requireAll ? 'MASTHEAD_TEST_PG_URL is not set: PostgreSQL run skipped' : false

describe('the PostgreSQL job lease [postgres]', { skip: pgSkip }, () => {
  let database: Awaited<ReturnType<typeof createPostgresTestDatabase>>
  before(async () => {
    assert.notEqual(pgUrl, '', 'MASTHEAD_REQUIRE_ALL=1 but MASTHEAD_TEST_PG_URL is not set')
    database = await createPostgresTestDatabase(pgUrl)
  })
  after(async () => {
    await database?.dispose()
  })

  test('one holder at a time; the holder extends its own grant; jobs are independent', async () => {
    const db = database.handle.db
    const a = createPostgresLease({ db, holder: 'a' })
    const b = createPostgresLease({ db, holder: 'b' })
    assert.equal(await a.acquire('news.job', 60_000), true)
    assert.equal(await b.acquire('news.job', 60_000), false)
    assert.equal(await a.acquire('news.job', 60_000), true)
    assert.equal(await b.acquire('other.job', 60_000), true)
    assert.equal(await a.acquire('other.job', 60_000), false)
  })

  test('of many processes racing for the same occurrence, exactly one wins', async () => {
    const db = database.handle.db
    const leases = Array.from({ length: 12 }, (_, i) =>
      createPostgresLease({ db, holder: `p${i}` }),
    )
    for (let round = 0; round < 5; round++) {
      const granted = await Promise.all(leases.map((l) => l.acquire(`race.${round}`, 60_000)))
      assert.equal(granted.filter(Boolean).length, 1, `round ${round}`)
    }
  })

  test('a grant that ran out (its holder died) goes to the next to ask', async () => {
    const db = database.handle.db
    const dead = createPostgresLease({ db, holder: 'dead' })
    const alive = createPostgresLease({ db, holder: 'alive' })
    assert.equal(await dead.acquire('expiring.job', 150), true)
    assert.equal(await alive.acquire('expiring.job', 150), false)
    await new Promise((resolve) => setTimeout(resolve, 250))
    assert.equal(await alive.acquire('expiring.job', 150), true)
    assert.equal(await dead.acquire('expiring.job', 150), false)
    const row = await db
      .selectFrom('job_leases')
      .select('holder')
      .where('job_name', '=', 'expiring.job')
      .executeTakeFirstOrThrow()
    assert.equal(row.holder, 'alive')
  })
})

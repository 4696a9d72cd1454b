/** API keys on every database: shown once, stored hashed, revocable, limited per key. */

import assert from 'node:assert/strict'
import { createHash } from 'node:crypto'
import { test } from 'node:test'
import { createApiKeys } from '../../src/integrations/index.js'
import { createFixedClock } from '../../src/lib/clock.js'
import { MastheadError } from '../../src/lib/errors.js'
import { forEachDatabase } from '../helpers/databases.js'

const NOW = new Date('2026-11-20T12:00:30.000Z')
const code = (expected: string) => (error: unknown) =>
  error instanceof MastheadError && error.code === expected

forEachDatabase('api keys', (t) => {
  test('a key is printed once and only its hash is stored', async () => {
    const keys = createApiKeys({ db: t.handle.db, clock: createFixedClock(NOW), perMinute: 0 })
    const { key, secret } = await keys.add('  Newsletter  ')
    assert.match(secret, /^mh_[A-Za-z0-9_-]{32}$/)
    assert.equal(key.name, 'Newsletter')
    assert.equal(key.prefix, secret.slice(0, 11))
    const row = await t.handle.db
      .selectFrom('api_keys')
      .selectAll()
      .where('id', '=', key.id)
      .executeTakeFirstOrThrow()
    assert.equal(row.key_hash, createHash('sha256').update(secret).digest('hex'))
    assert.ok(!JSON.stringify(row).includes(secret.slice(3)))
    const caller = await keys.authenticate(`Bearer ${secret}`)
    assert.deepEqual(caller, { keyId: key.id, name: 'Newsletter' })
    const listed = (await keys.list()).find((k) => k.id === key.id)
    assert.deepEqual(listed?.lastUsedAt, NOW)
  })

  test('missing, malformed, unknown and revoked keys are refused', async () => {
    const keys = createApiKeys({ db: t.handle.db, clock: createFixedClock(NOW), perMinute: 0 })
    await assert.rejects(keys.authenticate(undefined), code('API_KEY_MISSING'))
    await assert.rejects(keys.authenticate('Basic abc'), code('API_KEY_MISSING'))
    await assert.rejects(keys.authenticate('Bearer short'), code('API_KEY_INVALID'))
    await assert.rejects(keys.authenticate(`Bearer mh_${'A'.repeat(32)}`), code('API_KEY_INVALID'))
    const { key, secret } = await keys.add('Partner')
    await keys.authenticate(`Bearer ${secret}`)
    await keys.revoke(key.prefix)
    await assert.rejects(keys.authenticate(`Bearer ${secret}`), code('API_KEY_INVALID'))
    await assert.rejects(keys.revoke(String(key.id)), code('API_KEY_NOT_FOUND'))
    await assert.rejects(keys.add(' '), code('API_KEY_NAME_INVALID'))
    await assert.rejects(keys.add('x'.repeat(101)), code('API_KEY_NAME_INVALID'))
  })

  test('a revoked key is refused by another process once its memory expires', async () => {
    const clock = createFixedClock(NOW)
    const first = createApiKeys({ db: t.handle.db, clock, perMinute: 0 })
    const second = createApiKeys({ db: t.handle.db, clock, perMinute: 0 })
    const { key, secret } = await first.add('App')
    await second.authenticate(`Bearer ${secret}`)
    await first.revoke(String(key.id))
    await second.authenticate(`Bearer ${secret}`) // still remembered
    clock.set(new Date(NOW.getTime() + 31_000))
    await assert.rejects(second.authenticate(`Bearer ${secret}`), code('API_KEY_INVALID'))
  })

  for (const sharedWindows of [false, true]) {
    const how = sharedWindows ? 'in the database' : 'in memory'
    test(`each key has its own limit per minute, and the window resets (${how})`, async () => {
      const clock = createFixedClock(NOW)
      const keys = createApiKeys({ db: t.handle.db, clock, perMinute: 3, sharedWindows })
      const a = await keys.authenticate(`Bearer ${(await keys.add('A')).secret}`)
      const b = await keys.authenticate(`Bearer ${(await keys.add('B')).secret}`)
      const remaining: number[] = []
      for (let i = 0; i < 3; i++) remaining.push((await keys.consume(a)).remaining)
      assert.deepEqual(remaining, [2, 1, 0])
      await assert.rejects(
        keys.consume(a),
        (error: unknown) =>
          error instanceof MastheadError &&
          error.code === 'API_RATE_LIMITED' &&
          error.details?.retryAfterSeconds === 30,
      )
      assert.equal((await keys.consume(b)).remaining, 2)
      clock.set(new Date(NOW.getTime() + 30_000))
      assert.equal((await keys.consume(a)).remaining, 2)
    })
  }

  test('with shared windows, two processes share one key’s limit', async () => {
    const clock = createFixedClock(NOW)
    const one = createApiKeys({ db: t.handle.db, clock, perMinute: 4, sharedWindows: true })
    const two = createApiKeys({ db: t.handle.db, clock, perMinute: 4, sharedWindows: true })
    const secret = (await one.add('Shared')).secret
    const [a1, a2] = [
      await one.authenticate(`Bearer ${secret}`),
      await two.authenticate(`Bearer ${secret}`),
    ]
    const results = await Promise.allSettled([
      one.consume(a1),
      two.consume(a2),
      one.consume(a1),
      two.consume(a2),
      one.consume(a1),
      two.consume(a2),
    ])
    assert.equal(results.filter((r) => r.status === 'fulfilled').length, 4)
    assert.equal(results.filter((r) => r.status === 'rejected').length, 2)
  })
})

/** Newsroom sessions on every database: hashed tokens, timeouts, sign-out (everywhere), deactivation. */

import assert from 'node:assert/strict'
import { test } from 'node:test'
import { type Accounts, createAccounts, csrfMatches } from '../../src/accounts/index.js'
import { tokenHash } from '../../src/accounts/tokens.js'
import { createFixedClock } from '../../src/lib/clock.js'
import { TEST_HASH_COST } from '../helpers/build-test-app.js'
import { forEachDatabase } from '../helpers/databases.js'

const START = new Date('2026-12-03T09:00:00.000Z')
const HOUR = 3_600_000
const PASSWORD = 'correct horse battery staple'

forEachDatabase('newsroom sessions', (t) => {
  const setup = async (email: string, role: 'admin' | 'editor' = 'editor') => {
    const clock = createFixedClock(START)
    const accounts: Accounts = createAccounts({
      db: t.handle.db,
      clock,
      sessionPolicy: { idleMs: 2 * HOUR, maxMs: 24 * HOUR },
      hashCost: TEST_HASH_COST,
    })
    const { user } = await accounts.addUser({
      email,
      name: 'Sam Session',
      role,
      password: PASSWORD,
    })
    const signIn = () => accounts.signIn({ email, password: PASSWORD, address: '198.51.100.7' })
    return { clock, accounts, user, signIn }
  }

  test('a sign-in stores only the hash of a new random token and resolves to the actor', async () => {
    const { accounts, user, signIn } = await setup('one@example.org')
    const first = await signIn()
    const second = await signIn()
    assert.notEqual(first.token, second.token, 'every sign-in gets a new session id')
    assert.match(first.token, /^[A-Za-z0-9_-]{43}$/)
    const rows = await t.handle.db
      .selectFrom('newsroom_sessions')
      .select('token_hash')
      .where('user_id', '=', user.id)
      .execute()
    assert.deepEqual(
      rows.map((r) => r.token_hash).sort(),
      [tokenHash(first.token), tokenHash(second.token)].sort(),
    )
    assert.ok(!rows.some((r) => r.token_hash === first.token), 'the token itself is never stored')
    const signedIn = await accounts.resolveSession(first.token)
    assert.deepEqual(signedIn?.actor, { userId: user.id, role: 'editor', name: 'Sam Session' })
    assert.ok(signedIn !== undefined && csrfMatches(first.token, signedIn.csrfToken))
    assert.ok(!csrfMatches(second.token, signedIn.csrfToken), 'the CSRF token is per session')
    assert.equal(await accounts.resolveSession('not-a-session'), undefined)
  })

  test('signing in again from the same browser ends the previous session', async () => {
    const { accounts, signIn } = await setup('again@example.org')
    const first = await signIn()
    await accounts.signIn({
      email: 'again@example.org',
      password: PASSWORD,
      address: '198.51.100.7',
      previousToken: first.token,
    })
    assert.equal(await accounts.resolveSession(first.token), undefined)
  })

  test('an idle session ends after the idle timeout; use keeps it alive', async () => {
    const { clock, accounts, signIn } = await setup('idle@example.org')
    const { token } = await signIn()
    clock.advance(2 * HOUR - 1000)
    assert.ok(await accounts.resolveSession(token), 'used just before the idle timeout')
    clock.advance(2 * HOUR - 1000)
    assert.ok(await accounts.resolveSession(token), 'the use above restarted the idle time')
    clock.advance(2 * HOUR)
    assert.equal(await accounts.resolveSession(token), undefined, 'idle for two hours: ended')
    const left = await t.handle.db
      .selectFrom('newsroom_sessions')
      .select('token_hash')
      .where('token_hash', '=', tokenHash(token))
      .execute()
    assert.equal(left.length, 0, 'an ended session is deleted')
  })

  test('a busy session still ends at the absolute timeout', async () => {
    const { clock, accounts, signIn } = await setup('busy@example.org')
    const { token } = await signIn()
    const signedIn = await accounts.resolveSession(token)
    assert.equal(
      signedIn?.expiresAt.toISOString(),
      new Date(START.getTime() + 24 * HOUR).toISOString(),
    )
    for (let hour = 1; hour < 24; hour += 1) {
      clock.advance(HOUR)
      assert.ok(await accounts.resolveSession(token), `hour ${hour}`)
    }
    clock.advance(HOUR)
    assert.equal(await accounts.resolveSession(token), undefined)
  })

  test('sign-out ends one session; sign-out everywhere ends them all', async () => {
    const { accounts, signIn } = await setup('out@example.org')
    const a = await signIn()
    const b = await signIn()
    const c = await signIn()
    await accounts.signOut(a.token)
    assert.equal(await accounts.resolveSession(a.token), undefined)
    const actor = (await accounts.resolveSession(b.token))?.actor
    assert.ok(actor)
    assert.equal(await accounts.signOutEverywhere(actor), 2)
    assert.equal(await accounts.resolveSession(b.token), undefined)
    assert.equal(await accounts.resolveSession(c.token), undefined)
  })

  test('a deactivated user loses every session and cannot sign in', async () => {
    const { accounts, signIn } = await setup('gone@example.org')
    await setup('keeper@example.org', 'admin')
    const { token } = await signIn()
    const { endedSessions } = await accounts.deactivate('GONE@example.org')
    assert.equal(endedSessions, 1)
    assert.equal(await accounts.resolveSession(token), undefined)
    await assert.rejects(signIn(), { code: 'SIGN_IN_FAILED' })
  })

  test('sweep deletes timed-out sessions, day-old throttles and expired reset links', async () => {
    const { clock, accounts, signIn } = await setup('sweep@example.org')
    const old = await signIn()
    clock.advance(3 * HOUR)
    const fresh = await signIn()
    await assert.rejects(
      accounts.signIn({ email: 'sweep@example.org', password: 'wrong', address: '192.0.2.99' }),
    )
    const { url } = await accounts.createResetLink('sweep@example.org', HOUR)
    assert.ok((await accounts.sweepSessions()) >= 1)
    assert.ok(await accounts.resolveSession(fresh.token))
    assert.equal(await accounts.resolveSession(old.token), undefined)
    const throttles = () => t.handle.db.selectFrom('sign_in_throttles').select('key_hash').execute()
    assert.ok((await throttles()).length > 0, 'a recent failure is kept')
    assert.ok(await accounts.checkResetToken(url.split('/').pop() ?? ''))
    clock.advance(26 * HOUR)
    await accounts.sweepSessions()
    assert.equal((await throttles()).length, 0, 'day-old failures are deleted')
    const tokens = await t.handle.db
      .selectFrom('password_reset_tokens')
      .select('token_hash')
      .execute()
    assert.equal(tokens.length, 0, 'expired reset links are deleted')
  })
})

/** Sign-in on every database: throttling and the lock (moved by a test clock), password change and reset. */

import assert from 'node:assert/strict'
import { test } from 'node:test'
import { type Accounts, createAccounts } from '../../src/accounts/index.js'
import type { MailMessage } from '../../src/infra/mail/mailer.js'
import { createFixedClock } from '../../src/lib/clock.js'
import { TEST_HASH_COST } from '../helpers/build-test-app.js'
import { forEachDatabase } from '../helpers/databases.js'

const START = new Date('2026-12-03T09:00:00.000Z')
const PASSWORD = 'correct horse battery staple'
const MINUTE = 60_000

forEachDatabase('sign-in', (t) => {
  const setup = async (email: string) => {
    const clock = createFixedClock(START)
    const mail: MailMessage[] = []
    const accounts: Accounts = createAccounts({
      db: t.handle.db,
      clock,
      signInLockMs: 15 * MINUTE,
      hashCost: TEST_HASH_COST,
      mailer: { delivers: true, send: async (message) => void mail.push(message) },
      resetUrl: (token) => `https://news.example.org/newsroom/reset-password/${token}`,
    })
    await accounts.addUser({ email, name: 'Pat Password', role: 'author', password: PASSWORD })
    const home = `198.51.100.${(nextAddress += 1)}`
    const attempt = (password: string, address = home, who = email) =>
      accounts.signIn({ email: who, password, address })
    return { clock, accounts, attempt, mail }
  }

  let nextAddress = 0
  /** The code a sign-in try fails with ('ok' when it succeeds). */
  const outcome = async (promise: Promise<unknown>): Promise<string> => {
    try {
      await promise
      return 'ok'
    } catch (error) {
      return (error as { code: string }).code
    }
  }

  test('wrong password ten times in a row locks the account with a clear message', async () => {
    const { attempt } = await setup('lock@example.org')
    const codes: string[] = []
    for (let i = 0; i < 10; i += 1) codes.push(await outcome(attempt('wrong password!')))
    assert.deepEqual(codes, [
      ...Array<string>(5).fill('SIGN_IN_FAILED'),
      ...Array<string>(4).fill('SIGN_IN_THROTTLED'),
      'SIGN_IN_LOCKED',
    ])
    await assert.rejects(
      attempt(PASSWORD),
      (error: Error & { details: Record<string, unknown> }) => {
        assert.match(error.message, /locked for 15 minutes/)
        assert.equal(error.details.retryAfterSeconds, 15 * 60)
        return (error as { code?: string }).code === 'SIGN_IN_LOCKED'
      },
    )
  })

  test('waits grow between tries; a try after the wait is checked again', async () => {
    const { clock, attempt } = await setup('wait@example.org')
    for (let i = 0; i < 5; i += 1) await outcome(attempt('wrong password!'))
    await assert.rejects(
      attempt(PASSWORD),
      (error: Error & { details: Record<string, unknown> }) => {
        assert.equal((error as { code?: string }).code, 'SIGN_IN_THROTTLED')
        assert.equal(error.details.retryAfterSeconds, 1)
        return true
      },
    )
    clock.advance(2000 + 1)
    // The throttled try above counted: six failures, so a two-second wait has just passed.
    assert.equal(await outcome(attempt(PASSWORD)), 'ok', 'the right password works after the wait')
    assert.equal(
      await outcome(attempt('wrong password!')),
      'SIGN_IN_FAILED',
      'success reset the count',
    )
  })

  test('the lock ends after its time, and a password reset lifts it at once', async () => {
    const { clock, accounts, attempt } = await setup('lift@example.org')
    for (let i = 0; i < 10; i += 1) await outcome(attempt('wrong password!'))
    clock.advance(14 * MINUTE)
    assert.equal(await outcome(attempt(PASSWORD)), 'SIGN_IN_LOCKED')
    clock.advance(MINUTE)
    assert.equal(await outcome(attempt(PASSWORD)), 'ok')

    for (let i = 0; i < 10; i += 1) await outcome(attempt('wrong password!'))
    assert.equal(await outcome(attempt(PASSWORD)), 'SIGN_IN_LOCKED')
    const { url } = await accounts.createResetLink('lift@example.org')
    const token = url.split('/').pop() ?? ''
    await accounts.resetPassword({
      token,
      next: 'a brand new passphrase',
      confirm: 'a brand new passphrase',
    })
    assert.equal(await outcome(attempt('a brand new passphrase')), 'ok')
  })

  test('an unknown e-mail gets the same answers as a known one, and is throttled alike', async () => {
    const { attempt } = await setup('known@example.org')
    const known: string[] = []
    const unknown: string[] = []
    for (let i = 0; i < 10; i += 1) {
      known.push(await outcome(attempt('wrong password!', '198.51.100.31')))
      unknown.push(await outcome(attempt('wrong password!', '198.51.100.32', 'nobody@example.org')))
    }
    assert.deepEqual(unknown, known)
  })

  test('one address trying many accounts is throttled, then locked, by address', async () => {
    const { attempt } = await setup('target@example.org')
    const codes: string[] = []
    for (let i = 0; i < 100; i += 1)
      codes.push(await outcome(attempt('wrong password!', '192.0.2.50', `user${i}@example.org`)))
    assert.deepEqual(codes.slice(0, 21), Array<string>(21).fill('SIGN_IN_FAILED'))
    assert.equal(codes[21], 'SIGN_IN_THROTTLED')
    assert.equal(codes[99], 'SIGN_IN_LOCKED')
    assert.equal(await outcome(attempt(PASSWORD, '192.0.2.50')), 'SIGN_IN_LOCKED')
    assert.equal(await outcome(attempt(PASSWORD, '192.0.2.51')), 'ok', 'other addresses are not')
  })

  test('a password change needs the current password and ends the other sessions', async () => {
    const { accounts } = await setup('change@example.org')
    const here = await accounts.signIn({
      email: 'change@example.org',
      password: PASSWORD,
      address: '::1',
    })
    const there = await accounts.signIn({
      email: 'change@example.org',
      password: PASSWORD,
      address: '::1',
    })
    const actor = (await accounts.resolveSession(here.token))?.actor
    assert.ok(actor)
    const next = 'another good passphrase'
    await assert.rejects(
      accounts.changePassword(actor, {
        current: 'wrong',
        next,
        confirm: next,
        keepToken: here.token,
      }),
      { code: 'PASSWORD_CURRENT_WRONG' },
    )
    await assert.rejects(
      accounts.changePassword(actor, {
        current: PASSWORD,
        next,
        confirm: 'typo',
        keepToken: here.token,
      }),
      { code: 'PASSWORD_CONFIRMATION_MISMATCH' },
    )
    await assert.rejects(
      accounts.changePassword(actor, {
        current: PASSWORD,
        next: 'short',
        confirm: 'short',
        keepToken: here.token,
      }),
      { code: 'USER_PASSWORD_TOO_SHORT' },
    )
    await accounts.changePassword(actor, {
      current: PASSWORD,
      next,
      confirm: next,
      keepToken: here.token,
    })
    assert.ok(await accounts.resolveSession(here.token), 'this session stays')
    assert.equal(await accounts.resolveSession(there.token), undefined, 'the other one ended')
    assert.equal(await accounts.verifyPassword('change@example.org', PASSWORD), undefined)
    assert.ok(await accounts.verifyPassword('change@example.org', next))
  })

  test('a reset link works once, before it expires, and ends every session', async () => {
    const { clock, accounts } = await setup('reset@example.org')
    const session = await accounts.signIn({
      email: 'reset@example.org',
      password: PASSWORD,
      address: '::1',
    })
    const { url, expiresAt } = await accounts.createResetLink('Reset@Example.org')
    assert.match(url, /^https:\/\/news\.example\.org\/newsroom\/reset-password\/[A-Za-z0-9_-]{43}$/)
    assert.equal(expiresAt.getTime() - START.getTime(), 24 * 60 * MINUTE)
    const token = url.split('/').pop() ?? ''
    const rows = await t.handle.db
      .selectFrom('password_reset_tokens')
      .select('token_hash')
      .execute()
    assert.ok(!rows.some((r) => r.token_hash === token), 'only a hash is stored')
    assert.ok(await accounts.checkResetToken(token))
    const next = 'the reset passphrase'
    await accounts.resetPassword({ token, next, confirm: next })
    assert.equal(await accounts.resolveSession(session.token), undefined)
    assert.ok(await accounts.verifyPassword('reset@example.org', next))
    await assert.rejects(accounts.resetPassword({ token, next, confirm: next }), {
      code: 'PASSWORD_RESET_INVALID',
    })

    const late = (await accounts.createResetLink('reset@example.org', 60 * MINUTE)).url
    clock.advance(60 * MINUTE)
    await assert.rejects(
      accounts.resetPassword({ token: late.split('/').pop() ?? '', next, confirm: next }),
      { code: 'PASSWORD_RESET_INVALID' },
    )
    await assert.rejects(accounts.createResetLink('nobody@example.org'), { code: 'USER_NOT_FOUND' })
  })

  test('asking for a reset mails a one-hour link to an active user only, at most once a minute', async () => {
    const { clock, accounts, mail } = await setup('mailme@example.org')
    await accounts.requestReset('MailMe@example.org ')
    await accounts.requestReset('mailme@example.org')
    await accounts.requestReset('stranger@example.org')
    await new Promise((resolve) => setImmediate(resolve))
    assert.equal(mail.length, 1)
    assert.equal(mail[0]?.to, 'mailme@example.org')
    const link = /https:\/\/news\.example\.org\/newsroom\/reset-password\/([A-Za-z0-9_-]+)/.exec(
      mail[0]?.text ?? '',
    )
    assert.ok(link?.[1])
    assert.ok(await accounts.checkResetToken(link[1]))
    clock.advance(61 * MINUTE)
    assert.equal(
      await accounts.checkResetToken(link[1]),
      undefined,
      'an e-mailed link lasts an hour',
    )
  })

  test('roles change by e-mail; the last active admin can neither be demoted nor deactivated', async () => {
    const { accounts } = await setup('role@example.org')
    assert.equal((await accounts.setRole('role@example.org', 'moderator')).role, 'moderator')
    await assert.rejects(accounts.setRole('role@example.org', 'owner'), {
      code: 'USER_ROLE_INVALID',
    })
    await assert.rejects(accounts.setRole('ghost@example.org', 'editor'), {
      code: 'USER_NOT_FOUND',
    })
    const admins = (await accounts.listUsers()).filter(
      (u) => u.role === 'admin' && u.deactivatedAt === null,
    )
    for (const admin of admins.slice(1)) await accounts.deactivate(admin.email)
    const last =
      admins[0] ??
      (await accounts.addUser({ email: 'boss@example.org', name: 'Boss', role: 'admin' })).user
    await assert.rejects(accounts.setRole(last.email, 'editor'), { code: 'USER_LAST_ADMIN' })
    await assert.rejects(accounts.deactivate(last.email), { code: 'USER_LAST_ADMIN' })
  })
})

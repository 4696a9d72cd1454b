/** Newsroom accounts on every database: argon2id hashes, generated passwords, validation codes. */

import assert from 'node:assert/strict'
import { test } from 'node:test'
import { createAccounts } from '../../src/accounts/index.js'
import { createFixedClock } from '../../src/lib/clock.js'
import { forEachDatabase } from '../helpers/databases.js'

const clock = createFixedClock(new Date('2026-11-20T12:00:00.000Z'))

forEachDatabase('accounts', (t) => {
  test('a user is stored with a lower-cased e-mail and an argon2id hash that verifies', async () => {
    const accounts = createAccounts({ db: t.handle.db, clock })
    const { user, generatedPassword } = await accounts.addUser({
      email: '  Editor@Example.ORG ',
      name: 'Ed Itor',
      role: 'editor',
      password: 'correct horse battery',
    })
    assert.equal(user.email, 'editor@example.org')
    assert.equal(generatedPassword, undefined)
    const row = await t.handle.db
      .selectFrom('users')
      .select('password_hash')
      .where('id', '=', user.id)
      .executeTakeFirstOrThrow()
    assert.match(row.password_hash, /^\$argon2id\$/)
    assert.deepEqual(
      await accounts.verifyPassword('EDITOR@example.org', 'correct horse battery'),
      user,
    )
    assert.equal(
      await accounts.verifyPassword('editor@example.org', 'wrong horse battery'),
      undefined,
    )
    assert.equal(
      await accounts.verifyPassword('nobody@example.org', 'correct horse battery'),
      undefined,
    )
    assert.deepEqual(await accounts.findByEmail('Editor@example.org'), user)
  })

  test('without a password one is generated, returned once, and works', async () => {
    const accounts = createAccounts({ db: t.handle.db, clock })
    const { user, generatedPassword } = await accounts.addUser({
      email: 'admin@example.org',
      name: 'Admin',
      role: 'admin',
    })
    assert.ok(generatedPassword !== undefined && generatedPassword.length >= 20)
    assert.match(generatedPassword, /^[A-Za-z0-9_-]+$/)
    assert.deepEqual(await accounts.verifyPassword('admin@example.org', generatedPassword), user)
  })

  test('a duplicate e-mail is a conflict whatever its case', async () => {
    const accounts = createAccounts({ db: t.handle.db, clock })
    await accounts.addUser({
      email: 'dup@example.org',
      name: 'One',
      role: 'author',
      password: 'twelve chars!',
    })
    await assert.rejects(
      accounts.addUser({
        email: 'DUP@example.org',
        name: 'Two',
        role: 'author',
        password: 'twelve chars!',
      }),
      { code: 'USER_EMAIL_TAKEN', kind: 'conflict' },
    )
  })

  test('bad e-mail, role and short password are refused with their codes', async () => {
    const accounts = createAccounts({ db: t.handle.db, clock })
    const before = await accounts.countUsers()
    await assert.rejects(accounts.addUser({ email: 'not-an-email', name: 'X', role: 'author' }), {
      code: 'USER_EMAIL_INVALID',
    })
    await assert.rejects(
      accounts.addUser({ email: 'x@example.org', name: 'X', role: 'owner' as 'admin' }),
      { code: 'USER_ROLE_INVALID' },
    )
    await assert.rejects(
      accounts.addUser({ email: 'x@example.org', name: 'X', role: 'author', password: 'short' }),
      {
        code: 'USER_PASSWORD_TOO_SHORT',
      },
    )
    assert.equal(await accounts.countUsers(), before)
  })
})

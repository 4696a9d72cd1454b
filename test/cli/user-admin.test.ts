/** `masthead user add|list|set-role|deactivate|reset-password` in-process, on every database. */

import assert from 'node:assert/strict'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { after, before, test } from 'node:test'
import { createAccounts, USER_ROLES } from '../../src/accounts/index.js'
import { createFixedClock } from '../../src/lib/clock.js'
import { forEachDatabase } from '../helpers/databases.js'
import { databaseUrl, masthead } from './run-cli.js'

let dir: string
before(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'masthead-user-cli-'))
})
after(() => fs.rmSync(dir, { recursive: true, force: true }))

forEachDatabase('masthead user administration', (t) => {
  const env = (): Record<string, string> => ({
    MASTHEAD_DATABASE_URL: databaseUrl(t),
    MASTHEAD_MEDIA_DIR: path.join(dir, 'media'),
    MASTHEAD_LOG_LEVEL: 'silent',
    MASTHEAD_SITE_URL: 'https://news.example.org',
  })
  const add = (email: string, role: string) =>
    masthead(
      [
        'user',
        'add',
        '--email',
        email,
        '--name',
        `Name ${role}`,
        '--role',
        role,
        '--password',
        'a long enough password',
      ],
      env(),
    )

  test('user add takes all five roles and refuses others', async () => {
    for (const role of USER_ROLES) {
      const run = await add(`${role}@example.org`, role)
      assert.equal(run.code, 0, run.stderr)
      assert.match(run.stdout, new RegExp(`Created ${role} `))
    }
    const bad = await add('owner@example.org', 'owner')
    assert.equal(bad.code, 1)
    assert.match(bad.stderr, /owner/)
  })

  test('user list shows every user with role and status', async () => {
    const run = await masthead(['user', 'list'], env())
    assert.equal(run.code, 0, run.stderr)
    for (const role of USER_ROLES)
      assert.match(
        run.stdout,
        new RegExp(`^${role}@example\\.org  ${role}  active  Name ${role}$`, 'm'),
      )
  })

  test('user set-role changes the role; bad roles and unknown users are one clear line', async () => {
    const run = await masthead(['user', 'set-role', 'Author@Example.org', 'editor'], env())
    assert.equal(run.code, 0, run.stderr)
    assert.match(run.stdout, /is now editor/)
    const row = await t.handle.db
      .selectFrom('users')
      .select('role')
      .where('email', '=', 'author@example.org')
      .executeTakeFirstOrThrow()
    assert.equal(row.role, 'editor')
    const bad = await masthead(['user', 'set-role', 'author@example.org', 'chief'], env())
    assert.equal(bad.code, 1)
    assert.equal(bad.stderr.trim().split('\n').length, 1)
    const missing = await masthead(['user', 'set-role', 'nobody@example.org', 'editor'], env())
    assert.equal(missing.code, 1)
    assert.match(missing.stderr, /nobody@example\.org/)
    const usage = await masthead(['user', 'set-role', 'author@example.org'], env())
    assert.equal(usage.code, 2)
  })

  test('user deactivate ends the sessions; the last admin is kept', async () => {
    const accounts = createAccounts({ db: t.handle.db, clock: createFixedClock(new Date()) })
    const { token } = await accounts.signIn({
      email: 'moderator@example.org',
      password: 'a long enough password',
      address: '192.0.2.1',
    })
    const run = await masthead(['user', 'deactivate', 'moderator@example.org'], env())
    assert.equal(run.code, 0, run.stderr)
    assert.match(run.stdout, /1 session ended/)
    assert.equal(await accounts.resolveSession(token), undefined)
    const list = await masthead(['user', 'list'], env())
    assert.match(
      list.stdout,
      /^moderator@example\.org {2}moderator {2}deactivated \d{4}-\d\d-\d\d/m,
    )
    const lastAdmin = await masthead(['user', 'deactivate', 'admin@example.org'], env())
    assert.equal(lastAdmin.code, 1)
    assert.match(lastAdmin.stderr, /last active admin/)
  })

  test('user reset-password prints a one-time link on the site URL that works', async () => {
    const run = await masthead(['user', 'reset-password', 'contributor@example.org'], env())
    assert.equal(run.code, 0, run.stderr)
    const url = /https:\/\/news\.example\.org\/newsroom\/reset-password\/([A-Za-z0-9_-]{43})/.exec(
      run.stdout,
    )
    assert.ok(url?.[1], run.stdout)
    const accounts = createAccounts({ db: t.handle.db, clock: createFixedClock(new Date()) })
    await accounts.resetPassword({
      token: url[1],
      next: 'chosen by the user',
      confirm: 'chosen by the user',
    })
    assert.ok(await accounts.verifyPassword('contributor@example.org', 'chosen by the user'))
    const unknown = await masthead(['user', 'reset-password', 'nobody@example.org'], env())
    assert.equal(unknown.code, 1)
  })
})

/** `masthead api-key add|list|revoke` in-process, on every database. */

import assert from 'node:assert/strict'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { after, before, test } from 'node:test'
import { forEachDatabase } from '../helpers/databases.js'
import { databaseUrl, masthead } from './run-cli.js'

let dir: string
before(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'masthead-cli-keys-'))
})
after(() => {
  fs.rmSync(dir, { recursive: true, force: true })
})

forEachDatabase('masthead api-key', (t) => {
  const env = (): Record<string, string> => ({
    MASTHEAD_DATABASE_URL: databaseUrl(t),
    MASTHEAD_MEDIA_DIR: path.join(dir, 'media'),
    MASTHEAD_LOG_LEVEL: 'silent',
  })

  test('add prints the key once; list shows its prefix, never the key; revoke ends it', async () => {
    const added = await masthead(['api-key', 'add', '--name', 'Mobile app'], env())
    assert.equal(added.code, 0, added.stderr)
    const secret = /Key \(shown only this once\): (mh_\S+)/.exec(added.stdout)?.[1] ?? ''
    assert.match(secret, /^mh_[A-Za-z0-9_-]{32}$/)
    const id = /Created API key (\d+)/.exec(added.stdout)?.[1] ?? ''

    const listed = await masthead(['api-key', 'list'], env())
    assert.equal(listed.code, 0, listed.stderr)
    assert.match(listed.stdout, new RegExp(`${secret.slice(0, 11)}.*active.*Mobile app`))
    assert.ok(!listed.stdout.includes(secret))

    const revoked = await masthead(['api-key', 'revoke', id], env())
    assert.equal(revoked.code, 0, revoked.stderr)
    assert.match((await masthead(['api-key', 'list'], env())).stdout, /revoked.*Mobile app/)
    const row = await t.handle.db
      .selectFrom('api_keys')
      .select('revoked_at')
      .where('id', '=', Number(id))
      .executeTakeFirst()
    assert.notEqual(row?.revoked_at, null)
  })

  test('mistakes are one clear line: a missing name, an unknown key', async () => {
    const noName = await masthead(['api-key', 'add'], env())
    assert.equal(noName.code, 2)
    assert.match(noName.stderr, /--name/)
    const unknown = await masthead(['api-key', 'revoke', 'mh_nothing1'], env())
    assert.equal(unknown.code, 1)
    assert.equal(unknown.stderr.trim().split('\n').length, 1)
    assert.match(unknown.stderr, /No API key/)
  })
})

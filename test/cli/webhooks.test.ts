/** `masthead webhook add|list|remove|deliveries` in-process, on every database. */

import assert from 'node:assert/strict'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { after, before, test } from 'node:test'
import { toDbTime } from '../../src/db/time-codec.js'
import { forEachDatabase } from '../helpers/databases.js'
import { databaseUrl, masthead } from './run-cli.js'

let dir: string
before(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'masthead-cli-hooks-'))
})
after(() => {
  fs.rmSync(dir, { recursive: true, force: true })
})

forEachDatabase('masthead webhook', (t) => {
  const env = (): Record<string, string> => ({
    MASTHEAD_DATABASE_URL: databaseUrl(t),
    MASTHEAD_MEDIA_DIR: path.join(dir, 'media'),
    MASTHEAD_LOG_LEVEL: 'silent',
  })

  test('add prints the id and secret once; list, deliveries and remove follow it', async () => {
    const added = await masthead(
      [
        'webhook',
        'add',
        'https://hooks.example.org/masthead',
        '--events',
        'article.published,article.updated',
      ],
      env(),
    )
    assert.equal(added.code, 0, added.stderr)
    const id = /Created webhook (\d+)/.exec(added.stdout)?.[1] ?? ''
    const secret = /Signing secret \(shown only this once\): (whsec_\S+)/.exec(added.stdout)?.[1]
    assert.ok(id !== '' && secret !== undefined, added.stdout)

    const listed = await masthead(['webhook', 'list'], env())
    assert.equal(listed.code, 0, listed.stderr)
    assert.match(
      listed.stdout,
      new RegExp(
        `${id}\\s+active\\s+article.published,article.updated\\s+https://hooks.example.org/masthead`,
      ),
    )
    assert.ok(!listed.stdout.includes(secret ?? ''))

    assert.match((await masthead(['webhook', 'deliveries', id], env())).stdout, /No deliveries/)
    await t.handle.db
      .insertInto('webhook_deliveries')
      .values({
        webhook_id: Number(id),
        event: 'article.published',
        story_id: 1,
        payload: '{}',
        status: 'pending',
        attempts: 1,
        next_attempt_at: toDbTime(new Date('2026-11-20T12:00:30Z')),
        last_status_code: 500,
        last_duration_ms: 12,
        last_error: 'HTTP 500',
        created_at: toDbTime(new Date('2026-11-20T12:00:00Z')),
      })
      .execute()
    const log = await masthead(['webhook', 'deliveries', id, '--limit', '5'], env())
    assert.equal(log.code, 0, log.stderr)
    assert.match(
      log.stdout,
      /article\.published\s+pending\s+1\s+500\s+12\s+2026-11-20T12:00:30Z\s+HTTP 500/,
    )

    const removed = await masthead(['webhook', 'remove', id], env())
    assert.equal(removed.code, 0, removed.stderr)
    assert.match((await masthead(['webhook', 'list'], env())).stdout, /No webhooks yet/)
    assert.match(
      (await masthead(['webhook', 'deliveries', id], env())).stdout,
      /article\.published\s+cancelled/,
    )
  })

  test('a bad URL, an unknown event or an unknown webhook is one clear line and exit 1', async () => {
    for (const url of ['ftp://example.org/hook', 'example.org/hook']) {
      const run = await masthead(['webhook', 'add', url, '--events', 'article.published'], env())
      assert.equal(run.code, 1)
      assert.equal(run.stderr.trim().split('\n').length, 1)
      assert.match(run.stderr, /not a webhook URL/)
    }
    const unknown = await masthead(
      ['webhook', 'add', 'https://hooks.example.org/', '--events', 'article.published,story.eaten'],
      env(),
    )
    assert.equal(unknown.code, 1)
    assert.match(unknown.stderr, /Unknown event story\.eaten/)
    const gone = await masthead(['webhook', 'remove', '999999'], env())
    assert.equal(gone.code, 1)
    assert.match(gone.stderr, /No webhook "999999"/)
  })

  test('usage mistakes exit 2 with the help', async () => {
    const noUrl = await masthead(['webhook', 'add', '--events', 'article.published'], env())
    assert.equal(noUrl.code, 2)
    assert.match(noUrl.stderr, /needs a URL/)
    const noEvents = await masthead(['webhook', 'add', 'https://hooks.example.org/'], env())
    assert.equal(noEvents.code, 2)
    assert.match(noEvents.stderr, /--events/)
    const badLimit = await masthead(['webhook', 'deliveries', '--limit', '0'], env())
    assert.equal(badLimit.code, 2)
    assert.match(badLimit.stderr, /--limit/)
  })
})

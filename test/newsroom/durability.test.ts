/** A SIGKILL of a process that acknowledged saves loses none of them (SQLite, WAL, synchronous NORMAL). */

import assert from 'node:assert/strict'
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { test } from 'node:test'
import { openDatabase } from '../../src/db/database.js'
import { migrateToLatest } from '../../src/db/migrator.js'
import { newsroomFixture } from './newsroom-fixtures.js'
import { insertActor } from './story-desk-fixtures.js'

const ROOT = path.resolve(import.meta.dirname, '../..')
const ACKS_BEFORE_KILL = 40

test('acknowledged saves survive a SIGKILL of the process that made them', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'masthead-durable-'))
  const filename = path.join(dir, 'masthead.db')
  try {
    const handle = openDatabase({ kind: 'sqlite', filename })
    await migrateToLatest(handle)
    const f = await newsroomFixture(handle.db)
    const editor = await insertActor(handle.db, 'editor')
    const story = await f.newsroom.stories.create(editor, {
      headline: 'Durable words',
      bodyMarkdown: 'Body of version 1.',
      sectionId: f.section.id,
      authorIds: [f.author.id],
    })
    await handle.close()

    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'test/newsroom/support/save-loop.ts'],
      {
        cwd: ROOT,
        env: {
          PATH: process.env.PATH ?? '',
          HOME: process.env.HOME ?? '',
          MASTHEAD_DATABASE_URL: `sqlite:${filename}`,
          MASTHEAD_MEDIA_DIR: path.join(dir, 'media'),
          MASTHEAD_LOG_LEVEL: 'silent',
          STORY_ID: String(story.id),
          USER_ID: String(editor.userId),
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    )
    let stderr = ''
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))
    const exited = new Promise<NodeJS.Signals | null>((resolve) =>
      child.once('exit', (_code, signal) => resolve(signal)),
    )
    let lastAck = 0
    let buffered = ''
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`too few saves in 60 s:\n${stderr}`)), 60_000)
      void exited.then(() => reject(new Error(`the save loop exited:\n${stderr}`)))
      child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
        buffered += chunk
        const lines = buffered.split('\n')
        buffered = lines.pop() ?? ''
        for (const line of lines) {
          const acked = /^ack (\d+)$/.exec(line)
          if (acked) lastAck = Number(acked[1])
        }
        if (lastAck >= ACKS_BEFORE_KILL) {
          // Killed in the middle of its loop: a save may be in flight, but every ack was printed after a commit.
          child.kill('SIGKILL')
          clearTimeout(timer)
          resolve()
        }
      })
    })
    assert.equal(await exited, 'SIGKILL')

    const reopened = openDatabase({ kind: 'sqlite', filename })
    try {
      const row = await reopened.db
        .selectFrom('articles')
        .select(['version', 'body_markdown'])
        .where('id', '=', story.id)
        .executeTakeFirstOrThrow()
      assert.ok(row.version >= lastAck, `version ${row.version} holds ack ${lastAck}`)
      const revisions = await reopened.db
        .selectFrom('article_revisions')
        .select(['version', 'body_markdown'])
        .where('article_id', '=', story.id)
        .orderBy('version')
        .execute()
      for (let version = 1; version <= lastAck; version++) {
        assert.equal(revisions[version - 1]?.version, version, `revision ${version} kept`)
        assert.equal(revisions[version - 1]?.body_markdown, `Body of version ${version}.`)
      }
      assert.equal(
        row.body_markdown,
        `Body of version ${row.version}.`,
        'the row matches its last revision',
      )
    } finally {
      await reopened.close()
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
})

/** `masthead story correct` as an editor runs it, in-process, on every database. */

import assert from 'node:assert/strict'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { after, before, test } from 'node:test'
import { type AppServices, buildServices } from '../../src/app.js'
import { parseConfig } from '../../src/config.js'
import { seedDemo } from '../../src/demo/seed-demo.js'
import { forEachDatabase } from '../helpers/databases.js'
import { databaseUrl, masthead as run } from './run-cli.js'

forEachDatabase('masthead story correct', (t) => {
  let dir: string
  let env: Record<string, string>
  let slug = ''
  const masthead = (args: string[]) => run(args, env)

  async function withServices<T>(work: (services: AppServices) => Promise<T>): Promise<T> {
    const services = await buildServices(parseConfig(env, dir))
    try {
      return await work(services)
    } finally {
      await services.close()
    }
  }

  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'masthead-cli-correct-'))
    env = {
      MASTHEAD_DATABASE_URL: databaseUrl(t),
      MASTHEAD_MEDIA_DIR: path.join(dir, 'media'),
      MASTHEAD_LOG_LEVEL: 'silent',
      MASTHEAD_DEMO: 'false',
    }
    await withServices(async (services) => {
      await seedDemo(services, { articles: 2, seed: 5, now: services.clock.now() })
      const { items } = await services.newsroom.listArticles({}, 1, 1)
      slug = items[0]?.slug ?? ''
    })
  })
  after(() => fs.rmSync(dir, { recursive: true, force: true }))

  test('adds a correction (the default kind) and an update to a published story', async () => {
    const correct = await masthead(['story', 'correct', slug, '--text', 'The mayor is Ana Ruiz.'])
    assert.equal(correct.code, 0, correct.stderr)
    assert.match(correct.stdout, /^Added correction #\d+ to \/[a-z-]+\/[a-z0-9-]+ \(/)
    const update = await masthead([
      'story',
      'correct',
      slug,
      '--kind',
      'update',
      '--text',
      'Police have named the ship.',
    ])
    assert.equal(update.code, 0, update.stderr)
    await withServices(async ({ newsroom }) => {
      const found = await newsroom.findPublishedArticle(slug)
      assert.equal(found?.kind, 'found')
      if (found?.kind !== 'found') return
      assert.deepEqual(
        found.article.notes.map((n) => [n.kind, n.text]),
        [
          ['correction', 'The mayor is Ana Ruiz.'],
          ['update', 'Police have named the ship.'],
        ],
      )
      const stored = await t.handle.db
        .selectFrom('article_notes')
        .select(['created_by', 'created_by_name'])
        .where('article_id', '=', found.article.id)
        .execute()
      assert.deepEqual(stored[0], { created_by: null, created_by_name: 'Editor (CLI)' })
    })
  })

  test('mistakes are clear: usage (2), unknown story and bad input (1)', async () => {
    assert.equal((await masthead(['story', 'correct'])).code, 2)
    assert.equal((await masthead(['story', 'correct', slug])).code, 2)
    assert.equal((await masthead(['story', 'correct', slug, 'x', '--text', 'a'])).code, 2)
    const unknown = await masthead(['story', 'correct', 'no-such-story', '--text', 'x'])
    assert.equal(unknown.code, 1)
    assert.match(unknown.stderr, /no published story "no-such-story"/)
    const kind = await masthead(['story', 'correct', slug, '--kind', 'retraction', '--text', 'x'])
    assert.equal(kind.code, 1)
    assert.match(kind.stderr, /correction or an update/)
    const empty = await masthead(['story', 'correct', slug, '--text', '   '])
    assert.equal(empty.code, 1)
    const help = await masthead(['story', 'correct', '--help'])
    assert.equal(help.code, 0)
    assert.match(help.stdout, /--kind K/)
  })
})

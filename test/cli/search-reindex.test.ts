/** `masthead search reindex` as an operator runs it after an import, in-process, on every database. */

import assert from 'node:assert/strict'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { after, before, test } from 'node:test'
import { type AppServices, buildServices } from '../../src/app.js'
import { parseConfig } from '../../src/config.js'
import { toDbTime } from '../../src/db/time-codec.js'
import { seedDemo } from '../../src/demo/seed-demo.js'
import { forEachDatabase } from '../helpers/databases.js'
import { databaseUrl, masthead as run } from './run-cli.js'

forEachDatabase('masthead search reindex', (t) => {
  let dir: string
  let env: Record<string, string>
  let ids: number[] = []
  const masthead = (args: string[]) => run(args, env)

  async function withServices<T>(work: (services: AppServices) => Promise<T>): Promise<T> {
    const services = await buildServices(parseConfig(env, dir))
    try {
      return await work(services)
    } finally {
      await services.close()
    }
  }

  /** Headlines of the stories a search for `text` finds. */
  const found = (text: string): Promise<string[]> =>
    withServices(async ({ search }) => {
      const results = await search.search({ text, page: 1, perPage: 10 })
      return results.hits.map((hit) => hit.story.headline)
    })

  /** Rewrites a story's headline straight in the database, as an import would (no event). */
  async function importHeadline(id: number, headline: string, modifiedAt: Date): Promise<void> {
    await t.handle.db
      .updateTable('articles')
      .set({ headline, modified_at: toDbTime(modifiedAt) })
      .where('id', '=', id)
      .execute()
  }

  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'masthead-cli-reindex-'))
    env = {
      MASTHEAD_DATABASE_URL: databaseUrl(t),
      MASTHEAD_MEDIA_DIR: path.join(dir, 'media'),
      MASTHEAD_LOG_LEVEL: 'silent',
      MASTHEAD_DEMO: 'false',
    }
    await withServices(async (services) => {
      await seedDemo(services, { articles: 3, seed: 7, now: services.clock.now() })
      const { items } = await services.newsroom.listArticles({}, 1, 3)
      ids = items.map((story) => story.id)
    })
  })
  after(() => fs.rmSync(dir, { recursive: true, force: true }))

  test('rebuilds the index from the stories: imported text becomes findable', async () => {
    const [id] = ids
    assert.ok(id !== undefined)
    await importHeadline(id, 'Zanzibar quokkas reach the harbour', new Date())
    assert.deepEqual(await found('quokkas'), [], 'the index has not seen the import yet')

    const rebuilt = await masthead(['search', 'reindex'])
    assert.equal(rebuilt.code, 0, rebuilt.stderr)
    assert.match(rebuilt.stdout, /^Rebuilt the search index: 3 stories indexed in \d+\.\d s\.$/m)
    assert.deepEqual(await found('quokkas'), ['Zanzibar quokkas reach the harbour'])
    const count = await t.handle.db
      .selectFrom('search_documents')
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .executeTakeFirstOrThrow()
    assert.equal(Number(count.n), 3, 'one document per published story, none twice')
  })

  test('--changed re-indexes only what changed since it was indexed', async () => {
    const [, id] = ids
    assert.ok(id !== undefined)
    await importHeadline(id, 'Wombats elect a harbour master', new Date(Date.now() + 60_000))
    const changed = await masthead(['search', 'reindex', '--changed'])
    assert.equal(changed.code, 0, changed.stderr)
    assert.match(changed.stdout, /^Brought the search index up to date: 1 story indexed in /m)
    assert.deepEqual(await found('wombats'), ['Wombats elect a harbour master'])
  })

  test('usage mistakes exit with 2; --help explains', async () => {
    const unknown = await masthead(['search', 'reindex', '--everything'])
    assert.equal(unknown.code, 2)
    assert.equal((await masthead(['search', 'rebuild'])).code, 2)
    const help = await masthead(['search', 'reindex', '--help'])
    assert.equal(help.code, 0)
    assert.match(help.stdout, /--changed/)
  })
})

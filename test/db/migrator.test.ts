import assert from 'node:assert/strict'
import { test } from 'node:test'
import { migrateToLatest } from '../../src/db/migrator.js'
import { forEachDatabase } from '../helpers/databases.js'

forEachDatabase('migrator', (t) => {
  test('creates every core table', async () => {
    const tables = (await t.handle.db.introspection.getTables()).map((table) => table.name)
    for (const name of [
      'articles',
      'sections',
      'authors',
      'photos',
      'tags',
      'article_views_hourly',
      'editors_picks',
      'comments',
    ]) {
      assert.ok(tables.includes(name), `missing table ${name}`)
    }
  })

  test('is idempotent: a second run applies nothing', async () => {
    assert.deepEqual(await migrateToLatest(t.handle), [])
  })
})

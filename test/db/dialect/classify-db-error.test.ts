/** classifyDbError on both databases: real constraint violations, each named by the rule it broke. */

import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { sql } from 'kysely'
import { classifyDbError } from '../../../src/db/dialect/classify-db-error.js'
import { forEachDatabase } from '../../helpers/databases.js'

/** The error `run` rejects with (fails the test when it resolves). */
async function failureOf(run: () => Promise<unknown>): Promise<unknown> {
  try {
    await run()
  } catch (error) {
    return error
  }
  assert.fail('the statement was expected to fail')
}

const at = '2026-01-01T00:00:00.000Z'

forEachDatabase('classifyDbError', (t) => {
  test('a duplicate unique value is "unique"', async () => {
    const { db } = t.handle
    const section = { slug: 'world', name: 'World', description: '', position: 0, created_at: at }
    await db.insertInto('sections').values(section).execute()
    const error = await failureOf(() => db.insertInto('sections').values(section).execute())
    assert.equal(classifyDbError(error), 'unique')
  })

  test('a duplicate composite primary key is "unique"', async () => {
    const { db } = t.handle
    const salt = { day: '2026-01-01', salt: 'x', created_at: at }
    await db.insertInto('view_salts').values(salt).execute()
    const error = await failureOf(() => db.insertInto('view_salts').values(salt).execute())
    assert.equal(classifyDbError(error), 'unique')
  })

  test('a row pointing at no parent is "foreign_key"', async () => {
    const { db } = t.handle
    const error = await failureOf(() =>
      db
        .insertInto('article_views_hourly')
        .values({ article_id: 999_999, hour: at, views: 1 })
        .execute(),
    )
    assert.equal(classifyDbError(error), 'foreign_key')
  })

  test('a missing required value is "not_null"', async () => {
    const { db } = t.handle
    const error = await failureOf(() =>
      sql`insert into sections (slug, name, created_at) values ('x', null, ${at})`.execute(db),
    )
    assert.equal(classifyDbError(error), 'not_null')
  })

  test('a value a check refuses is "check"', async () => {
    const { db } = t.handle
    await sql`create table check_probe (n integer check (n > 0))`.execute(db)
    const error = await failureOf(() => sql`insert into check_probe (n) values (0)`.execute(db))
    assert.equal(classifyDbError(error), 'check')
  })

  test('an error that breaks no constraint is not classified', async () => {
    const error = await failureOf(() => sql`select * from no_such_table`.execute(t.handle.db))
    assert.equal(classifyDbError(error), undefined)
  })
})

describe('classifyDbError without a database', () => {
  test('leaves values that are not driver errors alone', () => {
    for (const value of [undefined, null, 'SQLITE_CONSTRAINT_UNIQUE', 23505, new Error('x')]) {
      assert.equal(classifyDbError(value), undefined)
    }
    assert.equal(classifyDbError({ code: 23505 }), undefined)
  })
})

/** Introspection (which Kysely's migrator runs on every start) sees only our own schema. */

import assert from 'node:assert/strict'
import { test } from 'node:test'
import { PostgresIntrospector, sql } from 'kysely'
import pg from 'pg'
import { forEachDatabase } from '../helpers/databases.js'

forEachDatabase('introspection', (t) => {
  test('lists our tables, even while another session drops a schema', async () => {
    const { db } = t.handle
    if (t.searchPath === undefined) {
      const names = (await db.introspection.getTables()).map((table) => table.name)
      assert.ok(names.includes('articles') && names.includes('comments'))
      return
    }
    // A schema that exists when our snapshot is taken and is dropped before we introspect: what
    // happens when another process's schema goes away mid-deploy (or another test file ends).
    const other = `${t.searchPath}_other`
    const peer = new pg.Client({
      connectionString: t.config.kind === 'postgres' ? t.config.url : '',
    })
    await peer.connect()
    try {
      await peer.query(`create schema "${other}"`)
      await db
        .transaction()
        .setIsolationLevel('repeatable read')
        .execute(async (trx) => {
          await sql`select 1`.execute(trx)
          await peer.query(`drop schema "${other}"`)
          // Kysely's own introspector looks every schema up by name again, and fails.
          await sql`savepoint before_kysely`.execute(trx)
          await assert.rejects(new PostgresIntrospector(trx).getTables(), /does not exist/)
          await sql`rollback to savepoint before_kysely`.execute(trx)
          const tables = await trx.introspection.getTables({ withInternalKyselyTables: true })
          const names = tables.map((table) => table.name)
          assert.ok(names.includes('articles') && names.includes('kysely_migration'))
          assert.ok(tables.every((table) => table.schema === t.searchPath))
          const articles = tables.find((table) => table.name === 'articles')
          const id = articles?.columns.find((column) => column.name === 'id')
          assert.equal(id?.isAutoIncrementing, true)
          assert.equal(id?.isNullable, false)
        })
    } finally {
      await peer.query(`drop schema if exists "${other}"`)
      await peer.end()
    }
  })
})

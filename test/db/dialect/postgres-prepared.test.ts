/**
 * Named statements on PostgreSQL: a repeated text is prepared once per connection, one-off SQL is
 * never named, and a statement a migration made stale is run again unnamed on a fresh connection.
 */

import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { sql } from 'kysely'
import pg from 'pg'
import { openDatabase, type DatabaseHandle } from '../../../src/db/database.js'
import { createStatementNames } from '../../../src/db/dialect/postgres-prepared.js'
import { createPostgresTestDatabase } from '../../helpers/databases.js'

const pgUrl = process.env.MASTHEAD_TEST_PG_URL ?? ''
const requireAll = process.env.MASTHEAD_REQUIRE_ALL === '1'
const pgSkip =
  pgUrl === '' && !requireAll ? 'MASTHEAD_TEST_PG_URL is not set: PostgreSQL run skipped' : false

describe('statement names', () => {
  test('a text is named on its second sighting, and keeps its name', () => {
    const names = createStatementNames(10)
    assert.equal(names.nameOf('select 1'), undefined)
    const name = names.nameOf('select 1')
    assert.match(name ?? '', /^masthead_\d+$/)
    assert.equal(names.nameOf('select 1'), name)
    assert.equal(names.size, 1)
  })

  test('at most `limit` texts are named; the others stay unnamed', () => {
    const names = createStatementNames(2)
    for (const text of ['a', 'b', 'c']) {
      names.nameOf(text)
      names.nameOf(text)
    }
    assert.equal(names.size, 2)
    assert.notEqual(names.nameOf('a'), undefined)
    assert.notEqual(names.nameOf('b'), undefined)
    assert.equal(names.nameOf('c'), undefined)
  })

  test('distinct texts get distinct names', () => {
    const names = createStatementNames(10)
    const named = ['x', 'y', 'z'].map((text) => (names.nameOf(text), names.nameOf(text)))
    assert.equal(new Set(named).size, 3)
  })
})

describe('named statements on PostgreSQL', { skip: pgSkip }, () => {
  let schema: string
  let dispose: () => Promise<void>
  let handle: DatabaseHandle
  /** A peer session, as another process running a migration would be. */
  let peer: pg.Client

  before(async () => {
    const made = await createPostgresTestDatabase(pgUrl)
    schema = made.searchPath ?? ''
    dispose = made.dispose
    // One connection, so every query below shares the session's prepared statements.
    handle = openDatabase(made.config, { searchPath: schema, poolSize: 1 })
    peer = new pg.Client({ connectionString: pgUrl })
    await peer.connect()
    await peer.query(`set search_path = "${schema}"`)
  })

  after(async () => {
    await peer?.end()
    await handle?.close()
    await dispose?.()
  })

  /** The texts of the session's prepared statements that read `table`. */
  const preparedOn = async (table: string): Promise<string[]> => {
    const { rows } = await sql<{ statement: string }>`
      select statement from pg_prepared_statements where statement like ${`%${table}%`}
    `.execute(handle.db)
    return rows.map((row) => row.statement)
  }

  test('a query run again is prepared once and answers as before', async () => {
    await peer.query('create table prepared_probe (id int primary key, label text)')
    await peer.query(`insert into prepared_probe values (1, 'one'), (2, 'two')`)
    const read = (id: number) =>
      handle.db
        .selectFrom('prepared_probe' as never)
        .select(['label' as never])
        .where('id' as never, '=', id as never)
        .execute() as Promise<{ label: string }[]>
    assert.deepEqual(await read(1), [{ label: 'one' }])
    assert.deepEqual(await preparedOn('prepared_probe'), [], 'a first sighting is not prepared')
    assert.deepEqual(await read(2), [{ label: 'two' }])
    assert.deepEqual(await read(1), [{ label: 'one' }])
    const prepared = await preparedOn('prepared_probe')
    assert.equal(prepared.length, 1)
    assert.match(prepared[0] ?? '', /from "prepared_probe" where "id" = \$1/)
  })

  test('a migration that changes a table under `select *` costs no failed read', async () => {
    await peer.query('create table stale_probe (id int primary key)')
    await peer.query('insert into stale_probe values (1)')
    const readAll = () =>
      handle.db
        .selectFrom('stale_probe' as never)
        .selectAll()
        .execute() as Promise<unknown[]>
    await readAll()
    assert.deepEqual(await readAll(), [{ id: 1 }])
    assert.equal((await preparedOn('stale_probe')).length, 1)
    const pidBefore = await backendPid(handle)

    await peer.query(`alter table stale_probe add column note text not null default 'new'`)
    // PostgreSQL refuses the prepared plan ("cached plan must not change result type"); the
    // read is run again unnamed and answers with the new column.
    assert.deepEqual(await readAll(), [{ id: 1, note: 'new' }])
    // The connection that held the stale statement was closed, not returned to the pool.
    assert.notEqual(await backendPid(handle), pidBefore)
    assert.deepEqual(await readAll(), [{ id: 1, note: 'new' }])
  })

  test('inside a transaction the stale statement fails with its own error', async () => {
    await peer.query('create table stale_in_transaction (id int primary key)')
    await peer.query('insert into stale_in_transaction values (7)')
    const readAll = (db: DatabaseHandle['db']) =>
      db
        .selectFrom('stale_in_transaction' as never)
        .selectAll()
        .execute() as Promise<unknown[]>
    await readAll(handle.db)
    await readAll(handle.db)
    await peer.query('alter table stale_in_transaction add column extra int')
    await assert.rejects(
      handle.db.transaction().execute((trx) => readAll(trx)),
      /cached plan must not change result type/,
    )
    assert.deepEqual(await readAll(handle.db), [{ id: 7, extra: null }])
  })

  test('MASTHEAD_PG_PREPARED_STATEMENTS=0 sends every query unnamed', async () => {
    const plain = openDatabase(
      { kind: 'postgres', url: pgUrl, preparedStatements: 0 },
      { searchPath: schema, poolSize: 1 },
    )
    try {
      for (let i = 0; i < 3; i += 1)
        await sql`select count(*) from prepared_probe`.execute(plain.db)
      const { rows } = await sql<{ n: string }>`
        select count(*) as n from pg_prepared_statements
      `.execute(plain.db)
      assert.equal(Number(rows[0]?.n), 0)
    } finally {
      await plain.close()
    }
  })
})

/** The server process id behind the pool's (single) connection. */
async function backendPid(handle: DatabaseHandle): Promise<number> {
  const { rows } = await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(handle.db)
  return Number(rows[0]?.pid)
}

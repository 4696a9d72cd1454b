/**
 * Copies the dashboard bench's SQLite database into a fresh PostgreSQL schema (stories, bylines,
 * buckets and every rollup), so both engines answer the same figures. Rows travel as column
 * arrays (`insert … select from unnest($1::int4[], …)`): millions of buckets in a minute or so.
 */

import BetterSqlite3 from 'better-sqlite3'
import pg from 'pg'
import { PREPARED_STATEMENTS_DEFAULT } from '../../src/config.js'
import { type DatabaseHandle, openDatabase } from '../../src/db/database.js'
import { migrateToLatest } from '../../src/db/migrator.js'

/** What the dashboard reads, parents first. */
const TABLES = [
  'sections',
  'authors',
  'articles',
  'article_authors',
  'article_views_hourly',
  'site_views_hourly',
  'section_views_hourly',
  'author_views_hourly',
  'article_referrers_daily',
  'article_continuations_daily',
] as const
/** Rows per statement. */
const BATCH = 20_000

/** A migrated PostgreSQL schema holding the copy, and how to drop it. */
export interface DashboardPostgres {
  handle: DatabaseHandle
  dispose(): Promise<void>
}

/** Creates schema `bench_dashboard_…` at `url`, migrates it and copies `filename` into it. */
export async function copyDashboardToPostgres(
  url: string,
  filename: string,
  log: (message: string) => void,
): Promise<DashboardPostgres> {
  const schema = `bench_dashboard_${process.pid}_${Date.now().toString(36)}`
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  await client.query(`create schema "${schema}"`)
  const handle = openDatabase(
    { kind: 'postgres', url, preparedStatements: PREPARED_STATEMENTS_DEFAULT },
    { searchPath: schema, poolSize: 4 },
  )
  const dispose = async (): Promise<void> => {
    await handle.close()
    await client.query(`drop schema "${schema}" cascade`)
    await client.end()
  }
  try {
    await migrateToLatest(handle)
    await client.query(`set search_path to "${schema}"`)
    const sqlite = new BetterSqlite3(filename, { readonly: true })
    try {
      for (const table of TABLES) {
        const started = performance.now()
        const rows = await copyTable(sqlite, client, schema, table)
        log(
          `dashboard [postgres]: ${table}: ${rows.toLocaleString('en')} rows in ` +
            `${((performance.now() - started) / 1000).toFixed(1)} s`,
        )
      }
    } finally {
      sqlite.close()
    }
    // What autovacuum does after a bulk load: statistics, and the visibility map that lets
    // PostgreSQL answer from an index alone (stories by status from the status index).
    for (const table of TABLES) await client.query(`vacuum (analyze) "${table}"`)
    return { handle, dispose }
  } catch (error) {
    await dispose()
    throw error
  }
}

/** Copies one table's rows (only the columns both engines have); resolves with the row count. */
async function copyTable(
  sqlite: BetterSqlite3.Database,
  client: pg.Client,
  schema: string,
  table: string,
): Promise<number> {
  const { rows: pgColumns } = await client.query<{ column_name: string; udt_name: string }>(
    `select column_name, udt_name from information_schema.columns
     where table_schema = $1 and table_name = $2 and is_generated = 'NEVER'`,
    [schema, table],
  )
  const types = new Map(pgColumns.map((c) => [c.column_name, c.udt_name]))
  const sqliteColumns = (sqlite.prepare(`pragma table_info(${table})`).all() as { name: string }[])
    .map((c) => c.name)
    .filter((name) => types.has(name))
  const list = sqliteColumns.map((c) => `"${c}"`).join(', ')
  const insert = `insert into "${table}" (${list}) select * from unnest(${sqliteColumns
    .map((c, i) => `$${i + 1}::${types.get(c)}[]`)
    .join(', ')})`
  const isBool = sqliteColumns.map((c) => types.get(c) === 'bool')
  let columns: unknown[][] = sqliteColumns.map(() => [])
  let count = 0
  const send = async (): Promise<void> => {
    if (columns[0]?.length === 0) return
    await client.query(insert, columns)
    columns = sqliteColumns.map(() => [])
  }
  for (const row of sqlite.prepare(`select ${list} from ${table}`).raw().iterate()) {
    const values = row as unknown[]
    for (let i = 0; i < values.length; i++)
      columns[i]!.push(isBool[i] && values[i] !== null ? values[i] === 1 : values[i])
    count += 1
    if (count % BATCH === 0) await send()
  }
  await send()
  // Ids were copied as they are: move the sequence past them, as a restore does.
  if (types.has('id'))
    await client.query(
      `select setval(pg_get_serial_sequence('"${table}"', 'id'), greatest((select max(id) from "${table}"), 1))`,
    )
  return count
}

/**
 * Copies the search bench's SQLite archive into a fresh PostgreSQL schema (sections, tags,
 * stories, their tags), so both engines are timed on the same stories.
 */

import BetterSqlite3 from 'better-sqlite3'
import pg from 'pg'
import { PREPARED_STATEMENTS_DEFAULT } from '../../src/config.js'
import { type DatabaseHandle, openDatabase } from '../../src/db/database.js'
import { migrateToLatest } from '../../src/db/migrator.js'

/** Rows per INSERT (a story is a few KB: a few MB a statement). */
const BATCH = 500
/** What the archive holds, parents first. */
const TABLES = ['sections', 'tags', 'articles', 'article_tags'] as const

/** A migrated PostgreSQL schema holding a copy of the archive, and how to drop it. */
export interface PostgresCopy {
  handle: DatabaseHandle
  dispose(): Promise<void>
}

/** Creates schema `bench_search_…` at `url`, migrates it and copies the archive in `filename`. */
export async function copyToPostgres(url: string, filename: string): Promise<PostgresCopy> {
  const schema = `bench_search_${process.pid}_${Date.now().toString(36)}`
  const admin = async (statement: string): Promise<void> => {
    const client = new pg.Client({ connectionString: url })
    await client.connect()
    try {
      await client.query(statement)
    } finally {
      await client.end()
    }
  }
  await admin(`create schema "${schema}"`)
  const handle = openDatabase(
    { kind: 'postgres', url, preparedStatements: PREPARED_STATEMENTS_DEFAULT },
    { searchPath: schema, poolSize: 4 },
  )
  const dispose = async (): Promise<void> => {
    await handle.close()
    await admin(`drop schema "${schema}" cascade`)
  }
  try {
    await migrateToLatest(handle)
    const sqlite = new BetterSqlite3(filename, { readonly: true })
    try {
      for (const table of TABLES) {
        const key = table === 'article_tags' ? 'article_id' : 'id'
        const read = sqlite.prepare(
          `select * from ${table} where ${key} > ? order by ${key} limit ?`,
        )
        let after = 0
        for (;;) {
          const rows = read.all(after, BATCH) as Record<string, unknown>[]
          if (rows.length === 0) break
          // article_tags pages by article: take whole articles so none is cut between pages.
          const last = rows.at(-1)?.[key] as number
          const page =
            table === 'article_tags' && rows.length === BATCH
              ? rows.filter((r) => r[key] !== last)
              : rows
          await handle.db.insertInto(table).values(page).execute()
          after = (page.at(-1)?.[key] as number | undefined) ?? last
        }
      }
    } finally {
      sqlite.close()
    }
    await handle.dialect.optimize(handle.db)
    return { handle, dispose }
  } catch (error) {
    await dispose()
    throw error
  }
}

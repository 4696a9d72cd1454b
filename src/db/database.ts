/** Opens the configured database as one Kysely instance plus its dialect adapter. */

import fs from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import type BetterSqlite3 from 'better-sqlite3'
import { Kysely, SqliteDialect, type SqliteDatabase } from 'kysely'
import type pg from 'pg'
import type { DatabaseConfig } from '../config.js'
import type { DialectAdapter } from './dialect/dialect.js'
import { postgresAdapter } from './dialect/postgres.js'
import { SearchPathPostgresDialect } from './dialect/postgres-introspection.js'
import { withPreparedStatements } from './dialect/postgres-prepared.js'
import { sqliteAdapter } from './dialect/sqlite.js'
import type { Database } from './schema.js'

export type Db = Kysely<Database>

// Each driver is loaded only when its kind of database is opened: a SQLite server never pays for
// pg's modules at start-up, nor a PostgreSQL one for the SQLite binding. Both are CommonJS.
const require = createRequire(import.meta.url)
const loadSqlite = (): typeof BetterSqlite3 => require('better-sqlite3') as typeof BetterSqlite3
const loadPg = (): typeof pg => require('pg') as typeof pg

export interface DatabaseHandle {
  readonly db: Db
  readonly dialect: DialectAdapter
  /** PostgreSQL only: the schema the handle is confined to, when one was chosen. */
  readonly schema: string | undefined
  /**
   * Brackets a one-off scan of most of the database (the engine's warm-up reads every story):
   * while on, SQLite's page cache is held to SCAN_CACHE_KIB, so that the scan does not leave the
   * idle server holding a full cache of pages it read once (about 3 MiB of issue 10's memory
   * target); off restores the configured size, which hot pages then fill on use. PostgreSQL's
   * cache is the server's own: nothing to do.
   */
  scanning(on: boolean): void
  /** Closes every connection; safe to call twice. */
  close(): Promise<void>
}

/** SQLite's page cache while a scan runs. */
const SCAN_CACHE_KIB = 1024

export interface OpenDatabaseOptions {
  /** PostgreSQL only: the schema to use (tests use one schema per file). */
  searchPath?: string
  /** PostgreSQL only: pool size. */
  poolSize?: number
}

/** Opens `config` (creating the SQLite file and its folder when missing). */
export function openDatabase(
  config: DatabaseConfig,
  options: OpenDatabaseOptions = {},
): DatabaseHandle {
  if (config.kind === 'sqlite') {
    if (config.filename !== ':memory:')
      fs.mkdirSync(path.dirname(config.filename), { recursive: true })
    const BetterSqlite = loadSqlite()
    const sqlite = new BetterSqlite(config.filename)
    sqlite.pragma('journal_mode = WAL')
    sqlite.pragma('synchronous = NORMAL')
    sqlite.pragma('foreign_keys = ON')
    sqlite.pragma('busy_timeout = 5000')
    const cacheSize = (kib: number | undefined): void => {
      if (kib !== undefined) sqlite.pragma(`cache_size = -${kib}`)
    }
    const configuredKiB = config.cacheMiB === undefined ? undefined : config.cacheMiB * 1024
    cacheSize(configuredKiB)
    // Analyzes what lacks statistics, cheaply: the start-up form SQLite's documentation recommends.
    sqlite.pragma('optimize = 0x10002')
    return handle(
      new Kysely<Database>({
        dialect: new SqliteDialect({ database: withStatementCache(sqlite) }),
      }),
      sqliteAdapter,
      undefined,
      (on) => cacheSize(on ? Math.min(SCAN_CACHE_KIB, configuredKiB ?? 2048) : configuredKiB),
    )
  }
  // pg returns bigint (int8) as strings; counts stay strings and go through toNumber().
  const pool = new (loadPg().Pool)({
    connectionString: config.url,
    max: options.poolSize ?? 10,
    ...(options.searchPath === undefined
      ? {}
      : { options: `-c search_path=${options.searchPath}` }),
  })
  // Left out, pg's own behaviour: every query unnamed. The server's default comes from config.
  const statements = config.preparedStatements ?? 0
  return handle(
    new Kysely<Database>({
      dialect: new SearchPathPostgresDialect({
        pool: statements > 0 ? withPreparedStatements(pool, statements) : pool,
      }),
    }),
    postgresAdapter,
    options.searchPath ?? searchPathOf(config.url),
    () => undefined,
  )
}

/**
 * The schema named by a URL's `options=-c search_path=…` parameter (pg passes it to the server),
 * so `MASTHEAD_DATABASE_URL=postgres://…/db?options=-c%20search_path%3Dnews` confines Masthead,
 * its migrations included, to the schema `news`.
 */
export function searchPathOf(url: string): string | undefined {
  let options: string | null
  try {
    options = new URL(url).searchParams.get('options')
  } catch {
    return undefined
  }
  const match = /(?:^|\s)(?:-c\s*|--)search_path=([^\s,]+)/.exec(options ?? '')
  return match?.[1]?.replace(/^"|"$/g, '')
}

/** Prepared statements kept per SQL text; Kysely prepares on every query otherwise. */
const STATEMENT_CACHE_SIZE = 1000

/**
 * SQLite only: reuses prepared statements. Kysely's SQLite driver calls prepare() for every
 * query, which on the short queries of the write path (comment posting) costs as much as running
 * them. Safe because the driver runs each statement to completion synchronously (all() / run());
 * only streamQuery's iterate() could hold one open, and nothing here streams.
 */
function withStatementCache(sqlite: BetterSqlite3.Database): SqliteDatabase {
  const cache = new Map<string, BetterSqlite3.Statement>()
  return {
    close: () => {
      cache.clear()
      sqlite.close()
    },
    prepare: (sql: string) => {
      let statement = cache.get(sql)
      if (statement === undefined) {
        statement = sqlite.prepare(sql)
        if (cache.size >= STATEMENT_CACHE_SIZE) {
          const oldest = cache.keys().next().value
          if (oldest !== undefined) cache.delete(oldest)
        }
        cache.set(sql, statement)
      }
      return statement
    },
  }
}

function handle(
  db: Db,
  dialect: DialectAdapter,
  schema: string | undefined,
  scanning: (on: boolean) => void,
): DatabaseHandle {
  let closing: Promise<void> | undefined
  return { db, dialect, schema, scanning, close: () => (closing ??= db.destroy()) }
}

/** Many processes on one database: job leases, the shared daily view dedupe, shared API windows. */

import type { Kysely } from 'kysely'
import type { DialectAdapter } from '../dialect/dialect.js'

/** Creates job_leases, view_readers and api_rate_windows. */
export async function up(db: Kysely<any>, dialect: DialectAdapter): Promise<void> {
  // Who may run a `one-process` job until when (PostgreSQL lease; a dead holder's row expires).
  await db.schema
    .createTable('job_leases')
    .addColumn('job_name', 'varchar(100)', (c) => c.primaryKey())
    .addColumn('holder', 'varchar(100)', (c) => c.notNull())
    .addColumn('expires_at', dialect.timestampType, (c) => c.notNull())
    .execute()

  // The readers counted today per story, shared by every process on PostgreSQL (the insert that
  // wins counts the view). No foreign key: a row of a deleted story is harmless until its day
  // is deleted, and checking it would cost every insert.
  await db.schema
    .createTable('view_readers')
    .addColumn('day', 'varchar(10)', (c) => c.notNull())
    .addColumn('article_id', 'integer', (c) => c.notNull())
    // The reader's daily visitor hash (64 bits, salted; unrecoverable once the salt is gone).
    .addColumn('reader', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('view_readers_pk', ['day', 'article_id', 'reader'])
    .execute()

  // Content API requests per key and minute, shared by every process on PostgreSQL.
  await db.schema
    .createTable('api_rate_windows')
    .addColumn('key_id', 'integer', (c) => c.notNull())
    // The window's start, in milliseconds since the epoch (a multiple of 60,000).
    .addColumn('window_start', 'bigint', (c) => c.notNull())
    .addColumn('count', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('api_rate_windows_pk', ['key_id', 'window_start'])
    .execute()
}

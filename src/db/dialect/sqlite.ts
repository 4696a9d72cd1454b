/** SQLite: a single file, ISO text timestamps, rowid primary keys. */

import { sql } from 'kysely'
import { type DbErrorKind, type DialectAdapter, driverCode } from './dialect.js'

/** better-sqlite3's extended result codes for the constraints we rely on. */
const CONSTRAINT_CODES: Readonly<Record<string, DbErrorKind>> = {
  SQLITE_CONSTRAINT_UNIQUE: 'unique',
  // A duplicate of a composite or text primary key (redirects, buckets) is a unique violation too.
  SQLITE_CONSTRAINT_PRIMARYKEY: 'unique',
  SQLITE_CONSTRAINT_FOREIGNKEY: 'foreign_key',
  SQLITE_CONSTRAINT_NOTNULL: 'not_null',
  SQLITE_CONSTRAINT_CHECK: 'check',
}

export const sqliteAdapter: DialectAdapter = {
  name: 'sqlite',
  timestampType: 'text',
  // Without statistics SQLite prefers the status index over a primary-key lookup for
  // `id IN (…) AND status = …`, scanning every published story.
  optimize: async (db) => {
    await sql`analyze`.execute(db)
  },
  addIdColumn: (table) =>
    table.addColumn('id', 'integer', (col) => col.primaryKey().autoIncrement()),
  classifyError: (error) => {
    const code = driverCode(error)
    return code === undefined ? undefined : CONSTRAINT_CODES[code]
  },
}

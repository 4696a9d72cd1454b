/** SQLite: a single file, ISO text timestamps, rowid primary keys. */

import { sql } from 'kysely'
import type { DialectAdapter } from './dialect.js'

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
}

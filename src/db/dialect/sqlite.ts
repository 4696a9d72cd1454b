/** SQLite: a single file, ISO text timestamps, rowid primary keys. */

import type { DialectAdapter } from './dialect.js'

export const sqliteAdapter: DialectAdapter = {
  name: 'sqlite',
  timestampType: 'text',
  addIdColumn: (table) =>
    table.addColumn('id', 'integer', (col) => col.primaryKey().autoIncrement()),
}

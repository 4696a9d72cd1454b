/** What differs between the SQL engines we run on, behind one interface chosen once at start-up. */

import type { ColumnDataType, CreateTableBuilder, Kysely } from 'kysely'
import type { Database } from '../schema.js'

export type DialectName = 'sqlite' | 'postgres'

export interface DialectAdapter {
  readonly name: DialectName
  /** The column type that stores an instant. */
  readonly timestampType: ColumnDataType
  /** Refreshes the planner's statistics (after bulk loads, and now and then on a long run). */
  optimize(db: Kysely<Database>): Promise<void>
  /** Adds an auto-incrementing integer primary key named `id`. */
  addIdColumn<T extends string>(table: CreateTableBuilder<T, never>): CreateTableBuilder<T, 'id'>
}

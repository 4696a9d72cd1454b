/** What differs between the SQL engines we run on, behind one interface chosen once at start-up. */

import type { ColumnDataType, CreateTableBuilder, Kysely } from 'kysely'
import type { Database } from '../schema.js'

export type DialectName = 'sqlite' | 'postgres'

/** The integrity rule a failed statement broke, whichever driver reported it. */
export type DbErrorKind = 'unique' | 'foreign_key' | 'not_null' | 'check'

export interface DialectAdapter {
  readonly name: DialectName
  /** The column type that stores an instant. */
  readonly timestampType: ColumnDataType
  /** Refreshes the planner's statistics (after bulk loads, and now and then on a long run). */
  optimize(db: Kysely<Database>): Promise<void>
  /** Adds an auto-incrementing integer primary key named `id`. */
  addIdColumn<T extends string>(table: CreateTableBuilder<T, never>): CreateTableBuilder<T, 'id'>
  /** The rule `error` (thrown by this dialect's driver) broke; undefined for any other error. */
  classifyError(error: unknown): DbErrorKind | undefined
}

/** The `code` property drivers put on their errors, when it is a string. */
export function driverCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined
  const code = (error as { code?: unknown }).code
  return typeof code === 'string' ? code : undefined
}

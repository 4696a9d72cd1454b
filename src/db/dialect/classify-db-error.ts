/** Classifies a database error once, for every domain, by asking each dialect adapter. */

import type { DbErrorKind } from './dialect.js'
import { postgresAdapter } from './postgres.js'
import { sqliteAdapter } from './sqlite.js'

export type { DbErrorKind }

/**
 * The integrity rule `error` broke ('unique', 'foreign_key', 'not_null', 'check'), or undefined
 * when it is no constraint violation. Domains receive only a Kysely handle, not the adapter, so
 * this asks both adapters: their codes cannot collide (better-sqlite3's are `SQLITE_*` names,
 * pg's five-digit SQLSTATEs).
 * @example if (classifyDbError(error) === 'unique') throw articleSlugTaken(slug)
 */
export function classifyDbError(error: unknown): DbErrorKind | undefined {
  return sqliteAdapter.classifyError(error) ?? postgresAdapter.classifyError(error)
}

/** SQL for API keys. */

import type { Db } from '../db/database.js'
import { fromDbTime, fromNullableDbTime, toDbTime } from '../db/time-codec.js'
import type { ApiKey } from './types.js'

interface KeyRow {
  id: number
  name: string
  prefix: string
  created_at: Date | string
  last_used_at: Date | string | null
  revoked_at: Date | string | null
}

const COLUMNS = ['id', 'name', 'prefix', 'created_at', 'last_used_at', 'revoked_at'] as const

function keyFromRow(row: KeyRow): ApiKey {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    createdAt: fromDbTime(row.created_at),
    lastUsedAt: fromNullableDbTime(row.last_used_at),
    revokedAt: fromNullableDbTime(row.revoked_at),
  }
}

/** Stores a new key's hash; returns the key's record. */
export async function insertKey(
  db: Db,
  key: { name: string; prefix: string; hash: string },
  at: Date,
): Promise<ApiKey> {
  const row = await db
    .insertInto('api_keys')
    .values({ name: key.name, prefix: key.prefix, key_hash: key.hash, created_at: toDbTime(at) })
    .returning(COLUMNS)
    .executeTakeFirstOrThrow()
  return keyFromRow(row)
}

/** Every key, newest first, revoked ones included. */
export async function allKeys(db: Db): Promise<ApiKey[]> {
  const rows = await db.selectFrom('api_keys').select(COLUMNS).orderBy('id', 'desc').execute()
  return rows.map(keyFromRow)
}

/** The live (unrevoked) key with this hash. */
export async function liveKeyByHash(db: Db, hash: string): Promise<ApiKey | undefined> {
  const row = await db
    .selectFrom('api_keys')
    .select(COLUMNS)
    .where('key_hash', '=', hash)
    .where('revoked_at', 'is', null)
    .executeTakeFirst()
  return row === undefined ? undefined : keyFromRow(row)
}

/** Revokes the key with this id or prefix; returns it, or undefined when there is none. */
export async function revokeKey(
  db: Db,
  ref: number | string,
  at: Date,
): Promise<ApiKey | undefined> {
  const row = await db
    .updateTable('api_keys')
    .set({ revoked_at: toDbTime(at) })
    .where(typeof ref === 'number' ? 'id' : 'prefix', '=', ref)
    .where('revoked_at', 'is', null)
    .returning(COLUMNS)
    .executeTakeFirst()
  return row === undefined ? undefined : keyFromRow(row)
}

/** Records when a key was last used. */
export async function touchKey(db: Db, id: number, at: Date): Promise<void> {
  await db
    .updateTable('api_keys')
    .set({ last_used_at: toDbTime(at) })
    .where('id', '=', id)
    .execute()
}

/**
 * Adds one request to `keyId`'s window starting at `windowStart` (ms) and resolves with the
 * window's count, this request included: one atomic upsert, so processes never lose a request.
 */
export async function countInWindow(db: Db, keyId: number, windowStart: number): Promise<number> {
  const row = await db
    .insertInto('api_rate_windows')
    .values({ key_id: keyId, window_start: windowStart, count: 1 })
    .onConflict((oc) =>
      oc
        .columns(['key_id', 'window_start'])
        .doUpdateSet((eb) => ({ count: eb('api_rate_windows.count', '+', 1) })),
    )
    .returning('count')
    .executeTakeFirstOrThrow()
  return Number(row.count)
}

/** Deletes the windows that started before `windowStart` (ms). */
export async function deleteWindowsBefore(db: Db, windowStart: number): Promise<void> {
  await db.deleteFrom('api_rate_windows').where('window_start', '<', windowStart).execute()
}

/** Newsroom sessions in the database, found by the SHA-256 of their token. */

import type { Db } from '../db/database.js'
import type { UserRole } from '../db/schema.js'
import { fromDbTime, fromNullableDbTime, toDbTime } from '../db/time-codec.js'

/** A stored session with the user it belongs to. */
export interface SessionRecord {
  tokenHash: string
  userId: number
  createdAt: Date
  lastSeenAt: Date
  user: { name: string; role: UserRole; deactivatedAt: Date | null }
}

/** Stores a new session. */
export async function insertSession(
  db: Db,
  tokenHash: string,
  userId: number,
  now: Date,
): Promise<void> {
  await db
    .insertInto('newsroom_sessions')
    .values({
      token_hash: tokenHash,
      user_id: userId,
      created_at: toDbTime(now),
      last_seen_at: toDbTime(now),
    })
    .execute()
}

/** The session with this token hash, and its user. */
export async function sessionByHash(db: Db, tokenHash: string): Promise<SessionRecord | undefined> {
  const row = await db
    .selectFrom('newsroom_sessions as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .select([
      's.token_hash',
      's.user_id',
      's.created_at',
      's.last_seen_at',
      'u.name',
      'u.role',
      'u.deactivated_at',
    ])
    .where('s.token_hash', '=', tokenHash)
    .executeTakeFirst()
  if (row === undefined) return undefined
  return {
    tokenHash: row.token_hash,
    userId: row.user_id,
    createdAt: fromDbTime(row.created_at),
    lastSeenAt: fromDbTime(row.last_seen_at),
    user: { name: row.name, role: row.role, deactivatedAt: fromNullableDbTime(row.deactivated_at) },
  }
}

/** Records that the session was used at `now`. */
export async function touchSession(db: Db, tokenHash: string, now: Date): Promise<void> {
  await db
    .updateTable('newsroom_sessions')
    .set({ last_seen_at: toDbTime(now) })
    .where('token_hash', '=', tokenHash)
    .execute()
}

/** Deletes one session. */
export async function deleteSession(db: Db, tokenHash: string): Promise<void> {
  await db.deleteFrom('newsroom_sessions').where('token_hash', '=', tokenHash).execute()
}

/** Deletes every session of user `userId`, except the one hashed `keepHash`; returns how many. */
export async function deleteUserSessions(
  db: Db,
  userId: number,
  keepHash?: string,
): Promise<number> {
  let query = db.deleteFrom('newsroom_sessions').where('user_id', '=', userId)
  if (keepHash !== undefined) query = query.where('token_hash', '<>', keepHash)
  const result = await query.executeTakeFirst()
  return Number(result.numDeletedRows)
}

/** Deletes sessions idle since before `idleBefore` or started before `startedBefore`. */
export async function deleteExpiredSessions(
  db: Db,
  idleBefore: Date,
  startedBefore: Date,
): Promise<number> {
  const result = await db
    .deleteFrom('newsroom_sessions')
    .where((eb) =>
      eb.or([
        eb('last_seen_at', '<', toDbTime(idleBefore)),
        eb('created_at', '<', toDbTime(startedBefore)),
      ]),
    )
    .executeTakeFirst()
  return Number(result.numDeletedRows)
}

/** Deletes throttle rows with no failure since `before` and reset tokens that expired before it. */
export async function deleteStaleSignInRows(db: Db, before: Date): Promise<void> {
  await db.deleteFrom('sign_in_throttles').where('last_failure_at', '<', toDbTime(before)).execute()
  await db.deleteFrom('password_reset_tokens').where('expires_at', '<', toDbTime(before)).execute()
}

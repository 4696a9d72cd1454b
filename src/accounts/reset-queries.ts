/** Password reset tokens, found by the SHA-256 of their token. */

import type { Db } from '../db/database.js'
import { fromDbTime, fromNullableDbTime, toDbTime } from '../db/time-codec.js'

/** A stored reset token. */
export interface ResetRecord {
  userId: number
  createdAt: Date
  expiresAt: Date
  usedAt: Date | null
}

/** Stores a reset token. */
export async function insertResetToken(
  db: Db,
  input: { tokenHash: string; userId: number; expiresAt: Date },
  now: Date,
): Promise<void> {
  await db
    .insertInto('password_reset_tokens')
    .values({
      token_hash: input.tokenHash,
      user_id: input.userId,
      created_at: toDbTime(now),
      expires_at: toDbTime(input.expiresAt),
    })
    .execute()
}

/** The reset token with this hash. */
export async function resetByHash(db: Db, tokenHash: string): Promise<ResetRecord | undefined> {
  const row = await db
    .selectFrom('password_reset_tokens')
    .select(['user_id', 'created_at', 'expires_at', 'used_at'])
    .where('token_hash', '=', tokenHash)
    .executeTakeFirst()
  return (
    row && {
      userId: row.user_id,
      createdAt: fromDbTime(row.created_at),
      expiresAt: fromDbTime(row.expires_at),
      usedAt: fromNullableDbTime(row.used_at),
    }
  )
}

/** When user `userId`'s newest reset token was made. */
export async function newestResetAt(db: Db, userId: number): Promise<Date | undefined> {
  const row = await db
    .selectFrom('password_reset_tokens')
    .select('created_at')
    .where('user_id', '=', userId)
    .orderBy('created_at', 'desc')
    .limit(1)
    .executeTakeFirst()
  return row && fromDbTime(row.created_at)
}

/**
 * Marks the token used unless it already was; true when this call used it (so two submits of
 * one link cannot both set a password).
 */
export async function useResetToken(db: Db, tokenHash: string, now: Date): Promise<boolean> {
  const result = await db
    .updateTable('password_reset_tokens')
    .set({ used_at: toDbTime(now) })
    .where('token_hash', '=', tokenHash)
    .where('used_at', 'is', null)
    .executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}

/** Deletes user `userId`'s other unused tokens (a reset voids every older link). */
export async function deleteUnusedResetTokens(db: Db, userId: number): Promise<void> {
  await db
    .deleteFrom('password_reset_tokens')
    .where('user_id', '=', userId)
    .where('used_at', 'is', null)
    .execute()
}

/** What abuse controls read and write: a reader's recent comments, bans and reports. */

import type { Db } from '../db/database.js'
import { fromDbTime, toDbTime, toNumber } from '../db/time-codec.js'

/** Comments the reader stored since `since`, and the oldest of them (to say when to retry). */
export async function recentCount(
  db: Db,
  readerHash: string,
  since: Date,
): Promise<{ count: number; oldest: Date | undefined }> {
  const row = await db
    .selectFrom('comments')
    .select((eb) => [
      eb.fn.countAll<number | string>().as('n'),
      eb.fn.min('created_at').as('oldest'),
    ])
    .where('reader_hash', '=', readerHash)
    .where('created_at', '>=', toDbTime(since))
    .executeTakeFirst()
  const oldest = row?.oldest
  return {
    count: toNumber(row?.n),
    oldest: oldest === null || oldest === undefined ? undefined : fromDbTime(oldest),
  }
}

/**
 * In one round trip: did the reader store this very body on this story since `since` (a repeat),
 * and is the reader banned?
 */
export async function repeatAndBan(
  db: Db,
  input: { readerHash: string; articleId: number; body: string; since: Date },
): Promise<{ repeat: boolean; banned: boolean }> {
  const row = await db
    .selectNoFrom((eb) => [
      eb
        .exists(
          eb
            .selectFrom('comments')
            .select('id')
            .where('reader_hash', '=', input.readerHash)
            .where('created_at', '>=', toDbTime(input.since))
            .where('article_id', '=', input.articleId)
            .where('body', '=', input.body),
        )
        .as('repeat'),
      eb
        .exists(
          eb
            .selectFrom('comment_banned_readers')
            .select('reader_hash')
            .where('reader_hash', '=', input.readerHash),
        )
        .as('banned'),
    ])
    .executeTakeFirstOrThrow()
  // SQLite answers 0/1, PostgreSQL true/false.
  return { repeat: Boolean(row.repeat), banned: Boolean(row.banned) }
}

/** True when a comment of this reader was ever published (so they are not new). */
export async function hasPublished(db: Db, readerHash: string): Promise<boolean> {
  const row = await db
    .selectFrom('comments')
    .select('id')
    .where('reader_hash', '=', readerHash)
    .where('status', '=', 'published')
    .limit(1)
    .executeTakeFirst()
  return row !== undefined
}

/**
 * Records one reader's report of a comment; a second report by the same reader changes nothing.
 * Resolves to the comment's report count after it, or undefined when the reader had reported it.
 */
export async function addReport(
  db: Db,
  input: { commentId: number; readerHash: string; at: Date },
): Promise<number | undefined> {
  return db.transaction().execute(async (tx) => {
    const inserted = await tx
      .insertInto('comment_reports')
      .values({
        comment_id: input.commentId,
        reader_hash: input.readerHash,
        created_at: toDbTime(input.at),
      })
      .onConflict((oc) => oc.columns(['comment_id', 'reader_hash']).doNothing())
      .returning('comment_id')
      .executeTakeFirst()
    if (inserted === undefined) return undefined
    const row = await tx
      .updateTable('comments')
      .set((eb) => ({ report_count: eb('report_count', '+', 1) }))
      .where('id', '=', input.commentId)
      .returning('report_count')
      .executeTakeFirstOrThrow()
    return row.report_count
  })
}

/** Hides a published comment for review because readers reported it; false when not published. */
export async function holdReported(db: Db, commentId: number): Promise<boolean> {
  const result = await db
    .updateTable('comments')
    .set({ status: 'held', hold_reason: 'reported' })
    .where('id', '=', commentId)
    .where('status', '=', 'published')
    .executeTakeFirst()
  return result.numUpdatedRows > 0n
}

/** What abuse controls read and write: a reader's recent comments, bans and reports. */

import type { Db } from '../db/database.js'
import { fromDbTime, toDbTime, toNumber } from '../db/time-codec.js'

/**
 * Opens the posting gate of an address inside a transaction: the row update waits for any other
 * open post of the same address to commit (a row lock on PostgreSQL; on SQLite the write lock,
 * which the single connection holds anyway), so the checks that follow see every earlier post.
 */
export async function openPostGate(tx: Db, addressHash: string, now: Date): Promise<void> {
  await tx
    .insertInto('comment_post_gates')
    .values({ address_hash: addressHash, posted_at: toDbTime(now) })
    .onConflict((oc) => oc.column('address_hash').doUpdateSet({ posted_at: toDbTime(now) }))
    .execute()
}

/**
 * Comments stored since `since` by one reader or by every reader of one address, and the oldest
 * of them (to say when to retry).
 */
export async function recentCount(
  db: Db,
  who: { readerHash: string } | { addressHash: string },
  since: Date,
): Promise<{ count: number; oldest: Date | undefined }> {
  const row = await db
    .selectFrom('comments')
    .select((eb) => [
      eb.fn.countAll<number | string>().as('n'),
      eb.fn.min('created_at').as('oldest'),
    ])
    .where((eb) =>
      'readerHash' in who
        ? eb('reader_hash', '=', who.readerHash)
        : eb('address_hash', '=', who.addressHash),
    )
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

/** Reports an address sent since `since` (its hourly report limit). */
export async function recentReports(db: Db, addressHash: string, since: Date): Promise<number> {
  const row = await db
    .selectFrom('comment_reports')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('address_hash', '=', addressHash)
    .where('created_at', '>=', toDbTime(since))
    .executeTakeFirst()
  return toNumber(row?.n)
}

/**
 * Records one address's report of a comment; a second report from the same address (whatever
 * its User-Agent) changes nothing. Resolves to the comment's report count (distinct addresses
 * since its last approval) and whether a moderator approved it, or undefined when the address
 * had reported it.
 */
export async function addReport(
  db: Db,
  input: { commentId: number; addressHash: string; at: Date },
): Promise<{ count: number; approved: boolean } | undefined> {
  return db.transaction().execute(async (tx) => {
    const inserted = await tx
      .insertInto('comment_reports')
      .values({
        comment_id: input.commentId,
        address_hash: input.addressHash,
        created_at: toDbTime(input.at),
      })
      .onConflict((oc) => oc.columns(['comment_id', 'address_hash']).doNothing())
      .returning('comment_id')
      .executeTakeFirst()
    if (inserted === undefined) return undefined
    const row = await tx
      .updateTable('comments')
      .set((eb) => ({ report_count: eb('report_count', '+', 1) }))
      .where('id', '=', input.commentId)
      .returning(['report_count', 'approved_at'])
      .executeTakeFirstOrThrow()
    return { count: row.report_count, approved: row.approved_at !== null }
  })
}

/**
 * Hides a published comment for review because readers reported it; false when it is not
 * published, or a moderator approved it (it then waits in the reported queue, still shown).
 */
export async function holdReported(db: Db, commentId: number): Promise<boolean> {
  const result = await db
    .updateTable('comments')
    .set({ status: 'held', hold_reason: 'reported' })
    .where('id', '=', commentId)
    .where('status', '=', 'published')
    .where('approved_at', 'is', null)
    .executeTakeFirst()
  return result.numUpdatedRows > 0n
}

/** What the moderation service reads and writes: the queue, status changes, bans and the audit log. */

import type { Db } from '../db/database.js'
import { fromDbTime, toDbTime, toNumber } from '../db/time-codec.js'
import type { CommentStatus } from '../db/schema.js'
import { toComment } from './comment-queries.js'
import type { HoldReason, QueuedComment, QueueFilter } from './types.js'

/** A page of the queue, oldest first, and how many it holds in all. */
export async function queuePage(
  db: Db,
  filter: QueueFilter,
  articleId: number | undefined,
  limit: number,
  offset: number,
): Promise<{ items: QueuedComment[]; total: number }> {
  let base = db.selectFrom('comments as c')
  base =
    filter === 'held'
      ? base.where('c.status', '=', 'held')
      : filter === 'spam'
        ? base.where('c.status', '=', 'spam')
        : base.where('c.report_count', '>', 0).where('c.status', 'in', ['published', 'held'])
  if (articleId !== undefined) base = base.where('c.article_id', '=', articleId)
  const [rows, countRow] = await Promise.all([
    base
      .leftJoin('comment_banned_readers as b', 'b.reader_hash', 'c.reader_hash')
      .select([
        'c.id',
        'c.article_id',
        'c.parent_id',
        'c.author_name',
        'c.body',
        'c.status',
        'c.created_at',
        'c.author_badge',
        'c.hold_reason',
        'c.report_count',
        'b.reader_hash as banned_hash',
      ])
      .orderBy('c.created_at')
      .orderBy('c.id')
      .limit(limit)
      .offset(offset)
      .execute(),
    base.select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirst(),
  ])
  return {
    items: rows.map((r) => ({
      ...toComment(r),
      holdReason: r.hold_reason as HoldReason | null,
      reportCount: r.report_count,
      readerBanned: r.banned_hash !== null,
    })),
    total: toNumber(countRow?.n),
  }
}

/** A comment's story, status and reader hash; undefined when there is no such comment. */
export async function commentForModeration(
  db: Db,
  id: number,
): Promise<{ articleId: number; status: CommentStatus; readerHash: string | null } | undefined> {
  const row = await db
    .selectFrom('comments')
    .select(['article_id', 'status', 'reader_hash'])
    .where('id', '=', id)
    .executeTakeFirst()
  return row && { articleId: row.article_id, status: row.status, readerHash: row.reader_hash }
}

/**
 * Sets a comment's status and clears its hold; approval also restarts its report count and
 * records when (an approved comment is never hidden by reports again, only queued).
 */
export async function setStatus(
  db: Db,
  id: number,
  status: CommentStatus,
  at: Date,
): Promise<void> {
  await db
    .updateTable('comments')
    .set({
      status,
      hold_reason: null,
      ...(status === 'published' ? { report_count: 0, approved_at: toDbTime(at) } : {}),
    })
    .where('id', '=', id)
    .execute()
}

/** Bans a reader hash (again: the first ban's reason stays). */
export async function insertBan(
  db: Db,
  input: { readerHash: string; reason: string; actor: string; at: Date },
): Promise<void> {
  await db
    .insertInto('comment_banned_readers')
    .values({
      reader_hash: input.readerHash,
      reason: input.reason,
      banned_by: input.actor,
      created_at: toDbTime(input.at),
    })
    .onConflict((oc) => oc.column('reader_hash').doNothing())
    .execute()
}

/** A banned reader as the desk lists them: the hash, why, who, when, and the last name they used. */
export interface BannedReader {
  readerHash: string
  reason: string
  bannedBy: string
  bannedAt: Date
  /** The display name on their newest comment (null when none is left). */
  lastName: string | null
}

/** The newest bans first, at most `limit`, and how many there are. */
export async function listBans(
  db: Db,
  limit: number,
  offset: number,
): Promise<{ items: BannedReader[]; total: number }> {
  const [rows, countRow] = await Promise.all([
    db
      .selectFrom('comment_banned_readers as b')
      .select((eb) => [
        'b.reader_hash',
        'b.reason',
        'b.banned_by',
        'b.created_at',
        eb
          .selectFrom('comments as c')
          .select('c.author_name')
          .whereRef('c.reader_hash', '=', 'b.reader_hash')
          .orderBy('c.created_at', 'desc')
          .orderBy('c.id', 'desc')
          .limit(1)
          .as('last_name'),
      ])
      .orderBy('b.created_at', 'desc')
      .orderBy('b.reader_hash')
      .limit(limit)
      .offset(offset)
      .execute(),
    db
      .selectFrom('comment_banned_readers')
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .executeTakeFirst(),
  ])
  return {
    items: rows.map((r) => ({
      readerHash: r.reader_hash,
      reason: r.reason,
      bannedBy: r.banned_by,
      bannedAt: fromDbTime(r.created_at),
      lastName: r.last_name ?? null,
    })),
    total: toNumber(countRow?.n),
  }
}

/** Lifts a ban; false when the reader was not banned. */
export async function deleteBan(db: Db, readerHash: string): Promise<boolean> {
  const result = await db
    .deleteFrom('comment_banned_readers')
    .where('reader_hash', '=', readerHash)
    .executeTakeFirst()
  return result.numDeletedRows > 0n
}

/** One line of the audit log. */
export interface AuditEntry {
  id: number
  commentId: number | null
  readerHash: string | null
  action: string
  actor: string
  note: string
  at: Date
}

/** Appends to the audit log. */
export async function appendAudit(db: Db, entry: Omit<AuditEntry, 'id'>): Promise<void> {
  await db
    .insertInto('comment_moderation_log')
    .values({
      comment_id: entry.commentId,
      reader_hash: entry.readerHash,
      action: entry.action,
      actor: entry.actor,
      note: entry.note,
      created_at: toDbTime(entry.at),
    })
    .execute()
}

/** The newest audit entries, optionally for one comment or older than an entry id. */
export async function auditEntries(
  db: Db,
  options: { commentId?: number; beforeId?: number; limit: number },
): Promise<AuditEntry[]> {
  let query = db.selectFrom('comment_moderation_log').selectAll()
  if (options.commentId !== undefined) query = query.where('comment_id', '=', options.commentId)
  if (options.beforeId !== undefined) query = query.where('id', '<', options.beforeId)
  const rows = await query.orderBy('id', 'desc').limit(options.limit).execute()
  return rows.map((r) => ({
    id: r.id,
    commentId: r.comment_id,
    readerHash: r.reader_hash,
    action: r.action,
    actor: r.actor,
    note: r.note,
    at: fromDbTime(r.created_at),
  }))
}

/** Comments in the database: inserting, counting and listing (the stories are newsroom's to read). */

import type { Db } from '../db/database.js'
import { fromDbTime, toDbTime, toNumber } from '../db/time-codec.js'
import type { CommentBadge, CommentStatus } from '../db/schema.js'
import type { Comment, CommentOrder, CommentThread, HoldReason } from './types.js'

const PUBLIC_COLUMNS = [
  'id',
  'article_id',
  'parent_id',
  'author_name',
  'body',
  'status',
  'created_at',
  'author_badge',
] as const

/** The parent fields that decide whether a reply is allowed. */
export async function parentComment(
  db: Db,
  id: number,
): Promise<{ articleId: number; parentId: number | null; status: string } | undefined> {
  const row = await db
    .selectFrom('comments')
    .select(['article_id', 'parent_id', 'status'])
    .where('id', '=', id)
    .executeTakeFirst()
  return row && { articleId: row.article_id, parentId: row.parent_id, status: row.status }
}

/** Inserts a comment with the status moderation chose, and returns it. */
export async function insertComment(
  db: Db,
  input: {
    articleId: number
    parentId: number | null
    authorName: string
    authorEmail: string | null
    body: string
    createdAt: Date
    status: CommentStatus
    holdReason: HoldReason | null
    readerHash: string | null
    addressHash: string | null
    /** A staff reply's writer and badge (never from a reader's input). */
    staff?: { userId: number; badge: CommentBadge }
  },
): Promise<Comment> {
  const { id } = await db
    .insertInto('comments')
    .values({
      article_id: input.articleId,
      parent_id: input.parentId,
      author_name: input.authorName,
      author_email: input.authorEmail,
      body: input.body,
      status: input.status,
      hold_reason: input.holdReason,
      reader_hash: input.readerHash,
      address_hash: input.addressHash,
      created_at: toDbTime(input.createdAt),
      author_user_id: input.staff?.userId ?? null,
      author_badge: input.staff?.badge ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return {
    id,
    articleId: input.articleId,
    parentId: input.parentId,
    authorName: input.authorName,
    body: input.body,
    status: input.status,
    createdAt: input.createdAt,
    badge: input.staff?.badge ?? null,
  }
}

/** Number of visible comments on a story. */
export async function countVisibleComments(db: Db, articleId: number): Promise<number> {
  const row = await db
    .selectFrom('comments')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('article_id', '=', articleId)
    .where('status', '=', 'published')
    .executeTakeFirst()
  return toNumber(row?.n)
}

/** Visible comments of a story, oldest first; never selects e-mail or reader hash. */
export async function visibleComments(
  db: Db,
  articleId: number,
  limit: number,
  offset: number,
): Promise<Comment[]> {
  const rows = await db
    .selectFrom('comments')
    .select(PUBLIC_COLUMNS)
    .where('article_id', '=', articleId)
    .where('status', '=', 'published')
    .orderBy('created_at')
    .orderBy('id')
    .limit(limit)
    .offset(offset)
    .execute()
  return rows.map(toComment)
}

/**
 * Visible comments of a story and how many of them are top-level, in one scan of the covering
 * index (a story page with 10,000 comments counts them on every uncached render).
 */
export async function countVisibleCommentsAndThreads(
  db: Db,
  articleId: number,
): Promise<{ comments: number; threads: number }> {
  const row = await db
    .selectFrom('comments')
    .select((eb) => [
      eb.fn.countAll<number | string>().as('n'),
      eb.fn
        .count<number | string>(eb.case().when('parent_id', 'is', null).then(1).end())
        .as('threads'),
    ])
    .where('article_id', '=', articleId)
    .where('status', '=', 'published')
    .executeTakeFirst()
  return { comments: toNumber(row?.n), threads: toNumber(row?.threads) }
}

/** A page of visible top-level comments with their visible replies (replies oldest first). */
export async function visibleThreads(
  db: Db,
  articleId: number,
  order: CommentOrder,
  limit: number,
  offset: number,
): Promise<CommentThread[]> {
  const direction = order === 'newest' ? 'desc' : 'asc'
  const tops = await db
    .selectFrom('comments')
    .select(PUBLIC_COLUMNS)
    .where('article_id', '=', articleId)
    .where('status', '=', 'published')
    .where('parent_id', 'is', null)
    .orderBy('created_at', direction)
    .orderBy('id', direction)
    .limit(limit)
    .offset(offset)
    .execute()
  if (tops.length === 0) return []
  const replies = await db
    .selectFrom('comments')
    .select(PUBLIC_COLUMNS)
    .where(
      'parent_id',
      'in',
      tops.map((t) => t.id),
    )
    .where('status', '=', 'published')
    .orderBy('created_at')
    .orderBy('id')
    .execute()
  const byParent = new Map<number, Comment[]>()
  for (const reply of replies) {
    const list = byParent.get(reply.parent_id ?? 0) ?? []
    list.push(toComment(reply))
    byParent.set(reply.parent_id ?? 0, list)
  }
  return tops.map((top) => ({ ...toComment(top), replies: byParent.get(top.id) ?? [] }))
}

/** A comment readers may see, by id (for reports and reply targets); undefined otherwise. */
export async function visibleComment(db: Db, id: number): Promise<Comment | undefined> {
  const row = await db
    .selectFrom('comments')
    .select(PUBLIC_COLUMNS)
    .where('id', '=', id)
    .where('status', '=', 'published')
    .executeTakeFirst()
  return row && toComment(row)
}

/** Maps a row of PUBLIC_COLUMNS to a Comment. */
export function toComment(r: {
  id: number
  article_id: number
  parent_id: number | null
  author_name: string
  body: string
  status: CommentStatus
  created_at: Date | string
  author_badge: CommentBadge | null
}): Comment {
  return {
    id: r.id,
    articleId: r.article_id,
    parentId: r.parent_id,
    authorName: r.author_name,
    body: r.body,
    status: r.status,
    createdAt: fromDbTime(r.created_at),
    badge: r.author_badge,
  }
}

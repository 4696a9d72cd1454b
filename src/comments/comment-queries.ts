/** Comments in the database: visibility checks, inserting, counting and listing. */

import type { Db } from '../db/database.js'
import { fromDbTime, toDbTime, toNumber } from '../db/time-codec.js'
import type { Comment } from './types.js'

/** True when readers can see the story (published, publication time come). */
export async function articleIsVisible(db: Db, articleId: number, now: Date): Promise<boolean> {
  const row = await db
    .selectFrom('articles')
    .select('id')
    .where('id', '=', articleId)
    .where('status', '=', 'published')
    .where('published_at', '<=', toDbTime(now))
    .executeTakeFirst()
  return row !== undefined
}

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

/** Inserts a published comment and returns it. */
export async function insertComment(
  db: Db,
  input: {
    articleId: number
    parentId: number | null
    authorName: string
    authorEmail: string | null
    body: string
    createdAt: Date
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
      status: 'published',
      reader_hash: null,
      created_at: toDbTime(input.createdAt),
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return {
    id,
    articleId: input.articleId,
    parentId: input.parentId,
    authorName: input.authorName,
    body: input.body,
    status: 'published',
    createdAt: input.createdAt,
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
    .select(['id', 'article_id', 'parent_id', 'author_name', 'body', 'status', 'created_at'])
    .where('article_id', '=', articleId)
    .where('status', '=', 'published')
    .orderBy('created_at')
    .orderBy('id')
    .limit(limit)
    .offset(offset)
    .execute()
  return rows.map((r) => ({
    id: r.id,
    articleId: r.article_id,
    parentId: r.parent_id,
    authorName: r.author_name,
    body: r.body,
    status: r.status,
    createdAt: fromDbTime(r.created_at),
  }))
}

/** Story versions, revisions and the workflow log; functions take (db, …) so a transaction works. */

import type { Db } from '../db/database.js'
import { fromDbTime, toDbTime } from '../db/time-codec.js'
import type { ArticleStatus } from './types.js'

/** One saved state of a story's words, with who saved it. */
export interface StoryRevision {
  version: number
  userId: number | null
  userName: string | null
  headline: string
  dek: string
  bodyMarkdown: string
  restoredFrom: number | null
  createdAt: Date
}

/** One change of a story's status. */
export interface StoryEvent {
  userId: number | null
  userName: string | null
  from: ArticleStatus | null
  to: ArticleStatus
  at: Date
}

/**
 * Moves the story from `baseVersion` to the next version, only if nobody saved since; returns the
 * new version, or undefined when the story is at another version (or gone). On PostgreSQL the
 * row lock makes a concurrent save wait and then see the new version; SQLite runs one writer.
 */
export async function bumpVersion(
  db: Db,
  id: number,
  baseVersion: number | undefined,
): Promise<number | undefined> {
  let query = db
    .updateTable('articles')
    .set((eb) => ({ version: eb('version', '+', 1) }))
    .where('id', '=', id)
  if (baseVersion !== undefined) query = query.where('version', '=', baseVersion)
  const row = await query.returning('version').executeTakeFirst()
  return row?.version
}

/** Records the words of `version`. */
export async function insertRevision(
  db: Db,
  row: {
    articleId: number
    version: number
    userId: number | null
    headline: string
    dek: string
    bodyMarkdown: string
    restoredFrom?: number | null
    at: Date
  },
): Promise<void> {
  await db
    .insertInto('article_revisions')
    .values({
      article_id: row.articleId,
      version: row.version,
      user_id: row.userId,
      headline: row.headline,
      dek: row.dek,
      body_markdown: row.bodyMarkdown,
      restored_from: row.restoredFrom ?? null,
      created_at: toDbTime(row.at),
    })
    .execute()
}

/** Records a change of status (from null: the story was created). */
export async function insertStoryEvent(
  db: Db,
  row: {
    articleId: number
    userId: number | null
    from: ArticleStatus | null
    to: ArticleStatus
    at: Date
  },
): Promise<void> {
  await db
    .insertInto('article_events')
    .values({
      article_id: row.articleId,
      user_id: row.userId,
      from_status: row.from,
      to_status: row.to,
      at: toDbTime(row.at),
    })
    .execute()
}

/** The revisions of a story with their authors' names, as toRevision reads them. */
function revisionsOf(db: Db, articleId: number) {
  return db
    .selectFrom('article_revisions as r')
    .leftJoin('users as u', 'u.id', 'r.user_id')
    .select([
      'r.version',
      'r.user_id',
      'u.name as user_name',
      'r.headline',
      'r.dek',
      'r.body_markdown',
      'r.restored_from',
      'r.created_at',
    ])
    .where('r.article_id', '=', articleId)
}

/** Every revision of a story, newest first (bounded by `limit`). */
export async function storyRevisions(
  db: Db,
  articleId: number,
  limit: number,
): Promise<StoryRevision[]> {
  const rows = await revisionsOf(db, articleId).orderBy('r.version', 'desc').limit(limit).execute()
  return rows.map(toRevision)
}

/** One revision of a story, or undefined. */
export async function storyRevision(
  db: Db,
  articleId: number,
  version: number,
): Promise<StoryRevision | undefined> {
  const row = await revisionsOf(db, articleId).where('r.version', '=', version).executeTakeFirst()
  return row === undefined ? undefined : toRevision(row)
}

function toRevision(row: {
  version: number
  user_id: number | null
  user_name: string | null
  headline: string
  dek: string
  body_markdown: string
  restored_from: number | null
  created_at: Date | string
}): StoryRevision {
  return {
    version: row.version,
    userId: row.user_id,
    userName: row.user_name,
    headline: row.headline,
    dek: row.dek,
    bodyMarkdown: row.body_markdown,
    restoredFrom: row.restored_from,
    createdAt: fromDbTime(row.created_at),
  }
}

/** The workflow log of a story, oldest first. */
export async function storyEvents(db: Db, articleId: number): Promise<StoryEvent[]> {
  const rows = await db
    .selectFrom('article_events as e')
    .leftJoin('users as u', 'u.id', 'e.user_id')
    .select(['e.user_id', 'u.name as user_name', 'e.from_status', 'e.to_status', 'e.at'])
    .where('e.article_id', '=', articleId)
    .orderBy('e.id')
    .execute()
  return rows.map((r) => ({
    userId: r.user_id,
    userName: r.user_name,
    from: r.from_status,
    to: r.to_status,
    at: fromDbTime(r.at),
  }))
}

/** The users behind a story's bylines. */
export async function bylineUserIds(db: Db, articleId: number): Promise<number[]> {
  const rows = await db
    .selectFrom('article_authors as aa')
    .innerJoin('authors as au', 'au.id', 'aa.author_id')
    .select('au.user_id')
    .where('aa.article_id', '=', articleId)
    .where('au.user_id', 'is not', null)
    .execute()
  return rows.flatMap((row) => (row.user_id === null ? [] : [row.user_id]))
}

/** Users who own a story: whoever created it and the users behind its bylines. */
export async function storyOwnerUserIds(db: Db, articleId: number): Promise<number[]> {
  const [created, bylines] = await Promise.all([
    db.selectFrom('articles').select('created_by').where('id', '=', articleId).executeTakeFirst(),
    bylineUserIds(db, articleId),
  ])
  const ids = new Set<number>(bylines)
  if (created?.created_by != null) ids.add(created.created_by)
  return [...ids]
}

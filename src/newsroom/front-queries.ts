/** The front page's curation in SQL: the picks lists with their stories, the change log, the banner. */

import type { Db } from '../db/database.js'
import type { PickList } from '../db/schema.js'
import { fromDbTime, fromNullableDbTime, toDbTime } from '../db/time-codec.js'
import type { ArticleStatus } from './types.js'

/** One picked story as the newsroom sees it (any status: the screen says which are not live). */
export interface PickedStoryRow {
  articleId: number
  position: number
  headline: string
  status: ArticleStatus
  sectionName: string
  expiresAt: Date | null
}

/** A pick to write: the story, its position (a slot for must-reads) and optional expiry. */
export interface PickInput {
  articleId: number
  position: number
  expiresAt: Date | null
}

/** The stories of `list`, by position, with what the screen shows of each. */
export async function picksOf(db: Db, list: PickList): Promise<PickedStoryRow[]> {
  const rows = await db
    .selectFrom('editors_picks as p')
    .innerJoin('articles as a', 'a.id', 'p.article_id')
    .innerJoin('sections as s', 's.id', 'a.section_id')
    .select([
      'p.article_id',
      'p.position',
      'p.expires_at',
      'a.headline',
      'a.status',
      's.name as section_name',
    ])
    .where('p.list', '=', list)
    .orderBy('p.position')
    .execute()
  return rows.map((r) => ({
    articleId: r.article_id,
    position: r.position,
    headline: r.headline,
    status: r.status,
    sectionName: r.section_name,
    expiresAt: fromNullableDbTime(r.expires_at),
  }))
}

/** Replaces `list` with `picks` (call inside a transaction). */
export async function writePicks(
  db: Db,
  list: PickList,
  picks: readonly PickInput[],
  now: Date,
): Promise<void> {
  await db.deleteFrom('editors_picks').where('list', '=', list).execute()
  if (picks.length === 0) return
  await db
    .insertInto('editors_picks')
    .values(
      picks.map((p) => ({
        list,
        article_id: p.articleId,
        position: p.position,
        created_at: toDbTime(now),
        expires_at: p.expiresAt === null ? null : toDbTime(p.expiresAt),
      })),
    )
    .execute()
}

/** The must-reads whose expiry has passed (the expiry job clears them). */
export async function expiredPicks(
  db: Db,
  now: Date,
): Promise<{ articleId: number; position: number }[]> {
  const rows = await db
    .selectFrom('editors_picks')
    .select(['article_id', 'position'])
    .where('list', '=', 'must-reads')
    .where('expires_at', '<=', toDbTime(now))
    .execute()
  return rows.map((r) => ({ articleId: r.article_id, position: r.position }))
}

/** Deletes the given must-read picks (call inside a transaction). */
export async function deletePicks(db: Db, articleIds: readonly number[]): Promise<void> {
  if (articleIds.length === 0) return
  await db
    .deleteFrom('editors_picks')
    .where('list', '=', 'must-reads')
    .where('article_id', 'in', [...articleIds])
    .execute()
}

/** The headline and status of a story, or undefined when there is none with this id. */
export async function storyForPick(
  db: Db,
  articleId: number,
): Promise<{ headline: string; status: ArticleStatus } | undefined> {
  return db
    .selectFrom('articles')
    .select(['headline', 'status'])
    .where('id', '=', articleId)
    .executeTakeFirst()
}

/** One entry of the front page's change log. */
export interface FrontChange {
  id: number
  userId: number | null
  userName: string
  action: string
  detail: string
  at: Date
}

/** Appends to the change log (inside the change's own transaction). */
export async function logFrontChange(db: Db, change: Omit<FrontChange, 'id'>): Promise<void> {
  await db
    .insertInto('front_changes')
    .values({
      user_id: change.userId,
      user_name: change.userName,
      action: change.action,
      detail: change.detail.slice(0, 500),
      created_at: toDbTime(change.at),
    })
    .execute()
}

/** The newest `limit` changes, newest first. */
export async function recentFrontChanges(db: Db, limit: number): Promise<FrontChange[]> {
  const rows = await db
    .selectFrom('front_changes')
    .selectAll()
    .orderBy('id', 'desc')
    .limit(limit)
    .execute()
  return rows.map((r) => ({
    id: r.id,
    userId: r.user_id,
    userName: r.user_name,
    action: r.action,
    detail: r.detail,
    at: fromDbTime(r.created_at),
  }))
}

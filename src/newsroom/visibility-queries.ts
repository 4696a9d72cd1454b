/** The one SQL form of "readers may see this story", and the lookups that resolve a story by it. */

import { type Expression, sql, type SqlBool } from 'kysely'
import type { Db } from '../db/database.js'
import type { CommentsMode } from '../db/schema.js'
import { toDbTime } from '../db/time-codec.js'

/**
 * The SQL twin of article-rules' `isVisibleToReaders` over the articles table named `alias`:
 * published, with a publication time that has come by `now`. With `now` = 'eventually' the time
 * only has to be set (the ranking engine loads stories ahead and shows each once its time comes).
 * @example db.selectFrom('articles as a').select('a.id').where(readerVisible('a', now))
 */
export function readerVisible(alias: string, now: Date | 'eventually'): Expression<SqlBool> {
  const status = sql.ref(`${alias}.status`)
  const publishedAt = sql.ref(`${alias}.published_at`)
  return now === 'eventually'
    ? sql<SqlBool>`(${status} = ${'published'} and ${publishedAt} is not null)`
    : sql<SqlBool>`(${status} = ${'published'} and ${publishedAt} <= ${toDbTime(now)})`
}

/** The id of the story readers may see at `slug`, current or former (a renamed story); else undefined. */
export async function readableIdBySlug(
  db: Db,
  now: Date,
  slug: string,
): Promise<number | undefined> {
  const current = await db
    .selectFrom('articles as a')
    .select('a.id')
    .where('a.slug', '=', slug)
    .where(readerVisible('a', now))
    .executeTakeFirst()
  if (current !== undefined) return current.id
  const renamed = await db
    .selectFrom('article_slug_redirects as r')
    .innerJoin('articles as a', 'a.id', 'r.article_id')
    .select('a.id')
    .where('r.old_slug', '=', slug)
    .where(readerVisible('a', now))
    .executeTakeFirst()
  return renamed?.id
}

/** A story's own comment mode (null = the site's) and whether readers may see it; undefined for no story. */
export async function commentsModeRow(
  db: Db,
  now: Date,
  id: number,
): Promise<{ mode: CommentsMode | null; visible: boolean } | undefined> {
  const row = await db
    .selectFrom('articles as a')
    .select((eb) => [
      'a.comments_mode',
      eb.case().when(readerVisible('a', now)).then(1).else(0).end().as('visible'),
    ])
    .where('a.id', '=', id)
    .executeTakeFirst()
  return row && { mode: row.comments_mode, visible: Number(row.visible) === 1 }
}

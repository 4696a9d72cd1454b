/** Co-reading pairs ("readers of this story also read"), as recorded by the view counter. */

import type { Db } from '../db/database.js'

/** One story read by readers of another. */
export interface CoReadRow {
  articleId: number
  otherArticleId: number
  reads: number
}

/** The pairs of stories with ids after `afterId`, by ascending story (a page of a full load). */
export async function coReadsAfter(db: Db, afterId: number, limit: number): Promise<CoReadRow[]> {
  // Paged by whole stories: find the page's last story first, so no story is cut in two.
  const ids = await db
    .selectFrom('article_co_reads')
    .select('article_id')
    .distinct()
    .where('article_id', '>', afterId)
    .orderBy('article_id')
    .limit(limit)
    .execute()
  const last = ids.at(-1)?.article_id
  if (last === undefined) return []
  const rows = await db
    .selectFrom('article_co_reads')
    .select(['article_id', 'other_article_id', 'reads'])
    .where('article_id', '>', afterId)
    .where('article_id', '<=', last)
    .execute()
  return rows.map(toRow)
}

/** The pairs of the stories `ids` (one index range each, on the primary key). */
export async function coReadsOf(db: Db, ids: readonly number[]): Promise<CoReadRow[]> {
  if (ids.length === 0) return []
  const rows = await db
    .selectFrom('article_co_reads')
    .select(['article_id', 'other_article_id', 'reads'])
    .where('article_id', 'in', [...ids])
    .execute()
  return rows.map(toRow)
}

function toRow(r: { article_id: number; other_article_id: number; reads: number }): CoReadRow {
  return { articleId: r.article_id, otherArticleId: r.other_article_id, reads: r.reads }
}

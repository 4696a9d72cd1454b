/** Editors' picks lists: replacing a list's order. */

import type { Db } from '../db/database.js'
import type { PickList } from '../db/schema.js'
import { toDbTime } from '../db/time-codec.js'

/** Which of `ids` are stories (any status). */
export async function existingArticleIds(db: Db, ids: readonly number[]): Promise<Set<number>> {
  if (ids.length === 0) return new Set()
  const rows = await db
    .selectFrom('articles')
    .select('id')
    .where('id', 'in', [...ids])
    .execute()
  return new Set(rows.map((r) => r.id))
}

/** Replaces the stories of `list` with `articleIds`, positions following the order given. */
export async function replacePicks(
  db: Db,
  list: PickList,
  articleIds: readonly number[],
  now: Date,
): Promise<void> {
  await db.deleteFrom('editors_picks').where('list', '=', list).execute()
  if (articleIds.length === 0) return
  await db
    .insertInto('editors_picks')
    .values(
      articleIds.map((articleId, position) => ({
        list,
        article_id: articleId,
        position,
        created_at: toDbTime(now),
      })),
    )
    .execute()
}

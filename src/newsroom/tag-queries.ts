/** Stories by their tags: which stories share tags with one (the related rail's fallback), and each story's tag ids. */

import type { Db } from '../db/database.js'
import { fromDbTime } from '../db/time-codec.js'
import { readerVisible } from './visibility-queries.js'

/** How many of each tag's newest stories are considered as sharing it. */
const TAG_SCAN_LIMIT = 150

/** Visible stories sharing tags with `articleId`: most shared tags first, then newest. */
export async function storiesSharingTags(
  db: Db,
  now: Date,
  articleId: number,
  limit: number,
): Promise<{ id: number; sharedTags: number }[]> {
  const own = await db
    .selectFrom('article_tags')
    .select('tag_id')
    .where('article_id', '=', articleId)
    .execute()
  // Only the newest stories of each tag (ids grow with creation), one index range per tag: a
  // broad tag holds thousands of stories, and joining them all cost 11–24 ms per cache miss at
  // 10,000 stories.
  const perTag = await Promise.all(
    own.map(({ tag_id }) =>
      db
        .selectFrom('article_tags')
        .select('article_id')
        .where('tag_id', '=', tag_id)
        .where('article_id', '<>', articleId)
        .orderBy('article_id', 'desc')
        .limit(TAG_SCAN_LIMIT)
        .execute(),
    ),
  )
  const shared = new Map<number, number>()
  for (const rows of perTag) {
    for (const { article_id } of rows) shared.set(article_id, (shared.get(article_id) ?? 0) + 1)
  }
  if (shared.size === 0) return []
  // Check visibility for the best candidates only (most shared, then newest by id): a long
  // IN-list of every candidate cost more than the rest of the page.
  const best = [...shared.entries()]
    .sort((a, b) => b[1] - a[1] || b[0] - a[0])
    .slice(0, limit * 2)
    .map(([id]) => id)
  const visible = await db
    .selectFrom('articles')
    .select(['id', 'published_at'])
    .where('id', 'in', best)
    .where(readerVisible('articles', now))
    .execute()
  return visible
    .map((row) => ({
      id: row.id,
      sharedTags: shared.get(row.id) ?? 0,
      at: row.published_at === null ? 0 : fromDbTime(row.published_at).getTime(),
    }))
    .sort((a, b) => b.sharedTags - a.sharedTags || b.at - a.at || b.id - a.id)
    .slice(0, limit)
    .map(({ id, sharedTags }) => ({ id, sharedTags }))
}

/** Tag ids of each visible story in `ids`. */
export async function tagIdsByArticle(
  db: Db,
  now: Date,
  ids: readonly number[],
): Promise<Map<number, number[]>> {
  const result = new Map<number, number[]>()
  if (ids.length === 0) return result
  const rows = await db
    .selectFrom('article_tags as at')
    .innerJoin('articles as a', 'a.id', 'at.article_id')
    .select(['at.article_id', 'at.tag_id'])
    .where('at.article_id', 'in', [...new Set(ids)])
    .where(readerVisible('a', now))
    .orderBy('at.article_id')
    .orderBy('at.tag_id')
    .execute()
  for (const row of rows) {
    const list = result.get(row.article_id) ?? []
    list.push(row.tag_id)
    result.set(row.article_id, list)
  }
  return result
}

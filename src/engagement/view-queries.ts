/** Hourly view buckets: the ranges the rankings are built from. */

import type { Db } from '../db/database.js'
import { fromDbTime, toDbTime } from '../db/time-codec.js'

/** One hourly bucket as the rankings read it. */
export interface BucketRow {
  articleId: number
  /** The bucket's hour, in epoch milliseconds. */
  hour: number
  views: number
}

/** Every bucket with `from` <= hour < `to` (one range of the hour index). */
export async function bucketsBetween(db: Db, from: Date, to: Date): Promise<BucketRow[]> {
  const rows = await db
    .selectFrom('article_views_hourly')
    .select(['article_id', 'hour', 'views'])
    .where('hour', '>=', toDbTime(from))
    .where('hour', '<', toDbTime(to))
    .execute()
  return rows.map((r) => ({
    articleId: r.article_id,
    hour: fromDbTime(r.hour).getTime(),
    views: r.views,
  }))
}

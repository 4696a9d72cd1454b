/** Hourly view buckets: adding views, and the ranges the rankings are built from. */

import type { Db } from '../db/database.js'
import { fromDbTime, toDbTime } from '../db/time-codec.js'
import { startOfHour } from '../lib/iso-time.js'

/** Adds `views` to the bucket of the hour containing `at` (one upsert, same SQL on both dialects). */
export async function addToHourlyBucket(
  db: Db,
  articleId: number,
  at: Date,
  views: number,
): Promise<void> {
  await db
    .insertInto('article_views_hourly')
    .values({ article_id: articleId, hour: toDbTime(startOfHour(at)), views })
    .onConflict((oc) =>
      oc.columns(['article_id', 'hour']).doUpdateSet((eb) => ({
        views: eb('article_views_hourly.views', '+', eb.ref('excluded.views')),
      })),
    )
    .execute()
}

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

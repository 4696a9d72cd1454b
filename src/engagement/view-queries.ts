/** Hourly view buckets: adding views and the aggregates the rankings are built from. */

import type { Db } from '../db/database.js'
import type { DbCount } from '../db/schema.js'
import { toDbTime, toNumber } from '../db/time-codec.js'
import { startOfHour } from '../lib/iso-time.js'

/** Views of one story: all time and in two trailing windows. */
export interface ViewAggregate {
  articleId: number
  total: number
  /** Views in the short window (Popular Now). */
  recent: number
  /** Views in the long window (Weekly Best). */
  week: number
}

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

/**
 * Every story's all-time views plus its views since `weekStart` and since `recentStart`, in one
 * pass over the buckets (one scan is cheaper than a GROUP BY for totals and another for windows).
 */
export async function viewAggregates(
  db: Db,
  recentStart: Date,
  weekStart: Date,
): Promise<ViewAggregate[]> {
  const rows = await db
    .selectFrom('article_views_hourly')
    .select((eb) => {
      const since = (start: Date) =>
        eb.fn.sum<DbCount>(
          eb.case().when('hour', '>=', toDbTime(start)).then(eb.ref('views')).else(eb.lit(0)).end(),
        )
      return [
        'article_id',
        eb.fn.sum<DbCount>('views').as('total'),
        since(weekStart).as('week'),
        since(recentStart).as('recent'),
      ]
    })
    .groupBy('article_id')
    .execute()
  return rows.map((r) => ({
    articleId: r.article_id,
    total: toNumber(r.total),
    recent: toNumber(r.recent),
    week: toNumber(r.week),
  }))
}

/** True when `error` is a foreign-key violation (SQLite or PostgreSQL). */
export function isForeignKeyViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code
  // better-sqlite3 reports SQLITE_CONSTRAINT_FOREIGNKEY; pg reports SQLSTATE 23503.
  return code === 'SQLITE_CONSTRAINT_FOREIGNKEY' || code === '23503'
}

/** A view history (entries at any instant) turned into the hourly buckets the counter writes. */

import { startOfHour } from '../lib/iso-time.js'
import type { ViewHistoryEntry } from './engagement.js'
import { viewsInvalid } from './errors.js'
import type { BucketAdd } from './view-flush-queries.js'

/**
 * Sums `entries` per story and hour, sorted by (story, hour) as addToBuckets needs: one upsert
 * per bucket, and PostgreSQL refuses two rows for the same key in one statement.
 * Throws ENGAGEMENT_VIEWS_INVALID on a count that is not a positive whole number or a bad time.
 */
export function hourlyBuckets(entries: readonly ViewHistoryEntry[]): BucketAdd[] {
  const sums = new Map<string, BucketAdd>()
  for (const { articleId, at, views } of entries) {
    if (!Number.isSafeInteger(views) || views <= 0 || Number.isNaN(at.getTime()))
      throw viewsInvalid(views)
    const hour = startOfHour(at)
    const key = `${articleId}:${hour.getTime()}`
    const bucket = sums.get(key)
    if (bucket === undefined) sums.set(key, { articleId, hour, views })
    else bucket.views += views
  }
  return [...sums.values()].sort(
    (a, b) => a.articleId - b.articleId || a.hour.getTime() - b.hour.getTime(),
  )
}

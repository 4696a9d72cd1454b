/** Pure ranking rules: windows, the decay of Popular Now, the related-story blend, rail slicing. */

import { addHours, startOfHour } from '../lib/iso-time.js'
import type { RailOptions } from './engagement.js'

const HOUR_MS = 3_600_000

/** Popular Now looks at the current hour and the 47 before it. */
export const POPULAR_HOURS = 48
/**
 * Weekly Best sums the current hour and the 167 before it (a rolling 7 days). The buckets hold
 * views already deduplicated by the counter (one per reader per story per day, recognised by a
 * daily visitor hash), so the sum counts unique daily readers.
 */
export const WEEK_HOURS = 7 * 24
/** The default half-life of a view in Popular Now. */
export const DEFAULT_HALF_LIFE_HOURS = 6
/** How many ranked stories each list keeps (rails show 5–12, minus exclusions). */
export const RANKED_KEEP = 100

/** The first hour bucket of the trailing `hours` window that ends in the current hour. */
export function windowStart(now: Date, hours: number): Date {
  return addHours(startOfHour(now), -(hours - 1))
}

/**
 * The weight of a view counted in the bucket starting at `hourMs`: it halves every
 * `halfLifeHours`, measured from the middle of the bucket (a bucket's views are spread over its
 * hour); the current bucket's views weigh at most 1.
 */
export function decayWeight(nowMs: number, hourMs: number, halfLifeHours: number): number {
  const ageHours = Math.max(0, (nowMs - hourMs - HOUR_MS / 2) / HOUR_MS)
  return 2 ** (-ageHours / halfLifeHours)
}

/** The Popular Now score of hourly `buckets` at `now` (buckets outside the 48 hours count 0). */
export function decayedScore(
  now: Date,
  buckets: readonly { hour: Date; views: number }[],
  halfLifeHours: number,
): number {
  const from = windowStart(now, POPULAR_HOURS).getTime()
  const to = startOfHour(now).getTime()
  let score = 0
  for (const { hour, views } of buckets) {
    const at = hour.getTime()
    if (at >= from && at <= to) score += views * decayWeight(now.getTime(), at, halfLifeHours)
  }
  return score
}

/** Weights of the related-story blend; see docs/decisions/0005-rankings-and-related.md. */
export const RELATED_WEIGHTS = {
  /** Share of the final score given to co-reading (the rest is content). */
  coRead: 0.4,
  /** Co-reads at which the co-reading part reaches one half (it saturates towards 1). */
  coReadHalf: 5,
  /** Fewest co-reads for a story with no shared words to be suggested. */
  coReadOnlyMin: 3,
  /** Multiplier on content similarity for a story of the same section. */
  sameSection: 1.15,
  /** Recency: content similarity is scaled from 1 (new) down to 1 - recency (old). */
  recency: 0.25,
  /** Days after which the recency boost has halved. */
  recencyHalfLifeDays: 30,
} as const

/** The related-story score of a candidate from its parts (content is 0…1, 1 = itself). */
export function relatedScore(parts: {
  content: number
  sameSection: boolean
  ageDays: number
  coReads: number
}): number {
  const w = RELATED_WEIGHTS
  const recency =
    1 - w.recency + w.recency * 2 ** (-Math.max(0, parts.ageDays) / w.recencyHalfLifeDays)
  const content = Math.min(1, parts.content) * (parts.sameSection ? w.sameSection : 1) * recency
  const coRead = parts.coReads / (parts.coReads + w.coReadHalf)
  return (1 - w.coRead) * content + w.coRead * coRead
}

/** `items` without the excluded ids, at most `limit`. */
export function railSlice<T extends { id: number }>(
  items: readonly T[],
  options: RailOptions,
): T[] {
  const limit = Math.max(0, Math.floor(options.limit))
  if (limit === 0) return []
  const excluded = new Set(options.excludeIds ?? [])
  const out: T[] = []
  for (const item of items) {
    if (excluded.has(item.id)) continue
    out.push(item)
    if (out.length === limit) break
  }
  return out
}

/**
 * Up to `limit` of `candidates` (kept in their ranked order), preferring ids not yet `taken`
 * and topping up with taken ones only when too few are left; adds what it chose to `taken`.
 */
export function pickDistinct<T extends { id: number }>(
  candidates: readonly T[],
  limit: number,
  taken: Set<number>,
): T[] {
  const chosen = new Set<number>()
  for (const story of candidates) {
    if (chosen.size >= limit) break
    if (!taken.has(story.id)) chosen.add(story.id)
  }
  for (const story of candidates) {
    if (chosen.size >= limit) break
    chosen.add(story.id)
  }
  const seen = new Set<number>()
  const out = candidates.filter((story) => {
    if (!chosen.has(story.id) || seen.has(story.id)) return false
    seen.add(story.id)
    return true
  })
  for (const story of out) taken.add(story.id)
  return out
}

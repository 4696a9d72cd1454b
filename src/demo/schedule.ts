/** When demo stories appear: spread over the last 60 days, denser towards `now`. */

import { addHours } from '../lib/iso-time.js'
import type { SeededRandom } from '../lib/seeded-random.js'

const WINDOW_DAYS = 60
const MINUTE_MS = 60_000

/**
 * `count` publication times before `now`, oldest first, rounded to the minute. A few stories
 * always fall within the last day, so the site looks alive and "Popular Now" has material.
 */
export function publicationTimes(random: SeededRandom, count: number, now: Date): Date[] {
  const fresh = Math.min(count, Math.max(2, Math.round(count * 0.04)))
  const ageHours: number[] = []
  for (let i = 0; i < count; i++) {
    // Squaring a uniform draw piles stories up near now: half of them land in the last 15 days.
    ageHours.push(
      i < fresh ? 0.5 + random.next() * 21.5 : 0.5 + random.next() ** 2 * (WINDOW_DAYS * 24 - 1),
    )
  }
  return ageHours
    .map((hours) => new Date(Math.floor(addHours(now, -hours).getTime() / MINUTE_MS) * MINUTE_MS))
    .sort((a, b) => a.getTime() - b.getTime())
}

/** About 15% of stories were edited after publication; the edit time, or null. */
export function updateTime(random: SeededRandom, publishedAt: Date, now: Date): Date | null {
  if (!random.chance(0.15)) return null
  const at = addHours(publishedAt, 0.5 + random.next() * 35.5)
  return at.getTime() < now.getTime()
    ? new Date(Math.floor(at.getTime() / MINUTE_MS) * MINUTE_MS)
    : null
}

/** A plausible, long-tailed view history for one demo story, as a few sparse hourly buckets. */

import { addHours, startOfHour } from '../lib/iso-time.js'
import type { SeededRandom } from '../lib/seeded-random.js'

export interface ViewBucket {
  hour: Date
  views: number
}

/** `fine` for the default demo (hourly for two days); `coarse` keeps big seeds quick. */
export type HistoryDetail = 'fine' | 'coarse'

const HOUR_MS = 3_600_000

// Bucket boundaries in hours after publication: hourly for two days, then thinning out.
const FINE_EDGES = [
  ...Array.from({ length: 49 }, (_, h) => h),
  ...Array.from({ length: 15 }, (_, i) => 56 + i * 8),
  ...Array.from({ length: 23 }, (_, i) => 192 + i * 24),
  840,
  1008,
  1176,
  1344,
  1512,
]
const COARSE_EDGES = [0, 2, 8, 24, 72, 168, 720, 1512]

/** A story's lifetime appeal: most stories draw a few hundred views, a handful tens of thousands. */
export function drawPopularity(random: SeededRandom, opinion: boolean): number {
  const tail = 1 / Math.pow(1 - random.next() * 0.9995, 0.85)
  return Math.min(90_000, Math.round((opinion ? 80 : 140) * tail))
}

/**
 * Hourly buckets of views from `publishedAt` until `now`: most views come in the first hours,
 * a long tail follows; `revival` adds a late burst (an old story trending again today).
 */
export function viewHistory(
  random: SeededRandom,
  input: {
    publishedAt: Date
    now: Date
    popularity: number
    detail: HistoryDetail
    revival: boolean
  },
): ViewBucket[] {
  const { publishedAt, now, popularity } = input
  const age = (now.getTime() - publishedAt.getTime()) / HOUR_MS
  const byHour = new Map<number, number>()
  const add = (at: Date, views: number): void => {
    if (views < 1 || at.getTime() > now.getTime()) return
    const hour = startOfHour(at).getTime()
    byHour.set(hour, (byHour.get(hour) ?? 0) + views)
  }

  const edges = input.detail === 'fine' ? FINE_EDGES : COARSE_EDGES
  for (let i = 0; i + 1 < edges.length; i++) {
    const from = edges[i] ?? 0
    if (from >= age) break
    const to = Math.min(edges[i + 1] ?? age, age)
    const share = cumulative(to) - cumulative(from)
    add(addHours(publishedAt, from), Math.round(popularity * share * (0.75 + random.next() * 0.5)))
  }
  if (input.revival && age > 48) {
    for (let h = 1; h <= 4; h++) {
      add(
        addHours(now, -random.int(h * 3 - 2, h * 3)),
        Math.round(popularity * (0.03 + random.next() * 0.05)),
      )
    }
  }
  return [...byHour].map(([hour, views]) => ({ hour: new Date(hour), views }))
}

/** Share of lifetime views reached `hours` after publication: a fast decay plus a slow tail. */
function cumulative(hours: number): number {
  return 1 - 0.8 * Math.exp(-hours / 9) - 0.2 * Math.exp(-hours / 150)
}

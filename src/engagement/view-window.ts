/**
 * The last 7 days of hourly view buckets in memory (one compact slot per hour), so a refresh reads
 * only the newest hours instead of every bucket. All-time totals are not kept here: the counter
 * answers them fresh from the database (viewCount).
 */

import { decayWeight, POPULAR_HOURS } from './ranking-rules.js'
import type { BucketRow } from './view-queries.js'

const HOUR_MS = 3_600_000

/** One hour's buckets: parallel columns of story ids and their views. */
interface HourSlot {
  ids: Int32Array
  views: Float64Array
}

/** Per-story figures of one computation, indexed by story id. */
export interface WindowFigures {
  /** Views in the window's hours (Weekly Best). */
  week: Float64Array
  /** The time-decayed score over the last 48 hours (Popular Now). */
  popular: Float64Array
}

export interface ViewWindow {
  /** The oldest hour held (epoch ms). */
  readonly oldestHour: number
  /** Replaces hours `from` ≤ h < `to` with `rows` (hours with no rows become empty). */
  replaceHours(from: number, to: number, rows: readonly BucketRow[]): void
  /** Moves the window so it starts at `oldestHour`, dropping the hours that leave it. */
  slide(oldestHour: number): void
  /** Week sums and decayed scores at `nowMs`. */
  figures(nowMs: number, halfLifeHours: number, minLength: number): WindowFigures
  /** Buckets held (for the benchmark's memory figures). */
  size(): number
}

/** An empty window starting at `oldestHour`. */
export function createViewWindow(oldestHour: number): ViewWindow {
  let oldest = oldestHour
  const slots = new Map<number, HourSlot>()
  let maxId = 0

  return {
    get oldestHour() {
      return oldest
    },
    replaceHours(from, to, rows) {
      const byHour = new Map<number, BucketRow[]>()
      for (const row of rows) {
        if (row.hour < from || row.hour >= to || row.hour < oldest) continue
        const list = byHour.get(row.hour)
        if (list === undefined) byHour.set(row.hour, [row])
        else list.push(row)
      }
      for (let hour = Math.max(from, oldest); hour < to; hour += HOUR_MS) {
        const list = byHour.get(hour) ?? []
        if (list.length === 0) {
          slots.delete(hour)
          continue
        }
        const ids = new Int32Array(list.length)
        const views = new Float64Array(list.length)
        list.forEach((row, i) => {
          ids[i] = row.articleId
          views[i] = row.views
          if (row.articleId > maxId) maxId = row.articleId
        })
        slots.set(hour, { ids, views })
      }
    },
    slide(oldestHour) {
      if (oldestHour <= oldest) return
      for (const hour of slots.keys()) if (hour < oldestHour) slots.delete(hour)
      oldest = oldestHour
    },
    figures(nowMs, halfLifeHours, minLength) {
      const length = Math.max(maxId + 1, minLength)
      const week = new Float64Array(length)
      const popular = new Float64Array(length)
      const popularFrom = Math.floor(nowMs / HOUR_MS) * HOUR_MS - (POPULAR_HOURS - 1) * HOUR_MS
      for (const [hour, { ids, views }] of slots) {
        if (hour > nowMs) continue
        const weight = hour >= popularFrom ? decayWeight(nowMs, hour, halfLifeHours) : 0
        for (let i = 0; i < ids.length; i++) {
          const id = ids[i]!
          week[id]! += views[i]!
          if (weight > 0) popular[id]! += views[i]! * weight
        }
      }
      return { week, popular }
    },
    size() {
      let n = 0
      for (const slot of slots.values()) n += slot.ids.length
      return n
    },
  }
}

/** A job's clock time ("daily 03:30", "hourly :05", both UTC): parsed once, then its next run. */

const HOUR_MS = 3_600_000
const DAY_MS = 24 * HOUR_MS

/** A time that recurs every `periodMs`, `offsetMs` after each period starts (UTC, from the epoch). */
export interface JobTime {
  readonly periodMs: number
  readonly offsetMs: number
}

/**
 * Parses "daily HH:MM" (every day at that UTC time) or "hourly :MM" (every hour at that minute).
 * Anything else throws: a mistyped schedule must fail at start, not silently never run.
 * @example parseJobTime('daily 03:30') // { periodMs: 86_400_000, offsetMs: 12_600_000 }
 */
export function parseJobTime(text: string): JobTime {
  const daily = /^daily ([01]\d|2[0-3]):([0-5]\d)$/.exec(text)
  if (daily !== null) {
    const offsetMs = Number(daily[1]) * HOUR_MS + Number(daily[2]) * 60_000
    return { periodMs: DAY_MS, offsetMs }
  }
  const hourly = /^hourly :([0-5]\d)$/.exec(text)
  if (hourly !== null) return { periodMs: HOUR_MS, offsetMs: Number(hourly[1]) * 60_000 }
  throw new Error(
    `job time must be "daily HH:MM" or "hourly :MM" (UTC), got ${JSON.stringify(text)}`,
  )
}

/** The first instant of `time` strictly after `afterMs` (epoch milliseconds). */
export function nextRunAt(time: JobTime, afterMs: number): number {
  const periodStart = Math.floor(afterMs / time.periodMs) * time.periodMs
  const candidate = periodStart + time.offsetMs
  return candidate > afterMs ? candidate : candidate + time.periodMs
}

/** Time helpers shared by every layer; all times are UTC. */

const HOUR_MS = 3_600_000

/** The start of the UTC hour that contains `at`. */
export function startOfHour(at: Date): Date {
  return new Date(Math.floor(at.getTime() / HOUR_MS) * HOUR_MS)
}

/** `at` moved by `hours` (negative moves back). */
export function addHours(at: Date, hours: number): Date {
  return new Date(at.getTime() + hours * HOUR_MS)
}

/** `at` moved by `days` (negative moves back). */
export function addDays(at: Date, days: number): Date {
  return addHours(at, days * 24)
}

/** The UTC calendar day of `at` as YYYY-MM-DD. */
export function utcDay(at: Date): string {
  return at.toISOString().slice(0, 10)
}

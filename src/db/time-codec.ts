/** The one codec for time columns: ISO-8601 UTC text in SQLite, timestamptz in PostgreSQL. */

/** The value to write for `at` (both dialects accept an ISO string). */
export function toDbTime(at: Date): string {
  return at.toISOString()
}

/** A time column's value as a Date, whichever dialect returned it. */
export function fromDbTime(value: Date | string): Date {
  return value instanceof Date ? value : new Date(value)
}

/** A nullable time column's value as a Date or null. */
export function fromNullableDbTime(value: Date | string | null): Date | null {
  return value === null ? null : fromDbTime(value)
}

/** A count or sum as a number: PostgreSQL returns bigint and numeric aggregates as strings. */
export function toNumber(value: number | string | bigint | null | undefined): number {
  if (value === null || value === undefined) return 0
  return typeof value === 'number' ? value : Number(value)
}

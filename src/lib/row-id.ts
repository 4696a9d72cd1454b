/** Row ids as every id column stores them: a positive 32-bit integer on both databases. */

/** The largest id an `integer` column holds (PostgreSQL int4; SQLite ids stay in it too). */
export const MAX_ROW_ID = 2_147_483_647

/**
 * True when `value` can be a row id; anything else cannot match a row, so callers answer
 * "not found" or "invalid" without asking the database (PostgreSQL would fail on 2^31).
 * @example isRowId(2_147_483_648) // → false
 */
export function isRowId(value: number): boolean {
  return Number.isInteger(value) && value >= 1 && value <= MAX_ROW_ID
}

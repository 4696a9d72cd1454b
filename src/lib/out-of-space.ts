/** Recognises "the disk is full" in the errors our drivers and Node throw. */

/**
 * Codes that mean no space was left to write: better-sqlite3's SQLITE_FULL (and its extended
 * SQLITE_IOERR_WRITE is not one: it may be anything), Node's ENOSPC (media files, logs), and
 * PostgreSQL's SQLSTATE 53100 disk_full.
 */
const OUT_OF_SPACE = new Set(['SQLITE_FULL', 'ENOSPC', '53100'])

/**
 * True when `error`, or an error it wraps (`cause`), says the disk is full.
 * @example isOutOfSpace(Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' })) // → true
 */
export function isOutOfSpace(error: unknown): boolean {
  let current: unknown = error
  for (let depth = 0; depth < 5 && typeof current === 'object' && current !== null; depth++) {
    const code = (current as { code?: unknown }).code
    if (typeof code === 'string' && OUT_OF_SPACE.has(code)) return true
    current = (current as { cause?: unknown }).cause
  }
  return false
}

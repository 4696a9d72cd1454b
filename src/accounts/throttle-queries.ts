/** Failed sign-in counts per hashed key. */

import type { Db } from '../db/database.js'
import { fromDbTime, toDbTime } from '../db/time-codec.js'
import type { ThrottleState } from './throttle-rules.js'

/** The recorded failures of each key hash that has any. */
export async function throttleStates(
  db: Db,
  keyHashes: readonly string[],
): Promise<Map<string, ThrottleState>> {
  const rows = await db
    .selectFrom('sign_in_throttles')
    .select(['key_hash', 'failures', 'last_failure_at'])
    .where('key_hash', 'in', keyHashes)
    .execute()
  return new Map(
    rows.map((row) => [
      row.key_hash,
      { failures: row.failures, lastFailureAt: fromDbTime(row.last_failure_at) },
    ]),
  )
}

/**
 * Adds one failure at `now` to `keyHash`, starting from zero when `restart` (the old failures no
 * longer count). The increment happens in the database, so parallel tries each count.
 */
export async function recordFailure(
  db: Db,
  keyHash: string,
  now: Date,
  restart: boolean,
): Promise<void> {
  if (restart) await clearThrottle(db, keyHash)
  await db
    .insertInto('sign_in_throttles')
    .values({ key_hash: keyHash, failures: 1, last_failure_at: toDbTime(now) })
    .onConflict((oc) =>
      oc.column('key_hash').doUpdateSet((eb) => ({
        failures: eb('sign_in_throttles.failures', '+', 1),
        last_failure_at: toDbTime(now),
      })),
    )
    .execute()
}

/** Forgets the failures of `keyHash`. */
export async function clearThrottle(db: Db, keyHash: string): Promise<void> {
  await db.deleteFrom('sign_in_throttles').where('key_hash', '=', keyHash).execute()
}

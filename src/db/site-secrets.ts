/** Long-lived random secrets shared by every process through the database (site_secrets). */

import { randomBytes } from 'node:crypto'
import type { Clock } from '../lib/clock.js'
import type { Db } from './database.js'
import { toDbTime } from './time-codec.js'

/**
 * The secret called `name`; the first process to ask creates it (32 random bytes), the others
 * then read the same one, so every process behind a balancer signs and checks alike.
 * @example const key = await siteSecret(db, 'views', clock.now())
 */
export async function siteSecret(db: Db, name: string, now: Date): Promise<Buffer> {
  await db
    .insertInto('site_secrets')
    .values({ name, value: randomBytes(32).toString('hex'), created_at: toDbTime(now) })
    .onConflict((oc) => oc.column('name').doNothing())
    .execute()
  const row = await db
    .selectFrom('site_secrets')
    .select('value')
    .where('name', '=', name)
    .executeTakeFirstOrThrow()
  return Buffer.from(row.value, 'hex')
}

/**
 * The secret called `name`, read (or created) on first use and then kept; a failed read is not
 * kept, so the next call asks the database again.
 * @example const key = siteSecretKey(db, 'views', clock); const bytes = await key()
 */
export function siteSecretKey(db: Db, name: string, clock: Clock): () => Promise<Buffer> {
  let secret: Promise<Buffer> | undefined
  return () => {
    secret ??= siteSecret(db, name, clock.now()).catch((error: unknown) => {
      secret = undefined
      throw error
    })
    return secret
  }
}

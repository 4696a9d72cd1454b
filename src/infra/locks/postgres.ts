/**
 * The job lease on PostgreSQL: one row per job in job_leases names the holder and when its grant
 * ends, taken with one atomic upsert. Expiry is on the database's clock, so machines whose
 * clocks differ still agree; a dead holder's grant simply runs out.
 */

import { randomBytes } from 'node:crypto'
import { hostname } from 'node:os'
import { sql } from 'kysely'
import type { Db } from '../../db/database.js'
import type { JobLease } from './lease.js'

/** A holder id unique to this process: host, pid and a random part (pids repeat across hosts). */
export function leaseHolderId(): string {
  return `${hostname().slice(0, 60)}:${process.pid}:${randomBytes(6).toString('base64url')}`
}

/**
 * A lease shared by every process on the database. `acquire` grants when the job has no row,
 * its grant ran out, or this process already holds it (then it is extended).
 * @example const lease = createPostgresLease({ db }); if (await lease.acquire('x', 60_000)) …
 */
export function createPostgresLease({
  db,
  holder = leaseHolderId(),
}: {
  db: Db
  holder?: string
}): JobLease & { readonly holder: string } {
  return {
    holder,
    acquire: async (jobName, ttlMs) => {
      const ms = Math.max(1, Math.floor(ttlMs))
      // One statement: two processes racing for an expired row are serialised by its row lock,
      // and the second sees the first's fresh expiry in the WHERE (no row returned: refused).
      const result = await sql<{ holder: string }>`
        insert into job_leases (job_name, holder, expires_at)
        values (${jobName}, ${holder}, now() + ${ms} * interval '1 millisecond')
        on conflict (job_name) do update
          set holder = excluded.holder, expires_at = excluded.expires_at
          where job_leases.expires_at <= now() or job_leases.holder = excluded.holder
        returning holder`.execute(db)
      return result.rows.length === 1
    },
  }
}

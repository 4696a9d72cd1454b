/** The hourly job that deletes timed-out sessions, stale sign-in throttles and expired reset links. */

import type { Job } from '../../infra/scheduler.js'
import type { Accounts } from '../accounts.js'

/** Sessions are checked on every use anyway; this only keeps the tables from growing. */
export function sweepSessionsJob(accounts: Accounts): Job {
  return {
    name: 'accounts.sweep-sessions',
    schedule: { everyMs: 3_600_000 },
    runsOn: 'one-process',
    run: async () => {
      await accounts.sweepSessions()
    },
  }
}

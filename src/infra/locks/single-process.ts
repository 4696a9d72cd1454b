/** The lease for one process: it is alone, so it always may run the job. */

import type { JobLease } from './lease.js'

/** A lease that always grants: right for one process (the default, SQLite or one server). */
export function createSingleProcessLease(): JobLease {
  return { acquire: async () => true }
}

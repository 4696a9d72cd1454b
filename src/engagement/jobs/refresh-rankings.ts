/** The jobs that keep this process's rankings current: a light refresh each minute, a full one hourly. */

import type { Job } from '../../infra/scheduler.js'
import type { Engagement } from '../engagement.js'

/** How often the newest buckets are re-read: pages may show rankings this old. */
const REFRESH_EVERY_MS = 60_000

/** Every minute, and at start (the warm-up: catalogue, week of buckets, related index). */
export function refreshRankingsJob(engagement: Engagement): Job {
  return {
    name: 'engagement.refresh-rankings',
    schedule: { everyMs: REFRESH_EVERY_MS },
    // The rankings live in each process's memory.
    runsOn: 'each-process',
    runAtStart: true,
    run: () => engagement.refreshRankings(),
  }
}

/**
 * Every hour, everything is re-read: late writes to older hours by other processes, and stories
 * whose events this process missed (no shared bus, a crash), are picked up.
 */
export function fullReloadJob(engagement: Engagement): Job {
  return {
    name: 'engagement.full-reload',
    schedule: { at: 'hourly :17' },
    runsOn: 'each-process',
    run: () => engagement.refresh({ full: true }),
  }
}

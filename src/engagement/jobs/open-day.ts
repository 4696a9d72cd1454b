/** The job that starts each UTC day of view counting: the day's salt, and yesterday's deleted. */

import type { Job } from '../../infra/scheduler.js'
import type { Engagement } from '../engagement.js'

/**
 * At midnight UTC and at start: the day's first readers are counted at once instead of waiting
 * for the salt, and the old salts (which could re-identify yesterday's readers) are deleted.
 */
export function openDayJob(engagement: Engagement): Job {
  return {
    name: 'engagement.open-day',
    schedule: { at: 'daily 00:00' },
    // Each process holds its own copy of the day's salt (shared through view_salts).
    runsOn: 'each-process',
    runAtStart: true,
    run: () => engagement.openDay(),
  }
}

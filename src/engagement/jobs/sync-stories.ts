/** The job that brings published, edited and unpublished stories into the catalogue, index and rails. */

import type { Job } from '../../infra/scheduler.js'
import type { Engagement } from '../engagement.js'

/**
 * Polled rather than debounced on a timer of its own: article events only note the story ids
 * (no I/O), and this job syncs what was noted, so a burst of events (an import, the demo seed)
 * becomes one sync. That keeps every timer in the scheduler, lets commands that publish (seed,
 * import) skip the work entirely, and lets tests run it with runNow instead of waiting. A quarter
 * of a second is as quick as the old debounce felt, and a run with nothing noted costs nothing.
 */
const SYNC_EVERY_MS = 250

/** Syncs the stories noted from article events, four times a second. */
export function syncStoriesJob(engagement: Engagement): Job {
  return {
    name: 'engagement.sync-stories',
    schedule: { everyMs: SYNC_EVERY_MS },
    // The catalogue and the index live in each process's memory.
    runsOn: 'each-process',
    run: () => engagement.syncStories(),
  }
}

/** The job that writes the views counted in this process's memory to the hourly buckets. */

import type { Job } from '../../infra/scheduler.js'
import type { Engagement } from '../engagement.js'

/** Every `everyMs` (MASTHEAD_VIEW_FLUSH_MS): a crash loses at most that much counting. */
export function flushViewsJob(engagement: Engagement, everyMs: number): Job {
  return {
    name: 'engagement.flush-views',
    schedule: { everyMs },
    // Each process flushes the counts only it holds.
    runsOn: 'each-process',
    run: () => engagement.flushViews(),
  }
}

/** The job that clears expired Must-Reads and purges the pages of a banner that reached its expiry. */

import type { Job } from '../../infra/scheduler.js'
import type { Newsroom } from '../newsroom.js'

/**
 * Readers never see an expired pick or banner on a fresh render (both are read against the
 * clock); this job is for what is already cached: it sends the purge at expiry, so a cached page
 * does not keep showing the banner for the rest of its TTL. A run with nothing due is two small
 * indexed queries. One process takes it; the conditional claim keeps each expiry announced once.
 */
const EVERY_MS = 5_000

/** Clears expired Must-Reads and announces expired banners, every `everyMs`. */
export function expireFrontJob(newsroom: Newsroom, everyMs: number = EVERY_MS): Job {
  return {
    name: 'newsroom.expire-front',
    schedule: { everyMs },
    runsOn: 'one-process',
    runAtStart: true,
    run: async () => {
      await newsroom.front.expireDue()
    },
  }
}

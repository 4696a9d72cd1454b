/** The job that sends due webhook deliveries. */

import type { Job } from '../../infra/scheduler.js'
import { WEBHOOK_BATCH, type Webhooks } from '../webhooks.js'

/**
 * Every 5 s by default, so a receiver hears of a story within seconds; a run with nothing due
 * is one indexed query. One process at a time, so a delivery is not sent twice by two processes
 * at once; it also runs at start, so what was pending when the server stopped goes out now.
 */
const EVERY_MS = 5_000

/** Sends the due webhook deliveries, every `everyMs`. */
export function deliverWebhooksJob(webhooks: Webhooks, everyMs: number = EVERY_MS): Job {
  return {
    name: 'webhooks.deliver',
    schedule: { everyMs },
    runsOn: 'one-process',
    runAtStart: true,
    run: async () => {
      // A full batch means more may be waiting: keep going (bounded) rather than wait 5 s.
      for (let round = 0; round < 10; round++)
        if ((await webhooks.deliverDue()) < WEBHOOK_BATCH) break
    },
  }
}

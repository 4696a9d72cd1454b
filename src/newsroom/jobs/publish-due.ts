/** The job that puts scheduled stories live when their time comes. */

import type { Job } from '../../infra/scheduler.js'
import type { Newsroom } from '../newsroom.js'

/**
 * Every 15 s by default (MASTHEAD_PUBLISH_CHECK_SECONDS, at most 60), so a story goes live at
 * most a quarter of a minute late; a run with nothing due is one indexed query. It also runs at
 * start, so a story due while the server was down goes live as soon as it is back. One process
 * takes it at a time; the conditional update in publishDue keeps each story published once even
 * if two processes overlap.
 */
const EVERY_MS = 15_000

/** Publishes the scheduled stories whose time has come, every `everyMs`. */
export function publishDueJob(newsroom: Newsroom, everyMs: number = EVERY_MS): Job {
  return {
    name: 'newsroom.publish-due',
    schedule: { everyMs },
    runsOn: 'one-process',
    runAtStart: true,
    run: async () => {
      await newsroom.stories.publishDue()
    },
  }
}

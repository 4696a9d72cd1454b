/** The job that puts scheduled stories live when their time comes. */

import type { Job } from '../../infra/scheduler.js'
import type { Newsroom } from '../newsroom.js'

/**
 * Every 15 s, so a story goes live at most a quarter of a minute late; a run with nothing due is
 * one indexed query. It also runs at start, so a story due while the server was down goes live
 * as soon as it is back. One process takes it at a time; the conditional update in publishDue
 * keeps each story published once even if two processes overlap.
 */
const EVERY_MS = 15_000

/** Publishes the scheduled stories whose time has come. */
export function publishDueJob(newsroom: Newsroom): Job {
  return {
    name: 'newsroom.publish-due',
    schedule: { everyMs: EVERY_MS },
    runsOn: 'one-process',
    runAtStart: true,
    run: async () => {
      await newsroom.stories.publishDue()
    },
  }
}

/** Runs the registered background jobs: on an interval or at a clock time, one run of a job at a time. */

import type { Clock } from '../lib/clock.js'
import { type JobTime, nextRunAt, parseJobTime } from './job-time.js'
import type { JobLease } from './locks/lease.js'
import type { Logger } from './logger.js'

/** `everyMs`: that long after the previous run ended; `at`: "daily HH:MM" or "hourly :MM" (UTC). */
export type JobSchedule = { readonly everyMs: number } | { readonly at: string }

/** A named piece of background work, defined next to its domain (`<domain>/jobs/`). */
export interface Job {
  /** `<domain>.<what>`, unique; logs and `runNow` use it. */
  readonly name: string
  readonly schedule: JobSchedule
  /**
   * `each-process`: work on this process's own memory (flushing its counts, refreshing its
   * rankings). `one-process`: work the cluster needs once per occurrence; it takes the lease first.
   */
  readonly runsOn: 'each-process' | 'one-process'
  /** Also run once as soon as the scheduler starts (warming up). */
  readonly runAtStart?: boolean
  /** How long a `one-process` grant holds (default: nine tenths of the period). */
  readonly leaseMs?: number
  run(): Promise<void>
}

export interface Scheduler {
  /** Registers `job`; once started, it is scheduled at once. Throws on a duplicate name or bad time. */
  add(job: Job): void
  /**
   * Starts every timer (unref'd: jobs never keep the process alive). `atStartAfterMs` delays the
   * runAtStart runs, so that a server's first requests do not compete with its warm-up.
   */
  start(options?: { atStartAfterMs?: number }): void
  /**
   * Runs `name` now, after its run in progress if any (so tests never wait for wall time);
   * resolves false when the lease went to another process, rejects with the job's error.
   */
  runNow(name: string): Promise<boolean>
  /** The registered job names, in registration order. */
  names(): string[]
  /** Stops every timer and waits for the runs in progress; safe to call twice. */
  stop(): Promise<void>
}

export interface SchedulerDeps {
  clock: Clock
  logger: Logger
  lease: JobLease
}

interface Entry {
  readonly job: Job
  /** For `at` jobs, the parsed time; undefined for interval jobs. */
  readonly time: JobTime | undefined
  readonly leaseMs: number
  timer: NodeJS.Timeout | undefined
  /** The chain of this job's runs: each waits for the one before, so runs never overlap. */
  tail: Promise<void>
  /** Runs queued or in progress. */
  busy: number
  /** An interval job's run that fell due during another, waiting for it to end. */
  catchingUp: boolean
  /** For `at` jobs: the occurrence the timer was set for (a timer may fire a little early). */
  dueAt: number
}

/** setTimeout's largest delay; longer waits are re-armed when it fires. */
const MAX_DELAY_MS = 2 ** 31 - 1

/**
 * Creates a scheduler; add jobs, then start it.
 * @example const scheduler = createScheduler({ clock, logger, lease }); scheduler.add(job); scheduler.start()
 */
export function createScheduler({ clock, logger, lease }: SchedulerDeps): Scheduler {
  const entries = new Map<string, Entry>()
  let started = false
  let stopped = false

  const execute = async (entry: Entry): Promise<boolean> => {
    const { job } = entry
    if (job.runsOn === 'one-process' && !(await lease.acquire(job.name, entry.leaseMs))) {
      logger.debug({ job: job.name }, 'job: another process holds the lease; skipped')
      return false
    }
    logger.debug({ job: job.name }, 'job: running')
    if (job.runsOn !== 'one-process') {
      await job.run()
      return true
    }
    // A run longer than its grant must not let another process start the same work: the grant
    // is renewed (the holder re-acquiring extends it) every third of it until the run ends.
    const renewal = setInterval(
      () => {
        lease.acquire(job.name, entry.leaseMs).then(
          (held) => {
            if (!held) logger.warn({ job: job.name }, 'job: lease lost while running')
          },
          (error: unknown) =>
            logger.warn({ err: error, job: job.name }, 'job: lease renewal failed'),
        )
      },
      Math.max(1, Math.floor(entry.leaseMs / 3)),
    )
    renewal.unref()
    try {
      await job.run()
    } finally {
      clearInterval(renewal)
    }
    return true
  }

  const enqueue = (entry: Entry): Promise<boolean> => {
    entry.busy += 1
    const run = entry.tail.then(() => execute(entry))
    entry.tail = run.then(
      () => void (entry.busy -= 1),
      () => void (entry.busy -= 1),
    )
    return run
  }

  /** A run from a timer or the start: a failure is logged and the job runs again next time. */
  const runLogged = (entry: Entry): Promise<void> =>
    enqueue(entry).then(
      () => undefined,
      (error: unknown) => {
        logger.error({ err: error, job: entry.job.name }, 'job failed; it runs again next time')
      },
    )

  const arm = (entry: Entry): void => {
    if (stopped) return
    const nowMs = clock.now().getTime()
    let delay: number
    if (entry.time === undefined) {
      delay = (entry.job.schedule as { everyMs: number }).everyMs
    } else {
      // Never the occurrence just run, even when its timer fired a moment early.
      entry.dueAt = nextRunAt(entry.time, Math.max(nowMs, entry.dueAt))
      delay = entry.dueAt - nowMs
    }
    const armed = Math.min(Math.max(0, delay), MAX_DELAY_MS)
    entry.timer = setTimeout(() => fire(entry, armed < delay), armed)
    entry.timer.unref()
  }

  const fire = (entry: Entry, early: boolean): void => {
    entry.timer = undefined
    if (stopped) return
    if (early) return arm(entry)
    if (entry.time !== undefined) {
      // Skipped rather than queued while a run is still going: an occurrence is never run twice.
      if (entry.busy > 0) return arm(entry)
      void runLogged(entry).then(() => arm(entry))
      return
    }
    // An interval job keeps its rate: the next run is due `everyMs` after this one was, not after
    // it ends, so a slow run does not stretch the interval (a view flush taking 1.3 s made views
    // wait 2.3 s and more in memory). One due while a run is going starts when that run ends;
    // later ones are skipped, so runs never pile up.
    arm(entry)
    if (entry.busy === 0) void runLogged(entry)
    else if (!entry.catchingUp) {
      entry.catchingUp = true
      void entry.tail.then(() => {
        entry.catchingUp = false
        if (!stopped) void runLogged(entry)
      })
    }
  }

  let atStartAfterMs = 0
  const begin = (entry: Entry): void => {
    if (entry.job.runAtStart !== true) return arm(entry)
    if (atStartAfterMs <= 0) {
      void runLogged(entry)
      return arm(entry)
    }
    // The schedule starts after the delayed first run; stop() clears this timer like any other.
    entry.timer = setTimeout(() => {
      entry.timer = undefined
      if (!stopped) void runLogged(entry).then(() => arm(entry))
    }, atStartAfterMs)
    entry.timer.unref()
  }

  return {
    add: (job) => {
      if (entries.has(job.name)) throw new Error(`job ${job.name} is already registered`)
      const time = 'at' in job.schedule ? parseJobTime(job.schedule.at) : undefined
      const periodMs = time?.periodMs ?? (job.schedule as { everyMs: number }).everyMs
      if (!(periodMs > 0)) throw new Error(`job ${job.name}: everyMs must be positive`)
      const entry: Entry = {
        job,
        time,
        leaseMs: job.leaseMs ?? Math.floor(periodMs * 0.9),
        timer: undefined,
        tail: Promise.resolve(),
        busy: 0,
        catchingUp: false,
        dueAt: Number.NEGATIVE_INFINITY,
      }
      entries.set(job.name, entry)
      if (started && !stopped) begin(entry)
    },
    start: (options = {}) => {
      if (started) return
      started = true
      atStartAfterMs = options.atStartAfterMs ?? 0
      for (const entry of entries.values()) begin(entry)
    },
    runNow: async (name) => {
      const entry = entries.get(name)
      if (entry === undefined) throw new Error(`no job named ${name}`)
      if (stopped) throw new Error(`the scheduler is stopped; ${name} was not run`)
      return enqueue(entry)
    },
    names: () => [...entries.keys()],
    stop: async () => {
      stopped = true
      for (const entry of entries.values()) clearTimeout(entry.timer)
      await Promise.all([...entries.values()].map((entry) => entry.tail))
    },
  }
}

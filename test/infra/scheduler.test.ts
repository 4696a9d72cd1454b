/** The scheduler: intervals, clock times, runNow, no overlap, failures logged by name, the lease, stop. */

import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { pino } from 'pino'
import type { JobLease } from '../../src/infra/locks/lease.js'
import { createSingleProcessLease } from '../../src/infra/locks/single-process.js'
import { createScheduler, type Job } from '../../src/infra/scheduler.js'
import { createFixedClock, systemClock } from '../../src/lib/clock.js'

/** A scheduler whose log lines are kept, as parsed JSON objects. */
function setup(options: { lease?: JobLease; clock?: ReturnType<typeof createFixedClock> } = {}) {
  const lines: Record<string, unknown>[] = []
  const logger = pino(
    { level: 'debug' },
    { write: (line: string) => void lines.push(JSON.parse(line) as Record<string, unknown>) },
  )
  const scheduler = createScheduler({
    clock: options.clock ?? systemClock,
    logger,
    lease: options.lease ?? createSingleProcessLease(),
  })
  return { scheduler, lines }
}

const job = (name: string, run: () => Promise<void>, extra: Partial<Job> = {}): Job => ({
  name,
  schedule: { everyMs: 60_000 },
  runsOn: 'each-process',
  run,
  ...extra,
})

/** Resolves once `check()` holds; the scheduler's own short intervals drive it. */
async function until(check: () => boolean): Promise<void> {
  for (let i = 0; i < 400 && !check(); i++) await new Promise((r) => setTimeout(r, 5))
  assert.ok(check(), 'condition not reached within 2 s')
}

/** A run that stays open until its `finish` is called. */
function gate(): { wait: Promise<void>; finish: () => void } {
  let finish = (): void => {}
  const wait = new Promise<void>((resolve) => (finish = resolve))
  return { wait, finish }
}

describe('scheduler', () => {
  test('runNow runs a job at once; an unknown name or a duplicate is refused', async () => {
    const { scheduler } = setup()
    let runs = 0
    scheduler.add(job('test.count', async () => void (runs += 1)))
    assert.throws(() => scheduler.add(job('test.count', async () => {})), /already registered/)
    assert.equal(await scheduler.runNow('test.count'), true)
    assert.equal(runs, 1)
    await assert.rejects(scheduler.runNow('test.nothing'), /no job named/)
    assert.deepEqual(scheduler.names(), ['test.count'])
    await scheduler.stop()
  })

  test('an interval job runs again and again; a failing run is logged with its name and retried', async () => {
    const { scheduler, lines } = setup()
    let runs = 0
    scheduler.add(
      job(
        'test.flaky',
        async () => {
          runs += 1
          if (runs === 1) throw new Error('database went away')
        },
        { schedule: { everyMs: 5 } },
      ),
    )
    scheduler.start()
    await until(() => runs >= 3)
    await scheduler.stop()
    const failed = lines.filter((l) => l.msg === 'job failed; it runs again next time')
    assert.equal(failed.length, 1)
    assert.equal(failed[0]?.job, 'test.flaky')
    assert.equal((failed[0]?.err as { message?: string }).message, 'database went away')
  })

  test('runs of one job never overlap; runNow waits for the run in progress', async () => {
    const { scheduler } = setup()
    let active = 0
    let most = 0
    const first = gate()
    let calls = 0
    scheduler.add(
      job('test.slow', async () => {
        calls += 1
        active += 1
        most = Math.max(most, active)
        if (calls === 1) await first.wait
        active -= 1
      }),
    )
    const a = scheduler.runNow('test.slow')
    const b = scheduler.runNow('test.slow')
    await new Promise((r) => setTimeout(r, 10))
    assert.equal(calls, 1, 'the second run waits for the first')
    first.finish()
    await Promise.all([a, b])
    assert.equal(calls, 2)
    assert.equal(most, 1)
    await scheduler.stop()
  })

  test('an interval job keeps its rate: a run due during a slow one starts as it ends, once', async () => {
    const { scheduler } = setup()
    let calls = 0
    let active = 0
    let most = 0
    const slow = gate()
    scheduler.add(
      job(
        'test.flush',
        async () => {
          calls += 1
          active += 1
          most = Math.max(most, active)
          if (calls === 1) await slow.wait
          active -= 1
        },
        { schedule: { everyMs: 20 } },
      ),
    )
    scheduler.start()
    await until(() => calls === 1)
    // Several runs fall due while the first is held.
    await new Promise((r) => setTimeout(r, 100))
    assert.equal(calls, 1, 'runs never overlap')
    slow.finish()
    // The run that fell due starts as soon as the slow one ends, before the next turn of the
    // event loop (a timer falling due in that turn may add one more, not five).
    await new Promise((r) => setImmediate(r))
    // (calls is read again: the assertion above narrowed its type to 1.)
    const started = calls as number
    assert.ok(
      started === 2 || started === 3,
      `one catch-up run, not one per missed occurrence (${started})`,
    )
    await until(() => calls >= 4)
    await scheduler.stop()
    assert.equal(most, 1)
  })

  test('runAtStart runs once at start; stop waits for the run in progress and runs nothing more', async () => {
    const { scheduler } = setup()
    const running = gate()
    let finished = false
    let starts = 0
    scheduler.add(
      job(
        'test.warm',
        async () => {
          starts += 1
          await running.wait
          finished = true
        },
        { runAtStart: true },
      ),
    )
    scheduler.start()
    await until(() => starts === 1)
    const stopped = scheduler.stop()
    setTimeout(running.finish, 10)
    await stopped
    assert.ok(finished, 'stop resolved before the run ended')
    await assert.rejects(scheduler.runNow('test.warm'), /stopped/)
    assert.equal(starts, 1)
  })

  test('atStartAfterMs delays the runAtStart runs; a stop before then runs nothing', async () => {
    const { scheduler } = setup()
    let runs = 0
    const other = { runs: 0 }
    scheduler.add(job('test.warm', async () => void (runs += 1), { runAtStart: true }))
    scheduler.add(
      job('test.plain', async () => void (other.runs += 1), { schedule: { everyMs: 20 } }),
    )
    const startedAt = Date.now()
    scheduler.start({ atStartAfterMs: 150 })
    await until(() => other.runs >= 2)
    assert.equal(runs, 0, 'the warm-up waits; other jobs keep their schedule')
    await until(() => runs === 1)
    assert.ok(Date.now() - startedAt >= 140, 'not before the delay')
    await scheduler.stop()

    const late = setup().scheduler
    let lateRuns = 0
    late.add(job('test.warm', async () => void (lateRuns += 1), { runAtStart: true }))
    late.start({ atStartAfterMs: 50 })
    await late.stop()
    await new Promise((r) => setTimeout(r, 100))
    assert.equal(lateRuns, 0, 'stopped before its delay: never run')
  })

  test('a one-process job runs only where the lease is granted, with its name and ttl', async () => {
    const asked: [string, number][] = []
    let grant = false
    const lease: JobLease = {
      acquire: async (name, ttlMs) => {
        asked.push([name, ttlMs])
        return grant
      },
    }
    const { scheduler } = setup({ lease })
    let runs = 0
    scheduler.add(
      job('test.once', async () => void (runs += 1), {
        runsOn: 'one-process',
        schedule: { at: 'daily 03:00' },
      }),
    )
    let local = 0
    scheduler.add(job('test.local', async () => void (local += 1)))
    assert.equal(await scheduler.runNow('test.once'), false)
    grant = true
    assert.equal(await scheduler.runNow('test.once'), true)
    await scheduler.runNow('test.local')
    assert.equal(runs, 1)
    assert.equal(local, 1)
    assert.deepEqual(asked, [
      ['test.once', 0.9 * 86_400_000],
      ['test.once', 0.9 * 86_400_000],
    ])
    await scheduler.stop()
  })

  test('a one-process run longer than its grant renews it until it ends', async () => {
    const asked: number[] = []
    const lease: JobLease = {
      acquire: async () => {
        asked.push(Date.now())
        return true
      },
    }
    const { scheduler } = setup({ lease })
    scheduler.add(
      job('test.slow', () => new Promise((resolve) => setTimeout(resolve, 200)), {
        runsOn: 'one-process',
        leaseMs: 60,
      }),
    )
    assert.equal(await scheduler.runNow('test.slow'), true)
    const renewals = asked.length - 1
    // A renewal every 20 ms over a 200 ms run (timers may run late on a busy machine).
    assert.ok(renewals >= 4, `renewed ${renewals} times`)
    const after = asked.length
    await new Promise((resolve) => setTimeout(resolve, 100))
    assert.equal(asked.length, after, 'no renewal once the run ended')
    await scheduler.stop()
  })

  test('a daily job fires at its UTC time, once, then waits for the next day', async () => {
    const clock = createFixedClock(new Date('2026-11-20T02:59:59.980Z'))
    const { scheduler } = setup({ clock })
    let runs = 0
    scheduler.add(
      job('test.nightly', async () => void (runs += 1), { schedule: { at: 'daily 03:00' } }),
    )
    scheduler.start()
    await until(() => runs === 1)
    // The clock stands still at 02:59:59.980: the occurrence just run is not run again.
    await new Promise((r) => setTimeout(r, 60))
    assert.equal(runs, 1)
    await scheduler.stop()
  })

  test('a clock time that is malformed fails when the job is added', () => {
    const { scheduler } = setup({ clock: createFixedClock(new Date('2026-11-20T12:00:00Z')) })
    assert.throws(
      () => scheduler.add(job('test.bad', async () => {}, { schedule: { at: 'at noon' } })),
      /daily HH:MM/,
    )
    assert.throws(
      () => scheduler.add(job('test.zero', async () => {}, { schedule: { everyMs: 0 } })),
      /positive/,
    )
  })
})

/**
 * `masthead start --workers N`: a primary process that forks N workers sharing the port
 * (node:cluster), restarts a crashed one with a growing delay, and drains them all on SIGTERM.
 * The primary serves nothing and holds no database connection while they run.
 */

import cluster, { type Worker } from 'node:cluster'
import type { CommandContext } from './command.js'
import type { ServingMessage, StopSignal } from './io.js'

/** The message the primary sends a worker to stop it gracefully (a signal may reach it too). */
export const STOP_MESSAGE = { masthead: 'stop' } as const

/** Restart delays after a crash: doubled per crash in a row, up to the last. */
const RESTART_MS = [100, 500, 1000, 2000, 5000, 10_000, 30_000] as const
/** A worker that lived this long is healthy: the next crash starts from the first delay again. */
const HEALTHY_AFTER_MS = 60_000

/** True in a worker forked by `masthead start --workers N`. */
export function isClusterWorker(): boolean {
  return cluster.isWorker
}

/**
 * Runs the primary: forks `workers` processes running the same command, restarts any that
 * exits unasked, and on SIGTERM/SIGINT asks each to drain and resolves once all have exited
 * (0 when every one exited cleanly). A second signal kills them at once (exit code 1).
 */
export async function runPrimary(
  workers: number,
  context: CommandContext,
  siteName: string,
): Promise<number> {
  const alive = new Set<Worker>()
  const bornAt = new Map<Worker, number>()
  let crashesInARow = 0
  let stopping = false
  let failed = false
  let announced = false
  let resolveDone: (code: number) => void = () => {}
  const done = new Promise<number>((resolve) => (resolveDone = resolve))
  let restartTimer: NodeJS.Timeout | undefined

  const fork = (index: number): void => {
    const worker = cluster.fork({ MASTHEAD_WORKER_INDEX: String(index) })
    alive.add(worker)
    bornAt.set(worker, Date.now())
    worker.on('message', (message: unknown) => {
      const serving = message as Partial<ServingMessage> | null
      if (serving?.masthead !== 'serving' || typeof serving.url !== 'string') return
      context.out(`worker ${index} (pid ${worker.process.pid ?? '?'}) is serving`)
      if (!announced) {
        announced = true
        context.out(`Masthead is serving ${siteName} at ${serving.url} with ${workers} workers`)
      }
    })
    worker.on('exit', (code, signal) => {
      alive.delete(worker)
      const lived = Date.now() - (bornAt.get(worker) ?? Date.now())
      bornAt.delete(worker)
      if (stopping) {
        if (code !== 0) failed = true
        if (alive.size === 0) resolveDone(failed ? 1 : 0)
        return
      }
      if (lived >= HEALTHY_AFTER_MS) crashesInARow = 0
      const waitMs = RESTART_MS[Math.min(crashesInARow, RESTART_MS.length - 1)] ?? 30_000
      crashesInARow += 1
      context.err(
        `masthead: worker ${index} exited (${signal ?? `code ${code ?? '?'}`}); restarting it in ${waitMs} ms`,
      )
      restartTimer = setTimeout(() => {
        if (!stopping) fork(index)
      }, waitMs)
    })
  }

  const signals: StopSignal[] = ['SIGTERM', 'SIGINT']
  const onSignal = (signal: NodeJS.Signals): void => {
    if (stopping) {
      context.err(`masthead: ${signal} again, killing the workers`)
      for (const worker of alive) worker.process.kill('SIGKILL')
      context.exitNow?.(1)
      resolveDone(1)
      return
    }
    stopping = true
    clearTimeout(restartTimer)
    context.out(`Received ${signal}: draining ${alive.size} workers…`)
    if (alive.size === 0) resolveDone(0)
    // A message, not a signal: a worker that got the same SIGINT from the terminal must not
    // take this for a second signal (which means "stop at once").
    for (const worker of alive) if (worker.isConnected()) worker.send(STOP_MESSAGE)
  }
  for (const signal of signals) context.signals?.on(signal, onSignal)

  for (let index = 1; index <= workers; index++) fork(index)
  const code = await done
  for (const signal of signals) context.signals?.off(signal, onSignal)
  return code
}

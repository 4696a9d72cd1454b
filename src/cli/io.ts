/** What the CLI touches of the outside world: the environment, two text streams, stop signals. */

/** Anything text can be written to: process.stdout, or a test's buffer. */
export interface TextSink {
  write(text: string): unknown
  /** True for a terminal (process.stderr on a console): progress is then drawn as a bar. */
  isTTY?: boolean
}

/** The variables settings are read from (parseConfig validates them). */
export type Environment = Readonly<Record<string, string | undefined>>

export type StopSignal = 'SIGTERM' | 'SIGINT'

/** Where stop requests come from: the process (SIGTERM, SIGINT), or a test's event emitter. */
export interface StopSignals {
  on(signal: StopSignal, listener: (signal: NodeJS.Signals) => void): unknown
  off(signal: StopSignal, listener: (signal: NodeJS.Signals) => void): unknown
}

/** Everything runCli needs from its caller; commands see nothing else of the process. */
export interface CliIo {
  env: Environment
  stdout: TextSink
  stderr: TextSink
  /** Only `start` listens; without it, `start` serves until its caller ends the process. */
  signals?: StopSignals
  /** Ends the process at once (a second stop signal while closing); absent in-process. */
  exitNow?: (code: number) => void
}

/**
 * The real process's environment, streams and signals: what bin/masthead.js and src/main.ts
 * pass. The one place the CLI may end the process: a second SIGTERM or SIGINT while closing.
 */
export function processIo(): CliIo {
  return {
    env: process.env,
    stdout: process.stdout,
    stderr: process.stderr,
    signals: process,
    exitNow: (code) => process.exit(code),
  }
}

// The worker side of `masthead start --workers N` (cluster.ts is the primary's): the process's
// channel to its primary is touched here only, like its signals and streams.

/** The message a worker sends once it listens, with the address it serves. */
export interface ServingMessage {
  masthead: 'serving'
  url: string
}

/** In a worker: calls `onStop` when the primary asks it to stop (at most once). */
export function onPrimaryStop(onStop: () => void): void {
  let asked = false
  process.on('message', (message: unknown) => {
    if (asked || (message as { masthead?: unknown } | null)?.masthead !== 'stop') return
    asked = true
    onStop()
  })
}

/**
 * In a worker, once closed: leaves the cluster (the channel to the primary would otherwise keep
 * the process alive after its server and database are closed).
 */
export function leaveCluster(): void {
  if (process.connected === true) process.disconnect()
}

/** In a worker: tells the primary it serves `url`. */
export function reportServing(url: string): void {
  const message: ServingMessage = { masthead: 'serving', url }
  process.send?.(message)
}

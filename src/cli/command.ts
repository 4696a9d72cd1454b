/** What every `masthead` command is: a name, its help text and a run function returning an exit code. */

import type { Environment, StopSignals } from './io.js'

/** Where a command writes: stdout for results, stderr for problems. */
export interface Output {
  out(line: string): void
  err(line: string): void
}

/** What a command runs with: its output lines, the environment, and (for start) stop signals. */
/** Where long commands draw progress: stderr, as a redrawn bar on a terminal, else plain lines. */
export interface ProgressSink {
  isTTY: boolean
  /** Writes `text` as is (no newline added). */
  write(text: string): void
}

export interface CommandContext extends Output {
  /** Absent in callers that do not offer one: no progress is shown. */
  progress?: ProgressSink
  env: Environment
  signals: StopSignals | undefined
  exitNow: ((code: number) => void) | undefined
}

export interface Command {
  /** As typed after `masthead` ("start", "user add"). */
  name: string
  /** One line for the command list. */
  summary: string
  /** The full `--help` text. */
  help: string
  /** Runs with the arguments after the command name; resolves to the process exit code. */
  run(args: string[], context: CommandContext): Promise<number>
}

/** A mistake in how the command was typed: the CLI prints the usage and exits with code 2. */
export class UsageError extends Error {
  readonly help: string
  constructor(message: string, help: string) {
    super(message)
    this.name = 'UsageError'
    this.help = help
  }
}

/** What every `masthead` command is: a name, its help text and a run function returning an exit code. */

/** Where a command writes: stdout for results, stderr for problems. */
export interface Output {
  out(line: string): void
  err(line: string): void
}

export interface Command {
  /** As typed after `masthead` ("start", "user add"). */
  name: string
  /** One line for the command list. */
  summary: string
  /** The full `--help` text. */
  help: string
  /** Runs with the arguments after the command name; resolves to the process exit code. */
  run(args: string[], output: Output): Promise<number>
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

/** The process's own stdout and stderr. */
export const processOutput: Output = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
}

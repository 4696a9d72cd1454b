/** Turns a failure into one clear line on stderr and an exit code; only the unexpected get a stack. */

import { ConfigError } from '../config.js'
import { isMastheadError } from '../lib/errors.js'
import { type Output, UsageError } from './command.js'

/** Prints `error` for a person at a terminal and returns the exit code (2 for usage, else 1). */
export function reportError(error: unknown, output: Output): number {
  if (error instanceof UsageError) {
    output.err(`masthead: ${error.message}\n`)
    output.err(error.help)
    return 2
  }
  if (error instanceof ConfigError) {
    output.err(`masthead: configuration error: ${error.message}`)
    return 1
  }
  if (isMastheadError(error)) {
    output.err(`masthead: ${error.message}`)
    return 1
  }
  output.err(
    `masthead: unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
  )
  return 1
}

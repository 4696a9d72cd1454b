/** The process logger: pino JSON lines on stdout, written in batches (log-stream.ts). */

import { pino, symbols, type DestinationStream, type Logger } from 'pino'
import type { LogLevel } from '../config.js'
import { createLogStream, type LogStream } from './log-stream.js'

export type { Logger }

/** One batched standard output per process, shared by its loggers so lines keep their order. */
let stdout: DestinationStream | undefined

/** Creates the root logger; Fastify derives request loggers (with the request id) from it. */
export function createLogger(options: {
  level: LogLevel
  /** Where lines go (tests); the process's batched standard output by default. */
  destination?: DestinationStream
}): Logger {
  const base = { app: 'masthead' }
  if (options.level === 'silent') return pino({ level: 'silent', base })
  stdout ??= createLogStream()
  return pino({ level: options.level, base }, options.destination ?? stdout)
}

/** Where a hot path that serialises its own lines in pino's format writes them. */
export interface RawLogTarget {
  /** Writes one whole line at info level or below (with its newline) where the logger writes. */
  write(line: string): void
  /** What the logger adds to each line, serialised as pino does: `,"app":"masthead"`. */
  bindings: string
}

/** The stream and bindings of `logger`, for the front door's access-log line. */
export function rawLogTarget(logger: Logger): RawLogTarget {
  const internals = logger as unknown as Record<symbol, unknown>
  const stream = internals[symbols.streamSym] as DestinationStream & Partial<LogStream>
  const chindings = internals[symbols.chindingsSym]
  const writeInfo = stream.writeInfo
  return {
    write: writeInfo === undefined ? (line) => stream.write(line) : writeInfo,
    bindings: typeof chindings === 'string' ? chindings : '',
  }
}

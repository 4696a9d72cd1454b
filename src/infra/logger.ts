/** The process logger: pino JSON lines on stdout. */

import { pino, type Logger } from 'pino'
import type { LogLevel } from '../config.js'

export type { Logger }

/** Creates the root logger; Fastify derives request loggers (with the request id) from it. */
export function createLogger(options: { level: LogLevel }): Logger {
  return pino({ level: options.level, base: { app: 'masthead' } })
}

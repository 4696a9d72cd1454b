/**
 * The stream pino writes log lines to: standard output in batches. One write(2) per line cost a
 * warm page about a third of its throughput (issue 15); lines at info and below now wait until
 * BATCH_BYTES are pending or BATCH_MS has passed, and a warning or an error is written at once
 * with everything before it, so lines keep their order and problems show without delay.
 */

import fs from 'node:fs'

/**
 * Pending bytes that trigger a write (about 140 access-log lines). At 4 KiB a warm page
 * paid for a write(2) every 17 requests; a SIGKILL still loses at most BATCH_MS of lines.
 */
const BATCH_BYTES = 32_768
/** The batch's buffer: a batch, and room for the line that fills it (longer ones go alone). */
const BUFFER_BYTES = 2 * BATCH_BYTES
/** The longest an info line waits on a quiet site. */
const BATCH_MS = 1000
/** `{"level":` is how every pino line begins; the level's first digit follows. */
const LEVEL_DIGIT_AT = '{"level":'.length
/** The first digit of pino's warn (40), error (50) and fatal (60) levels. */
const WARN_DIGIT = '4'.charCodeAt(0)
/** The most bytes UTF-8 needs for one UTF-16 code unit. */
const MAX_UTF8_PER_UNIT = 3

export interface LogStream {
  /** Takes one whole line (with its newline), as pino hands it. */
  write(line: string): void
  /**
   * Takes one whole line its caller knows is at info or below (the front door's access log):
   * reading the level digit of a freshly concatenated line made V8 copy every line once more.
   */
  writeInfo(line: string): void
  /** Writes everything pending now (at exit, and before a warning). */
  flush(): void
}

/**
 * Node's Buffer has utf8Write(string, offset) beneath the documented write(): it is what write()
 * calls after checking its arguments, a cost paid on every line here.
 */
type UTF8Buffer = Buffer & { utf8Write(text: string, offset: number): number }

/** Writes bytes to a file descriptor before it returns: the bytes are the batch's, reused after. */
export type WriteBytes = (fd: number, bytes: Uint8Array) => void

/**
 * A batched log stream on file descriptor `fd` (standard output by default). Lines are encoded
 * into one buffer as they come, so a batch is written without joining strings; pending lines
 * are written when the process exits, and a SIGKILL loses at most the last BATCH_MS of info lines.
 */
export function createLogStream(fd = 1, write: WriteBytes = writeAll): LogStream {
  const batch = Buffer.allocUnsafeSlow(BUFFER_BYTES) as UTF8Buffer
  let used = 0
  let timer: NodeJS.Timeout | undefined

  const flush = (): void => {
    if (timer !== undefined) clearTimeout(timer)
    timer = undefined
    if (used === 0) return
    const bytes = batch.subarray(0, used)
    used = 0
    write(fd, bytes)
  }

  /** Makes room for `units` UTF-16 code units; false when even an empty batch is too small. */
  const room = (units: number): boolean => {
    const worst = units * MAX_UTF8_PER_UNIT
    if (used + worst <= BUFFER_BYTES) return true
    flush()
    return worst <= BUFFER_BYTES
  }

  /** Ends an info line: a full batch goes out now, else within BATCH_MS. */
  const pendingInfo = (): void => {
    if (used >= BATCH_BYTES) flush()
    else if (timer === undefined) timer = setTimeout(flush, BATCH_MS).unref()
  }

  /** Adds `line` to the batch, or writes it alone when it is longer than a batch. */
  const append = (line: string): void => {
    if (room(line.length)) used += batch.utf8Write(line, used)
    else write(fd, Buffer.from(line, 'utf8'))
  }

  const writeInfo = (line: string): void => {
    append(line)
    pendingInfo()
  }

  process.once('exit', flush)
  return {
    write: (line) => {
      // Not `< WARN_DIGIT`: a line too short to hold a level (NaN) stays an info line, as before.
      if (!(line.charCodeAt(LEVEL_DIGIT_AT) >= WARN_DIGIT)) return writeInfo(line)
      append(line)
      flush()
    },
    writeInfo,
    flush,
  }
}

/** Writes all of `bytes` to `fd`, waiting out a full pipe (EAGAIN) rather than dropping lines. */
function writeAll(fd: number, bytes: Uint8Array): void {
  while (bytes.length > 0) {
    try {
      bytes = bytes.subarray(fs.writeSync(fd, bytes))
    } catch (error) {
      // A closed or broken standard output (EPIPE) leaves nowhere to write: the lines are dropped.
      if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') return
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10)
    }
  }
}

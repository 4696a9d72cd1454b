/**
 * The stream pino writes log lines to: standard output in batches. One write(2) per line cost a
 * warm page about a third of its throughput (issue 15); lines at info and below now wait until
 * BATCH_CHARS are pending or BATCH_MS has passed, and a warning or an error is written at once
 * with everything before it, so lines keep their order and problems show without delay.
 */

import fs from 'node:fs'

/**
 * Pending characters that trigger a write (about 140 access-log lines). At 4 KiB a warm page
 * paid for a write(2) every 17 requests; a SIGKILL still loses at most BATCH_MS of lines.
 */
const BATCH_CHARS = 32_768
/** The longest an info line waits on a quiet site. */
const BATCH_MS = 1000
/** `{"level":` is how every pino line begins; the level's first digit follows. */
const LEVEL_DIGIT_AT = '{"level":'.length
/** The first digit of pino's warn (40), error (50) and fatal (60) levels. */
const WARN_DIGIT = '4'.charCodeAt(0)

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
 * A batched log stream on file descriptor `fd` (standard output by default). Pending lines are
 * written when the process exits; a SIGKILL loses at most the last BATCH_MS of info lines.
 */
export function createLogStream(fd = 1, write = writeAll): LogStream {
  let pending: string[] = []
  let chars = 0
  let timer: NodeJS.Timeout | undefined

  const flush = (): void => {
    if (timer !== undefined) clearTimeout(timer)
    timer = undefined
    if (pending.length === 0) return
    const text = pending.join('')
    pending = []
    chars = 0
    write(fd, text)
  }

  const writeInfo = (line: string): void => {
    pending.push(line)
    chars += line.length
    if (chars >= BATCH_CHARS) flush()
    else if (timer === undefined) timer = setTimeout(flush, BATCH_MS).unref()
  }

  process.once('exit', flush)
  return {
    write: (line) => {
      // Not `< WARN_DIGIT`: a line too short to hold a level (NaN) stays an info line, as before.
      if (!(line.charCodeAt(LEVEL_DIGIT_AT) >= WARN_DIGIT)) return writeInfo(line)
      pending.push(line)
      flush()
    },
    writeInfo,
    flush,
  }
}

/** Writes all of `text` to `fd`, waiting out a full pipe (EAGAIN) rather than dropping lines. */
function writeAll(fd: number, text: string): void {
  let bytes = Buffer.from(text, 'utf8')
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

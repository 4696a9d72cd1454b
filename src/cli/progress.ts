/**
 * Progress of a long command (an import, an export): a bar redrawn in place on a terminal, plain
 * lines now and then otherwise (a log file, CI), so neither fills up with redraws.
 */

import type { ProgressSink } from './command.js'

export interface ProgressState {
  /** Items handled so far. */
  done: number
  /** Bytes read of `totalBytes` (a file's size), for the bar's share; absent: a count only. */
  bytesRead?: number
  totalBytes?: number
  /** Short counters shown after the count ("120 created, 3 skipped"). */
  counters?: Record<string, number>
}

export interface Progress {
  /** Reports the state now; drawn at most every `redrawMs` (terminal) or `lineEvery` items. */
  update(state: ProgressState): void
  /** Draws the last state and leaves the line (call once at the end). */
  finish(): void
}

export interface ProgressOptions {
  /** What is counted ("records", "stories"). */
  unit: string
  /** Minimum time between redraws on a terminal (default 100 ms). */
  redrawMs?: number
  /** A plain line every this many items when not on a terminal (default 1,000). */
  lineEvery?: number
  /** Clock for tests. */
  now?: () => number
}

const BAR_WIDTH = 24
const NOOP: Progress = { update: () => undefined, finish: () => undefined }

/**
 * A progress display on `sink` (undefined: none).
 * @example const progress = createProgress(context.progress, { unit: 'records' }); progress.update({ done: 10 })
 */
export function createProgress(sink: ProgressSink | undefined, options: ProgressOptions): Progress {
  if (sink === undefined) return NOOP
  const now = options.now ?? (() => performance.now())
  const redrawMs = options.redrawMs ?? 100
  const lineEvery = options.lineEvery ?? 1000
  let last: ProgressState = { done: 0 }
  let drawnAt = -Infinity
  let linedAt = 0
  let width = 0

  const draw = (state: ProgressState): void => {
    const text = sink.isTTY ? barLine(state, options.unit) : plainLine(state, options.unit)
    if (sink.isTTY) {
      // Pad over a longer previous line instead of relying on terminal escape codes.
      sink.write(`\r${text.padEnd(width)}`)
      width = text.length
    } else {
      sink.write(`${text}\n`)
    }
  }

  return {
    update(state) {
      last = state
      if (sink.isTTY) {
        const at = now()
        if (at - drawnAt < redrawMs) return
        drawnAt = at
        draw(state)
      } else if (state.done - linedAt >= lineEvery) {
        linedAt = state.done - (state.done % lineEvery)
        draw(state)
      }
    },
    finish() {
      if (sink.isTTY) {
        draw(last)
        sink.write('\n')
      } else if (last.done !== linedAt) {
        draw(last)
      }
    },
  }
}

function barLine(state: ProgressState, unit: string): string {
  const share = shareOf(state)
  if (share === undefined) return `${countText(state, unit)}`
  const filled = Math.round(share * BAR_WIDTH)
  const bar = `${'#'.repeat(filled)}${'-'.repeat(BAR_WIDTH - filled)}`
  return `[${bar}] ${String(Math.floor(share * 100)).padStart(3)}% ${countText(state, unit)}`
}

function plainLine(state: ProgressState, unit: string): string {
  const share = shareOf(state)
  const percent = share === undefined ? '' : ` (${Math.floor(share * 100)}% of the file)`
  return `  ${countText(state, unit)}${percent}`
}

function countText(state: ProgressState, unit: string): string {
  const counters = Object.entries(state.counters ?? {})
    .map(([name, value]) => `${value.toLocaleString('en')} ${name}`)
    .join(', ')
  const count = `${state.done.toLocaleString('en')} ${unit}`
  return counters === '' ? count : `${count}: ${counters}`
}

function shareOf(state: ProgressState): number | undefined {
  if (state.totalBytes === undefined || state.bytesRead === undefined || state.totalBytes <= 0)
    return undefined
  return Math.min(1, state.bytesRead / state.totalBytes)
}

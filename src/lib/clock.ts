/** A source of the current time, injected everywhere so tests can move time. */

export interface Clock {
  /** The current instant. */
  now(): Date
  /** The current instant in epoch milliseconds, without allocating a Date (for hot paths). */
  nowMs?(): number
}

/** The wall clock. */
export const systemClock: Clock = { now: () => new Date(), nowMs: () => Date.now() }

/** A clock that stands still until moved; for tests and deterministic generators. */
export function createFixedClock(
  start: Date,
): Clock & { set(at: Date): void; advance(ms: number): void } {
  let current = start.getTime()
  return {
    now: () => new Date(current),
    nowMs: () => current,
    set: (at) => {
      current = at.getTime()
    },
    advance: (ms) => {
      current += ms
    },
  }
}

/** A source of the current time, injected everywhere so tests can move time. */

export interface Clock {
  /** The current instant. */
  now(): Date
}

/** The wall clock. */
export const systemClock: Clock = { now: () => new Date() }

/** A clock that stands still until moved; for tests and deterministic generators. */
export function createFixedClock(
  start: Date,
): Clock & { set(at: Date): void; advance(ms: number): void } {
  let current = start.getTime()
  return {
    now: () => new Date(current),
    set: (at) => {
      current = at.getTime()
    },
    advance: (ms) => {
      current += ms
    },
  }
}

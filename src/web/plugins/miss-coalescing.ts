/**
 * Coalesced page-cache misses: while one request renders a page (the leader), the others that
 * miss the same page in the same coding wait for its result instead of rendering it too, and are
 * then served it as cache hits are (each its own request id, access-log line and view). Without
 * it, a popular page purged by a publish or a correction is rendered by every request that
 * arrives before the first render is stored: a miss storm (decision 0031).
 *
 * A waiter never waits more than `waitMs`, and renders the page itself when the leader shares
 * nothing: its answer was not a page the cache keeps (an error, a redirect, `cache: false`, a
 * cookie), it failed, or it was too slow. The page cache (page-cache.ts) decides what is shared
 * and whether a shared page is still current; this module only keeps the flights.
 */

import type { CacheEntry } from '../../infra/cache-store/cache-store.js'

/** What a leader hands its waiters: the entry it sent, and the purge generation it rendered in. */
export interface SharedPage {
  readonly entry: CacheEntry
  /** The page cache's purge generation at the leader's miss: a purge since makes the page stale. */
  readonly generation: number
}

/** The first request to miss a page: it renders, then settles the flight (once; later calls do nothing). */
export interface FlightLead {
  readonly lead: true
  settle(shared: SharedPage | undefined): void
}

/** A later request missing the same page: what the leader shares, or undefined (render yourself). */
export interface FlightWait {
  readonly lead: false
  readonly shared: Promise<SharedPage | undefined>
}

export interface MissCoalescing {
  /**
   * Joins the flight under `key` (a page key and a content coding), starting it when none is in
   * the air. A waiter's promise resolves with the leader's page, or with undefined when the leader
   * shares nothing, when the flight is `waitMs` old, or at `until` (ms since the epoch) if sooner.
   * @example const flight = coalescing.join(`br ${key}`); if (flight.lead) … else await flight.shared
   */
  join(key: string, until?: number): FlightLead | FlightWait
  /** How many flights are in the air. */
  size(): number
}

interface Flight {
  /** When the flight gives up on its leader (ms since the epoch). */
  readonly deadline: number
  readonly waiters: ((shared: SharedPage | undefined) => void)[]
}

/** Creates the flights of one page cache; `waitMs` bounds how long any request waits for a leader. */
export function createMissCoalescing({ waitMs }: { waitMs: number }): MissCoalescing {
  const flights = new Map<string, Flight>()

  const start = (key: string): FlightLead => {
    const flight: Flight = { deadline: Date.now() + waitMs, waiters: [] }
    const settle = (shared: SharedPage | undefined): void => {
      // Settled already, or given up on (a later flight may hold the key by now).
      if (flights.get(key) !== flight) return
      flights.delete(key)
      clearTimeout(timer)
      for (const wake of flight.waiters) wake(shared)
    }
    // A leader that never settles (a hung render) must not hold its page's misses for ever: the
    // waiters render, and the next miss starts a new flight.
    // Not unref'd: a waiter's answer hangs on it (through inject, nothing else keeps the loop).
    const timer = setTimeout(() => settle(undefined), waitMs)
    flights.set(key, flight)
    return { lead: true, settle }
  }

  const wait = (flight: Flight, until: number): Promise<SharedPage | undefined> =>
    new Promise((resolve) => {
      if (until >= flight.deadline) {
        flight.waiters.push(resolve)
        return
      }
      // A waiter that already waited on an earlier flight keeps its own bound.
      const timer = setTimeout(() => resolve(undefined), Math.max(0, until - Date.now()))
      flight.waiters.push((shared) => {
        clearTimeout(timer)
        resolve(shared)
      })
    })

  return {
    join: (key, until = Date.now() + waitMs) => {
      const flight = flights.get(key)
      return flight === undefined ? start(key) : { lead: false, shared: wait(flight, until) }
    },
    size: () => flights.size,
  }
}

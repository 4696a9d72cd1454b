/** The event bus interface: in-process by default, over PostgreSQL or Redis in a cluster. */

import type { BusEventName, BusEvents } from './events.js'

export type BusHandler<E extends BusEventName> = (payload: BusEvents[E]) => void | Promise<void>

/**
 * Where a handler runs when several processes share the database (one process: both are the same).
 * `each-process`: for events published by any process, because it works on this process's own
 * memory (the page cache, the rails). `publishing-process`: only in the process that published,
 * because it writes shared state (the search index, the webhook outbox) that needs it once.
 */
export type HandlerScope = 'each-process' | 'publishing-process'

export interface SubscribeOptions {
  /** Default `each-process`. */
  runsOn?: HandlerScope
}

export interface Bus {
  /** Delivers `payload` to every subscriber of `event` (in every process, for shared buses). */
  publish<E extends BusEventName>(event: E, payload: BusEvents[E]): Promise<void>
  /** Subscribes; returns the function that unsubscribes. */
  subscribe<E extends BusEventName>(
    event: E,
    handler: BusHandler<E>,
    options?: SubscribeOptions,
  ): () => void
  /**
   * Subscribes to gaps: moments when events of other processes may have been missed (a shared
   * bus lost its connection, or an event was too large to travel). Memory built from events
   * (a page cache) should then start over. The in-process bus never has one.
   */
  onGap(listener: () => void | Promise<void>): () => void
  close(): Promise<void>
}

export type { BusEventName, BusEvents }

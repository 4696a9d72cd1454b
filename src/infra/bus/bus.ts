/** The event bus interface: in-process by default, over PostgreSQL or Redis in a cluster. */

import type { BusEventName, BusEvents } from './events.js'

export type BusHandler<E extends BusEventName> = (payload: BusEvents[E]) => void | Promise<void>

export interface Bus {
  /** Delivers `payload` to every subscriber of `event` (in every process, for shared buses). */
  publish<E extends BusEventName>(event: E, payload: BusEvents[E]): Promise<void>
  /** Subscribes; returns the function that unsubscribes. */
  subscribe<E extends BusEventName>(event: E, handler: BusHandler<E>): () => void
  close(): Promise<void>
}

export type { BusEventName, BusEvents }

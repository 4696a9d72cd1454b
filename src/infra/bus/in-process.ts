/** A bus for one process: handlers run after publish resolves, and a failing handler is only logged. */

import type { Bus, BusEventName, BusHandler } from './bus.js'

export interface InProcessBusDeps {
  /** Called when a handler throws; the publisher is never affected. */
  onHandlerError: (event: BusEventName, error: unknown) => void
}

/** Creates an in-process bus. */
export function createInProcessBus({ onHandlerError }: InProcessBusDeps): Bus {
  const handlers = new Map<BusEventName, Set<BusHandler<any>>>()
  return {
    publish: async (event, payload) => {
      for (const handler of handlers.get(event) ?? []) {
        try {
          await handler(payload)
        } catch (error) {
          onHandlerError(event, error)
        }
      }
    },
    subscribe: (event, handler) => {
      let set = handlers.get(event)
      if (set === undefined) handlers.set(event, (set = new Set()))
      set.add(handler)
      return () => set.delete(handler)
    },
    close: async () => {
      handlers.clear()
    },
  }
}

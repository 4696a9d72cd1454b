/** A bus for one process: publish runs each handler in turn and resolves after the last; a failing one is only logged. */

import type { Bus, BusEventName, BusHandler } from './bus.js'

export interface InProcessBusDeps {
  /** Called when a handler throws; the publisher is never affected. */
  onHandlerError: (event: BusEventName, error: unknown) => void
}

type HandlerSets = { [E in BusEventName]?: Set<BusHandler<E>> }

/** Creates an in-process bus. */
export function createInProcessBus({ onHandlerError }: InProcessBusDeps): Bus {
  let handlers: HandlerSets = {}
  const setFor = <E extends BusEventName>(event: E): Set<BusHandler<E>> => {
    const existing = handlers[event]
    if (existing !== undefined) return existing
    const created = new Set<BusHandler<E>>()
    ;(handlers as Record<E, Set<BusHandler<E>>>)[event] = created
    return created
  }
  return {
    publish: async (event, payload) => {
      for (const handler of [...setFor(event)]) {
        try {
          await handler(payload)
        } catch (error) {
          onHandlerError(event, error)
        }
      }
    },
    subscribe: (event, handler) => {
      const set = setFor(event)
      set.add(handler)
      return () => set.delete(handler)
    },
    close: async () => {
      handlers = {}
    },
  }
}

/** A bus for one process: publish runs each handler in turn and resolves after the last; a failing one is only logged. */

import type { Bus, BusEventName, BusEvents, BusHandler, HandlerScope } from './bus.js'

export interface InProcessBusDeps {
  /** Called when a handler (or a gap listener: 'bus.gap') throws; the publisher is never affected. */
  onHandlerError: (event: BusEventName | 'bus.gap', error: unknown) => void
}

/** The in-process bus plus what a shared bus needs to deliver events that came from elsewhere. */
export interface LocalBus extends Bus {
  /**
   * Runs the `each-process` handlers of `event` only: an event another process published (its
   * `publishing-process` handlers ran there).
   */
  deliverRemote<E extends BusEventName>(event: E, payload: BusEvents[E]): Promise<void>
  /** Calls every gap listener (a failing one is only reported, as for handlers). */
  signalGap(): Promise<void>
}

interface Subscription<E extends BusEventName> {
  handler: BusHandler<E>
  runsOn: HandlerScope
}

type HandlerSets = { [E in BusEventName]?: Set<Subscription<E>> }

/** Creates an in-process bus. */
export function createInProcessBus({ onHandlerError }: InProcessBusDeps): LocalBus {
  let handlers: HandlerSets = {}
  let gapListeners = new Set<() => void | Promise<void>>()
  const setFor = <E extends BusEventName>(event: E): Set<Subscription<E>> => {
    const existing = handlers[event]
    if (existing !== undefined) return existing
    const created = new Set<Subscription<E>>()
    ;(handlers as Record<E, Set<Subscription<E>>>)[event] = created
    return created
  }
  const deliver = async <E extends BusEventName>(
    event: E,
    payload: BusEvents[E],
    remote: boolean,
  ): Promise<void> => {
    for (const subscription of [...setFor(event)]) {
      if (remote && subscription.runsOn !== 'each-process') continue
      try {
        await subscription.handler(payload)
      } catch (error) {
        onHandlerError(event, error)
      }
    }
  }
  return {
    publish: (event, payload) => deliver(event, payload, false),
    deliverRemote: (event, payload) => deliver(event, payload, true),
    subscribe: (event, handler, options = {}) => {
      const set = setFor(event)
      const subscription = { handler, runsOn: options.runsOn ?? 'each-process' }
      set.add(subscription)
      return () => set.delete(subscription)
    },
    onGap: (listener) => {
      const listeners = gapListeners
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    signalGap: async () => {
      for (const listener of [...gapListeners]) {
        try {
          await listener()
        } catch (error) {
          onHandlerError('bus.gap', error)
        }
      }
    },
    close: async () => {
      handlers = {}
      gapListeners = new Set()
    },
  }
}

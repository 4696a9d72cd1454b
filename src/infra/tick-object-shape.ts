/**
 * Keeps one of process.nextTick's queue entries alive for the life of the process (issue 15).
 *
 * Each nextTick builds an object `{ [asyncId]: …, [triggerAsyncId]: …, callback, args }`. V8 holds
 * that object's hidden classes only weakly: a full collection that runs while no entry is alive
 * frees them, the next nextTick builds new ones, and nextTick's inline cache has seen one more
 * shape. A server's start-up runs several such collections (loading and indexing the archive),
 * so by the time nextTick is optimized its cache is megamorphic, and for the life of the process
 * every entry (about fifteen a request, from Node's streams) defines its two symbol-keyed
 * properties through the V8 runtime. Measured with callgrind on a warm story page: 181,000
 * instructions a request before, 141,000 after; bare node:http 103,000 (see docs/scaling.md).
 * One held entry keeps the classes alive, so the cache stays monomorphic.
 */

import { createHook } from 'node:async_hooks'

let held: object | undefined

/**
 * Holds one nextTick entry for good (once; later calls do nothing). Call it before the heavy part
 * of start-up. Returns whether an entry is held: false only if Node stopped reporting nextTick
 * entries to async hooks as 'TickObject' resources, which costs speed, never correctness.
 */
export function holdTickObjectShape(): boolean {
  held ??= newTickObject()
  return held !== undefined
}

/** A fresh nextTick queue entry, caught by an async hook enabled for that one call. */
export function newTickObject(): object | undefined {
  let caught: object | undefined
  const hook = createHook({
    init(_asyncId, type, _triggerAsyncId, resource) {
      if (type === 'TickObject') caught ??= resource
    },
  })
  hook.enable()
  try {
    process.nextTick(() => undefined)
  } finally {
    // Only for this one call: enabled hooks would slow every asynchronous operation after it.
    hook.disable()
  }
  return caught
}

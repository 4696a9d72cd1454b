/** An in-process cache store: LRU by total bytes, expiring entries, and a tag index for purges. */

import { type CacheEntry, type CacheStore, entryBytes } from './cache-store.js'

export interface MemoryCacheStoreOptions {
  /** The most bytes all entries may hold together; 0 disables storing. */
  maxBytes: number
  /** Milliseconds since the epoch; injectable so tests can move time. */
  now?: () => number
}

/**
 * Expired entries are dropped this often (at the next set): left until touched or evicted, a
 * site with more pages than its readers revisit within the ttl filled the whole budget with
 * dead pages, and its memory grew for as long as that took (the soak's 1.2 MiB a minute).
 */
const SWEEP_EVERY_MS = 10_000

interface Slot {
  entry: CacheEntry
  tags: readonly string[]
  bytes: number
  expiresAt: number
}

/** Creates a memory cache store bounded by `maxBytes`. */
export function createMemoryCacheStore({
  maxBytes,
  now = Date.now,
}: MemoryCacheStoreOptions): CacheStore {
  // A Map iterates in insertion order, so re-inserting on use keeps the least recent first.
  const slots = new Map<string, Slot>()
  const keysByTag = new Map<string, Set<string>>()
  let totalBytes = 0
  // The last key inserted: a hit on it (one hot page) skips the re-insert, already in place.
  let newest: string | undefined
  let sweptAt = now()

  const remove = (key: string): void => {
    const slot = slots.get(key)
    if (slot === undefined) return
    slots.delete(key)
    totalBytes -= slot.bytes
    for (const tag of slot.tags) {
      const keys = keysByTag.get(tag)
      if (keys === undefined) continue
      keys.delete(key)
      if (keys.size === 0) keysByTag.delete(tag)
    }
  }

  const getNow = (key: string): CacheEntry | undefined => {
    const slot = slots.get(key)
    if (slot === undefined) return undefined
    if (slot.expiresAt <= now()) {
      remove(key)
      return undefined
    }
    if (key !== newest) {
      slots.delete(key)
      slots.set(key, slot)
      newest = key
    }
    return slot.entry
  }

  const sweepExpired = (at: number): void => {
    sweptAt = at
    for (const [key, slot] of slots) if (slot.expiresAt <= at) remove(key)
  }

  return {
    get: async (key) => getNow(key),
    getNow,
    set: async (key, given, { tags, ttlMs }) => {
      const at = now()
      if (at - sweptAt >= SWEEP_EVERY_MS) sweepExpired(at)
      remove(key)
      const bytes = entryBytes(key, given)
      if (bytes > maxBytes || ttlMs <= 0) return
      const entry = frozenCopy(given)
      while (totalBytes + bytes > maxBytes) {
        const oldest = slots.keys().next()
        if (oldest.done === true) break
        remove(oldest.value)
      }
      const uniqueTags = [...new Set(tags)]
      slots.set(key, { entry, tags: uniqueTags, bytes, expiresAt: at + ttlMs })
      newest = key
      totalBytes += bytes
      for (const tag of uniqueTags) {
        let keys = keysByTag.get(tag)
        if (keys === undefined) keysByTag.set(tag, (keys = new Set()))
        keys.add(key)
      }
    },
    purgeTags: async (tags) => {
      let purged = 0
      for (const tag of tags) {
        const keys = keysByTag.get(tag)
        if (keys === undefined) continue
        for (const key of [...keys]) {
          remove(key)
          purged += 1
        }
      }
      return purged
    },
    clear: async () => {
      slots.clear()
      keysByTag.clear()
      totalBytes = 0
    },
    size: async () => slots.size,
  }
}

/**
 * A copy of `entry` that no one can change: the caller may reuse its object and buffers, and
 * readers get frozen objects (buffers cannot be frozen, so they are copied once, here).
 */
function frozenCopy(entry: CacheEntry): CacheEntry {
  const bodies: { identity: Buffer; br?: Buffer; gzip?: Buffer } = {
    identity: Buffer.from(entry.bodies.identity),
  }
  if (entry.bodies.br !== undefined) bodies.br = Buffer.from(entry.bodies.br)
  if (entry.bodies.gzip !== undefined) bodies.gzip = Buffer.from(entry.bodies.gzip)
  return Object.freeze({
    bodies: Object.freeze(bodies),
    meta: Object.freeze({ ...entry.meta }),
  })
}

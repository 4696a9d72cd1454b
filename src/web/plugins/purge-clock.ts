/**
 * Which cache tags were purged since a moment: a page rendered across a purge of one of its own
 * tags may show stale data, so it is neither stored nor shared. One counter for every purge made
 * a comment on one story keep every page rendering at that moment out of the cache; under load
 * (slow renders, comments every second) nothing was stored any more, which made renders slower
 * still. Now only a purge of a tag the page carries counts.
 */

import { EVERYTHING } from './page-cache-invalidation.js'

/** Tags remembered at most; past it the clock forgets them all and treats them as just purged. */
const MAX_TAGS = 10_000

export interface PurgeClock {
  /** The moment now, to hand back to purgedSince (a counter of purges, not a time). */
  now(): number
  /** Records a purge of `tags` (EVERYTHING: every page). */
  purge(tags: readonly string[]): void
  /** True when a page with `tags` may be stale: one of them, or everything, was purged after `since`. */
  purgedSince(since: number, tags: readonly string[]): boolean
}

/** Creates the clock of one process's page cache. */
export function createPurgeClock(maxTags = MAX_TAGS): PurgeClock {
  let generation = 0
  let everythingAt = 0
  const tagPurgedAt = new Map<string, number>()

  return {
    now: () => generation,
    purge: (tags) => {
      generation += 1
      if (tags.includes(EVERYTHING) || tagPurgedAt.size + tags.length > maxTags) {
        everythingAt = generation
        tagPurgedAt.clear()
        return
      }
      for (const tag of tags) tagPurgedAt.set(tag, generation)
    },
    purgedSince: (since, tags) => {
      if (everythingAt > since) return true
      for (const tag of tags) if ((tagPurgedAt.get(tag) ?? 0) > since) return true
      return false
    },
  }
}

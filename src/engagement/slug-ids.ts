/** Story ids by slug for the beacon, remembered briefly so a burst of beacons costs one lookup. */

import type { Clock } from '../lib/clock.js'
import type { Newsroom } from '../newsroom/index.js'

/** How long a found slug is trusted (an unpublished story may count this long after). */
const FOUND_TTL_MS = 5 * 60_000
/** How long an unknown slug stays unknown (a story published meanwhile waits this long). */
const MISSING_TTL_MS = 10_000
/** Slugs remembered at most; the oldest go first, so junk slugs cannot grow memory. */
const MAX_SLUGS = 20_000

export interface SlugIds {
  /** The published story's id for `slug` (an old slug resolves to its story), or undefined. */
  idOf(slug: string): Promise<number | undefined>
}

/** Creates the memo over newsroom.resolvePublishedId. */
export function createSlugIds({ newsroom, clock }: { newsroom: Newsroom; clock: Clock }): SlugIds {
  const memo = new Map<string, { id: Promise<number | undefined>; until: number }>()

  return {
    idOf: (slug) => {
      const now = clock.now().getTime()
      const known = memo.get(slug)
      if (known !== undefined && known.until > now) return known.id
      if (known !== undefined) memo.delete(slug)
      if (memo.size >= MAX_SLUGS) {
        const oldest = memo.keys().next()
        if (oldest.done !== true) memo.delete(oldest.value)
      }
      const entry = { id: newsroom.resolvePublishedId(slug), until: now + FOUND_TTL_MS }
      memo.set(slug, entry)
      entry.id.then(
        (id) => {
          if (id === undefined) entry.until = now + MISSING_TTL_MS
        },
        // A failed lookup is not remembered: the next beacon asks again.
        () => memo.delete(slug),
      )
      return entry.id
    },
  }
}

/** Whole-catalogue listings for feeds and sitemaps, every one bounded and under the visibility rule. */

import type { Db } from '../db/database.js'
import type { Clock } from '../lib/clock.js'
import { newestSummaries } from './article-queries.js'
import {
  entriesInRange,
  feedExtras,
  rangeSummaries,
  sectionEntries,
  storiesInRange,
  storiesSince,
} from './listing-queries.js'
import type {
  ArticleListFilter,
  FeedStory,
  IdRange,
  ListedEntry,
  ListedStory,
  RangeSummary,
} from './types.js'

/** No keyset page or feed returns more rows than this in one call. */
export const MAX_LISTING_PAGE = 5000

export interface Listings {
  /** The newest `limit` visible stories matching `filter`, with tags and (if `withBody`) bodies. */
  feedStories(filter: ArticleListFilter, limit: number, withBody: boolean): Promise<FeedStory[]>
  /** Visible stories with id in `range`, ascending id, at most `limit` (a keyset page). */
  storiesInRange(range: IdRange, limit: number): Promise<ListedStory[]>
  /** Visible stories published at or after `since`, newest first, at most `limit`. */
  storiesSince(since: Date, limit: number): Promise<ListedStory[]>
  /**
   * Blocks of `size` ids holding visible stories (or authors, tags with visible stories): block n
   * covers ids (n-1)·size+1 … n·size. One aggregate query; the sitemap index lists these.
   */
  ranges(kind: 'stories' | 'authors' | 'tags', size: number): Promise<RangeSummary[]>
  /**
   * Reads up to `limit` authors or tags with id in `range`, ascending, and returns those with
   * visible stories; `nextAfterId` is where to go on (null: the range is exhausted).
   */
  entriesInRange(
    kind: 'authors' | 'tags',
    range: IdRange,
    limit: number,
  ): Promise<{ entries: ListedEntry[]; nextAfterId: number | null }>
  /** Every section in navigation order, with the newest change among the stories its page shows. */
  sections(): Promise<ListedEntry[]>
}

/** Creates the listings over `db`; "visible" is judged at `clock.now()` on each call. */
export function createListings({ db, clock }: { db: Db; clock: Clock }): Listings {
  return {
    feedStories: async (filter, limit, withBody) => {
      const now = clock.now()
      const summaries = await newestSummaries(db, now, { filter, limit: clamp(limit) })
      const extras = await feedExtras(
        db,
        now,
        summaries.map((s) => s.id),
        withBody,
      )
      return summaries.map((summary) => ({
        ...summary,
        tags: extras.get(summary.id)?.tags ?? [],
        bodyHtml: extras.get(summary.id)?.bodyHtml ?? null,
      }))
    },
    storiesInRange: (range, limit) => storiesInRange(db, clock.now(), range, clamp(limit)),
    storiesSince: (since, limit) => storiesSince(db, clock.now(), since, clamp(limit)),
    ranges: (kind, size) => rangeSummaries(db, clock.now(), kind, Math.max(1, Math.floor(size))),
    entriesInRange: (kind, range, limit) =>
      entriesInRange(db, clock.now(), kind, range, clamp(limit)),
    sections: () => sectionEntries(db, clock.now()),
  }
}

function clamp(limit: number): number {
  if (!Number.isFinite(limit) || limit < 0) return 0
  return Math.min(Math.floor(limit), MAX_LISTING_PAGE)
}

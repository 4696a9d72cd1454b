/** The engagement contract: view totals and the ranked rails, served from memory. */

import type { ArticleSummary } from '../newsroom/index.js'
import type { ViewRequest } from './reader-filter.js'
import type { ViewCounterStats, ViewVerdict } from './view-counter.js'

export interface RailOptions {
  limit: number
  /** Stories not to return (the story being read, stories already on the page). */
  excludeIds?: readonly number[]
}

export interface Engagement {
  /** Total views of one story (as of the last refresh, at most a minute old). */
  viewCount(articleId: number): Promise<number>
  /** Stories trending now (most views in the last 24 hours). */
  popularNow(options: RailOptions): Promise<ArticleSummary[]>
  /** Most-read stories of the last 7 days. */
  weeklyBest(options: RailOptions): Promise<ArticleSummary[]>
  /** Stories related to `articleId`: same section and shared tags, newest first. */
  related(articleId: number, options: RailOptions): Promise<ArticleSummary[]>
  /** Adds `views` to the hourly bucket of `at` (used by the demo history and, later, the counter). */
  addViews(articleId: number, at: Date, views: number): Promise<void>
  /**
   * Counts one request for story `articleId` (a page served, cache hits included): in memory,
   * synchronous, never throws. Bots, previews, prefetches, HEAD and same-day repeats do not count.
   */
  countView(articleId: number, request: ViewRequest): ViewVerdict
  /** Counts a beacon for the story `slug` like countView; 'unknown' when no published story has it. */
  countBeacon(slug: string, request: ViewRequest): Promise<ViewVerdict | 'unknown'>
  /** Total views of the story `slug` as of the last flush (one query); undefined when unknown. */
  viewsBySlug(slug: string): Promise<number | undefined>
  /** Writes the views and co-reads counted in memory to the database now. */
  flushViews(): Promise<void>
  /** The counter's figures (counted, repeats, ignored, pending, dedupe memory), for logs and benches. */
  viewStats(): ViewCounterStats
  /** Recomputes the in-memory rankings now (also runs on a timer). */
  refresh(): Promise<void>
  /** Stops the background work and flushes the pending views (a failure is thrown). */
  close(): Promise<void>
}

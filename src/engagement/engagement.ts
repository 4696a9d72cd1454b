/** The engagement contract: view totals and the ranked rails, served from memory. */

import type { ArticleSummary } from '../newsroom/index.js'

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
  /** Recomputes the in-memory rankings now (also runs on a timer). */
  refresh(): Promise<void>
  /** Stops the background refresh. */
  close(): Promise<void>
}

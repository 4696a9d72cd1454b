/** The engagement contract: view totals and the ranked rails, served from memory. */

import type { CatalogueStory } from '../newsroom/index.js'
import type { ViewRequest } from './reader-filter.js'
import type { ViewCounterStats, ViewVerdict } from './view-counter.js'

/** A story as a rail shows it: headline, link and section label. */
export type RankedStory = CatalogueStory

/** A ranked story with the figure it was ranked by. */
export interface RankedEntry {
  story: RankedStory
  /** Popular Now: the decayed score; Weekly Best: unique views in 7 days; related: the blend. */
  score: number
}

export interface RailOptions {
  limit: number
  /** Stories not to return (the story being read, stories already on the page). */
  excludeIds?: readonly number[]
  /** Only stories of this section (slug). */
  sectionSlug?: string
}

/** The two view-based rankings. */
export type PopularWindow = 'now' | 'week'

/** Every rail of a story's page, each without the story and without repeats across rails. */
export interface ArticleRails {
  /** "[Section] Latest Stories" (6). */
  latest: RankedStory[]
  weeklyBest: RankedStory[]
  related: RankedStory[]
  popularNow: RankedStory[]
  mustReads: RankedStory[]
  /** How many of `mustReads` are editors' picks (the rest come from Weekly Best). */
  mustReadsPicked: number
}

/** Views of one story at one instant, added to the hour containing it. */
export interface ViewHistoryEntry {
  articleId: number
  at: Date
  views: number
}

/** The front page's rails. */
export type FrontRails = Omit<ArticleRails, 'latest' | 'related'>

export interface Engagement {
  /** Total views of one story (as of the last refresh, at most a minute old). */
  viewCount(articleId: number): Promise<number>
  /** Popular Now (`now`: time-decayed over 48 h) or Weekly Best (`week`: 7-day unique views). */
  ranking(window: PopularWindow, options: RailOptions): Promise<RankedEntry[]>
  /** Stories trending now, best first. */
  popularNow(options: RailOptions): Promise<RankedStory[]>
  /** Most-read stories of the last 7 days. */
  weeklyBest(options: RailOptions): Promise<RankedStory[]>
  /** Stories related to `articleId` (content blended with co-reading), best first. */
  related(articleId: number, options: RailOptions): Promise<RankedEntry[]>
  /** A published story by its current slug, from memory (undefined until known). */
  storyBySlug(slug: string): Promise<RankedStory | undefined>
  /** The rails of a story's page, assembled without repeats. */
  articleRails(articleId: number): Promise<ArticleRails>
  /** The rails of the front page, assembled without repeats. */
  frontRails(): Promise<FrontRails>
  /** Adds `views` to the hourly bucket of `at`. */
  addViews(articleId: number, at: Date, views: number): Promise<void>
  /**
   * Adds a whole view history (the demo's, an imported archive's) in one transaction: all of it
   * or, when an entry is invalid or names an unknown story, none of it.
   */
  addViewHistory(entries: readonly ViewHistoryEntry[]): Promise<void>
  /**
   * Counts one request for story `articleId` (a page served, cache hits included): in memory,
   * synchronous, never throws. Bots, previews, prefetches, HEAD and same-day repeats do not count.
   */
  countView(articleId: number, request: ViewRequest): ViewVerdict
  /**
   * Counts a beacon for the story `slug` like countView, when `token` (from viewToken, carried by
   * the page) is genuine, fresh and for that story: 'invalid-token' otherwise, 'unknown' when no
   * published story has the slug.
   */
  countBeacon(
    slug: string,
    request: ViewRequest,
    token: string,
  ): Promise<ViewVerdict | 'unknown' | 'invalid-token'>
  /** A signed, short-lived token for a page of story `articleId`, for its view beacon. */
  viewToken(articleId: number): Promise<string>
  /** Total views of the story `slug` as of the last flush (one query); undefined when unknown. */
  viewsBySlug(slug: string): Promise<number | undefined>
  /** Writes the views and co-reads counted in memory to the database now. */
  flushViews(): Promise<void>
  /** The counter's figures (counted, repeats, ignored, pending, dedupe memory), for logs and benches. */
  viewStats(): ViewCounterStats
  /**
   * Brings everything in memory up to date now: noted story changes, the related index, the
   * catalogue and the rankings (`full` re-reads the whole week; the hourly job does that).
   */
  refresh(options?: { full?: boolean }): Promise<void>
  /** Re-reads the newest view buckets; the first call warms everything up (jobs/, each minute). */
  refreshRankings(): Promise<void>
  /** True once the first warm-up (catalogue, related index, rankings) is done. */
  warmedUp(): boolean
  /** Syncs the stories article events named since the last call (jobs/, four times a second). */
  syncStories(): Promise<void>
  /** Loads the current UTC day's visitor salt and deletes older ones (jobs/, at midnight). */
  openDay(): Promise<void>
  /** Waits for the work in progress and flushes the pending views (a failure is thrown). */
  close(): Promise<void>
}

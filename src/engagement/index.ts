/** Engagement's public surface: createEngagement and its types. */

import type { Db } from '../db/database.js'
import type { Logger } from '../infra/logger.js'
import type { Clock } from '../lib/clock.js'
import type { Newsroom } from '../newsroom/index.js'
import type { Engagement, RailOptions } from './engagement.js'
import { viewsArticleUnknown, viewsInvalid } from './errors.js'
import { railSlice } from './ranking-rules.js'
import { createRankings } from './rankings.js'
import type { ReaderVerdict, ViewRequest } from './reader-filter.js'
import { createRelated } from './related.js'
import { createSlugIds } from './slug-ids.js'
import { createViewCounter, type ViewCounterStats, type ViewVerdict } from './view-counter.js'
import { addToHourlyBucket, isForeignKeyViolation } from './view-queries.js'

export type { Engagement, RailOptions, ReaderVerdict, ViewCounterStats, ViewRequest, ViewVerdict }
export { articleSlugNotFound } from './errors.js'
export { isBotAgent, readerVerdict } from './reader-filter.js'

export interface EngagementDeps {
  db: Db
  clock: Clock
  newsroom: Newsroom
  logger: Logger
  /** How often the rankings are recomputed in the background (default one minute). */
  refreshEveryMs?: number
  /** How often counted views are written to the database (default one second). */
  viewFlushMs?: number
}

/**
 * Builds the engagement service; rankings refresh on an unref'd timer until close().
 * @example const engagement = createEngagement({ db, clock, newsroom, logger })
 */
export function createEngagement({
  db,
  clock,
  newsroom,
  logger,
  refreshEveryMs = 60_000,
  viewFlushMs = 1000,
}: EngagementDeps): Engagement {
  const counter = createViewCounter({ db, clock, logger, flushEveryMs: viewFlushMs })
  const slugIds = createSlugIds({ newsroom, clock })
  const rankings = createRankings({ db, clock, newsroom, logger })
  const related = createRelated({ newsroom, logger })
  rankings.onRefreshed(() => related.clear())

  const timer = setInterval(() => {
    rankings.refresh().catch((error: unknown) => {
      logger.error(
        { err: error },
        'rankings: background refresh failed; keeping the previous rankings',
      )
    })
  }, refreshEveryMs)
  // The refresh timer alone must never keep the process alive.
  timer.unref()

  return {
    // Fresh (as of the last flush) rather than the ranking snapshot: a cached page then shows a
    // count at most the page cache's TTL plus one flush old.
    viewCount: (articleId) => counter.total(articleId),
    popularNow: async (options: RailOptions) =>
      railSlice((await rankings.current()).popularNow, options),
    weeklyBest: async (options: RailOptions) =>
      railSlice((await rankings.current()).weeklyBest, options),
    related: async (articleId, options) => railSlice(await related.of(articleId), options),
    addViews: async (articleId, at, views) => {
      if (!Number.isSafeInteger(views) || views <= 0 || Number.isNaN(at.getTime()))
        throw viewsInvalid(views)
      try {
        await addToHourlyBucket(db, articleId, at, views)
      } catch (error) {
        if (isForeignKeyViolation(error)) throw viewsArticleUnknown(articleId)
        throw error
      }
    },
    countView: (articleId, request) => counter.count(articleId, request),
    countBeacon: async (slug, request) => {
      const articleId = await slugIds.idOf(slug)
      return articleId === undefined ? 'unknown' : counter.count(articleId, request)
    },
    viewsBySlug: async (slug) => {
      const articleId = await slugIds.idOf(slug)
      return articleId === undefined ? undefined : counter.total(articleId)
    },
    flushViews: () => counter.flush(),
    viewStats: () => counter.stats(),
    refresh: () => rankings.refresh(),
    close: async () => {
      clearInterval(timer)
      await rankings.settle()
      await counter.close()
    },
  }
}

/** Engagement's public surface: createEngagement and its types. */

import type { Db } from '../db/database.js'
import type { Logger } from '../infra/logger.js'
import type { Clock } from '../lib/clock.js'
import type { Newsroom } from '../newsroom/index.js'
import type { Engagement, RailOptions } from './engagement.js'
import { viewsArticleUnknown, viewsInvalid } from './errors.js'
import { railSlice } from './ranking-rules.js'
import { createRankings } from './rankings.js'
import { createRelated } from './related.js'
import { addToHourlyBucket, isForeignKeyViolation } from './view-queries.js'

export type { Engagement, RailOptions }

export interface EngagementDeps {
  db: Db
  clock: Clock
  newsroom: Newsroom
  logger: Logger
  /** How often the rankings are recomputed in the background (default one minute). */
  refreshEveryMs?: number
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
}: EngagementDeps): Engagement {
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
    viewCount: async (articleId) => (await rankings.current()).totals.get(articleId) ?? 0,
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
    refresh: () => rankings.refresh(),
    close: async () => {
      clearInterval(timer)
      await rankings.settle()
    },
  }
}

/** The in-memory rankings: view totals, Popular Now and Weekly Best, recomputed in the background. */

import type { Db } from '../db/database.js'
import type { Logger } from '../infra/logger.js'
import type { Clock } from '../lib/clock.js'
import type { ArticleSummary, Newsroom } from '../newsroom/index.js'
import { RANKED_KEEP, topIds, windowStart } from './ranking-rules.js'
import { viewAggregates } from './view-queries.js'

/** What one refresh computes; pages read it without touching the database. */
export interface RankingSnapshot {
  totals: ReadonlyMap<number, number>
  /** Hydrated summaries, best first (about RANKED_KEEP, fewer once unpublished ones drop out). */
  popularNow: readonly ArticleSummary[]
  weeklyBest: readonly ArticleSummary[]
  computedAt: Date
}

const EMPTY: RankingSnapshot = {
  totals: new Map(),
  popularNow: [],
  weeklyBest: [],
  computedAt: new Date(0),
}
const POPULAR_HOURS = 24
const WEEK_HOURS = 7 * 24

export interface Rankings {
  /** The current snapshot, computing the first one if none is loaded (never throws). */
  current(): Promise<RankingSnapshot>
  /** Recomputes now; on failure the previous snapshot stays and the error is thrown. */
  refresh(): Promise<void>
  /** Called after every successful refresh (to drop per-article memos). */
  onRefreshed(listener: () => void): void
  /** Waits for a refresh in flight. */
  settle(): Promise<void>
}

/** Creates the rankings holder. */
export function createRankings(deps: {
  db: Db
  clock: Clock
  newsroom: Newsroom
  logger: Logger
}): Rankings {
  const { db, clock, newsroom, logger } = deps
  let snapshot: RankingSnapshot | undefined
  let inFlight: Promise<void> | undefined
  const listeners: (() => void)[] = []

  const compute = async (): Promise<RankingSnapshot> => {
    const now = clock.now()
    const views = await viewAggregates(
      db,
      windowStart(now, POPULAR_HOURS),
      windowStart(now, WEEK_HOURS),
    )
    const totals = new Map(views.map((v) => [v.articleId, v.total]))
    const [popularNow, weeklyBest] = await Promise.all([
      newsroom.summariesByIds(topIds(views, (w) => w.recent, RANKED_KEEP)),
      newsroom.summariesByIds(topIds(views, (w) => w.week, RANKED_KEEP)),
    ])
    return { totals, popularNow, weeklyBest, computedAt: now }
  }

  const refresh = (): Promise<void> =>
    (inFlight ??= compute()
      .then((next) => {
        snapshot = next
        for (const listener of listeners) listener()
      })
      .finally(() => {
        inFlight = undefined
      }))

  return {
    current: async () => {
      if (snapshot !== undefined) return snapshot
      try {
        await refresh()
      } catch (error) {
        // A rail is never worth a failed page: serve nothing now, try again on the next call.
        logger.error({ err: error }, 'rankings: first refresh failed')
      }
      return snapshot ?? EMPTY
    },
    refresh,
    onRefreshed: (listener) => {
      listeners.push(listener)
    },
    settle: async () => {
      await inFlight?.catch(() => undefined)
    },
  }
}

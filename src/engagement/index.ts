/** Engagement's public surface: createEngagement, engagementJobs and their types. */

import type { Db } from '../db/database.js'
import { classifyDbError } from '../db/dialect/classify-db-error.js'
import type { Bus } from '../infra/bus/bus.js'
import type { Job } from '../infra/scheduler.js'
import type { Logger } from '../infra/logger.js'
import type { Clock } from '../lib/clock.js'
import type { Newsroom } from '../newsroom/index.js'
import type {
  ArticleRails,
  Engagement,
  FrontRails,
  PopularWindow,
  RailOptions,
  RankedEntry,
  RankedStory,
  ViewHistoryEntry,
} from './engagement.js'
import { viewsArticleUnknown } from './errors.js'
import { flushViewsJob } from './jobs/flush-views.js'
import { openDayJob } from './jobs/open-day.js'
import { fullReloadJob, refreshRankingsJob } from './jobs/refresh-rankings.js'
import { syncStoriesJob } from './jobs/sync-stories.js'
import { articleRails, frontRails } from './rails.js'
import { DEFAULT_HALF_LIFE_HOURS } from './ranking-rules.js'
import { createRankings } from './rankings.js'
import { createRefresher } from './refresher.js'
import type { ReaderVerdict, ViewRequest } from './reader-filter.js'
import { createRelated } from './related.js'
import { createSlugIds } from './slug-ids.js'
import { createStoryCatalogue } from './story-catalogue.js'
import { createViewCounter, type ViewCounterStats, type ViewVerdict } from './view-counter.js'
import { addToBuckets } from './view-flush-queries.js'
import { hourlyBuckets } from './view-history.js'
import { createViewTokens } from './view-token.js'

export type {
  ArticleRails,
  Engagement,
  FrontRails,
  PopularWindow,
  RailOptions,
  RankedEntry,
  RankedStory,
  ReaderVerdict,
  ViewCounterStats,
  ViewRequest,
  ViewHistoryEntry,
  ViewVerdict,
}
export { DEFAULT_HALF_LIFE_HOURS }
export { viewTokenInvalid } from './errors.js'
export { VIEW_TOKEN_MAX_AGE_MS } from './view-token.js'
export { isBotAgent, readerVerdict } from './reader-filter.js'
export { pickDistinct } from './ranking-rules.js'
export {
  CHART_DAYS,
  createDashboard,
  type Dashboard,
  type DashboardOverview,
  type DayViews,
  type PopularFigure,
  SPARK_HOURS,
  type StoryFigures,
  TOP_WINDOW_HOURS,
} from './dashboard.js'
export type { NamedViews, StoryHead } from './dashboard-queries.js'
export { referrerHost } from './referrer-host.js'
export { moveStoryViews } from './dashboard-rollups.js'

export interface EngagementDeps {
  db: Db
  clock: Clock
  newsroom: Newsroom
  logger: Logger
  /** Article and picks events keep the catalogue, the index and the rails current. */
  bus?: Bus
  /** Popular Now's half-life in hours (MASTHEAD_POPULAR_HALF_LIFE_HOURS). */
  halfLifeHours?: number
  /** Distinct readers one address may add to one story a day (default 20; 0 = no cap). */
  viewsPerAddressPerStory?: number
  /** Processes share the daily dedupe through the database (PostgreSQL; see view-counter). */
  sharedReaders?: boolean
  /** The database has row locks (PostgreSQL): writers of views lock the stories they add to. */
  rowLocks?: boolean
  /** Told when the first warm-up (catalogue, index, rankings: a scan of every story) starts and ends. */
  onWarmUp?: (running: boolean) => void
}

/**
 * The jobs that keep engagement current, for app.ts to register with the scheduler.
 * @example for (const job of engagementJobs(engagement, { viewFlushMs: 1000 })) scheduler.add(job)
 */
export function engagementJobs(engagement: Engagement, options: { viewFlushMs: number }): Job[] {
  return [
    flushViewsJob(engagement, options.viewFlushMs),
    refreshRankingsJob(engagement),
    fullReloadJob(engagement),
    syncStoriesJob(engagement),
    openDayJob(engagement),
  ]
}

/**
 * Builds the engagement service. It starts no timer and reads nothing until asked: the jobs of
 * engagementJobs (or a test calling refresh) warm it up; pages served before get empty rails.
 * @example const engagement = createEngagement({ db, clock, newsroom, logger, bus })
 */
export function createEngagement(deps: EngagementDeps): Engagement {
  const { db, clock, newsroom, logger, bus } = deps
  const counter = createViewCounter({
    db,
    clock,
    logger,
    perAddressPerStory: deps.viewsPerAddressPerStory ?? 20,
    sharedReaders: deps.sharedReaders ?? false,
    rowLocks: deps.rowLocks ?? false,
  })
  const tokens = createViewTokens({ db, clock })
  const slugIds = createSlugIds({ newsroom, clock })
  const catalogue = createStoryCatalogue()
  const rankings = createRankings({
    db,
    clock,
    newsroom,
    catalogue,
    halfLifeHours: deps.halfLifeHours ?? DEFAULT_HALF_LIFE_HOURS,
  })
  const related = createRelated({ db, newsroom, catalogue })
  const refresher = createRefresher({
    newsroom,
    catalogue,
    rankings,
    related,
    logger,
    ...(deps.onWarmUp === undefined ? {} : { onWarmUp: deps.onWarmUp }),
  })

  const onArticle = ({ articleId }: { articleId: number }): void => refresher.noteChanged(articleId)
  const unsubscribe = bus
    ? [
        bus.subscribe('article.published', onArticle),
        bus.subscribe('article.updated', onArticle),
        // Gone from every rail at once, before the page cache purges; the sync re-reads it later.
        bus.subscribe('article.unpublished', (event) => {
          catalogue.remove(event.articleId)
          rankings.drop(event.articleId)
          onArticle(event)
        }),
        // Recomputed before the page cache purges (the bus runs handlers in turn): a page
        // rendered right after the purge must show the new Must-Reads, not the old snapshot's.
        bus.subscribe('picks.changed', async () => {
          refresher.notePicksChanged()
          await refresher.syncChanged()
        }),
      ]
    : []

  const ranking = (window: PopularWindow, options: RailOptions): RankedEntry[] => {
    const snapshot = rankings.current()
    const list =
      options.sectionSlug === undefined
        ? window === 'now'
          ? snapshot.popularNow
          : snapshot.weeklyBest
        : ((window === 'now' ? snapshot.popularBySection : snapshot.weeklyBySection).get(
            options.sectionSlug,
          ) ?? [])
    return slice(list, options)
  }

  const addViewHistory = async (entries: readonly ViewHistoryEntry[]): Promise<void> => {
    const buckets = hourlyBuckets(entries)
    if (buckets.length === 0) return
    try {
      await db
        .transaction()
        .execute((trx) => addToBuckets(trx, buckets, { lockStories: deps.rowLocks ?? false }))
    } catch (error) {
      if (classifyDbError(error) === 'foreign_key')
        throw viewsArticleUnknown([...new Set(buckets.map((b) => b.articleId))])
      throw error
    }
    for (const hour of new Set(buckets.map((b) => b.hour.getTime())))
      rankings.markDirty(new Date(hour))
  }

  return {
    // Fresh (as of the last flush) rather than the ranking snapshot: a cached page then shows a
    // count at most the page cache's TTL plus one flush old.
    viewCount: (articleId) => counter.total(articleId),
    ranking: async (window, options) => ranking(window, options),
    popularNow: async (options) => ranking('now', options).map((e) => e.story),
    weeklyBest: async (options) => ranking('week', options).map((e) => e.story),
    related: async (articleId, options) => {
      const list = related.of(articleId, clock.now())
      const inSection = options.sectionSlug
      return slice(
        inSection === undefined ? list : list.filter((e) => e.story.section.slug === inSection),
        options,
      )
    },
    storyBySlug: async (slug) => catalogue.bySlug(slug, clock.now()),
    articleRails: async (articleId) => {
      const now = clock.now()
      return articleRails(
        rankings.current(),
        catalogue.visible(articleId, now),
        // The memo may predate an unpublish the sync has not reached yet; the catalogue has.
        related.of(articleId, now).filter((e) => catalogue.visible(e.story.id, now) !== undefined),
        articleId,
      )
    },
    frontRails: async () => frontRails(rankings.current()),
    addViews: (articleId, at, views) => addViewHistory([{ articleId, at, views }]),
    addViewHistory,
    refresh: (options = {}) => refresher.refreshAll({ full: options.full === true }),
    refreshRankings: () => refresher.refreshRankings(),
    warmedUp: () => refresher.warmedUp(),
    syncStories: () => refresher.syncChanged(),
    openDay: () => counter.openDay(),
    countView: (articleId, request) => counter.count(articleId, request),
    countBeacon: async (slug, request, token) => {
      const tokenId = await tokens.check(token)
      if (tokenId === undefined) return 'invalid-token'
      const articleId = await slugIds.idOf(slug)
      if (articleId === undefined) return 'unknown'
      // A token is for one story: it cannot count views of another.
      return articleId === tokenId ? counter.count(articleId, request) : 'invalid-token'
    },
    viewToken: (articleId) => tokens.issue(articleId),
    viewsBySlug: async (slug) => {
      const articleId = await slugIds.idOf(slug)
      return articleId === undefined ? undefined : counter.total(articleId)
    },
    flushViews: () => counter.flush(),
    viewStats: () => counter.stats(),
    close: async () => {
      for (const off of unsubscribe) off()
      await refresher.close()
      await counter.close()
    },
  }
}

/** `entries` without the excluded stories, at most `limit`. */
function slice(entries: readonly RankedEntry[], options: RailOptions): RankedEntry[] {
  const limit = Math.max(0, Math.floor(options.limit))
  const excluded = new Set(options.excludeIds ?? [])
  const out: RankedEntry[] = []
  for (const entry of entries) {
    if (out.length >= limit) break
    if (!excluded.has(entry.story.id)) out.push(entry)
  }
  return out
}

/** Engagement's public surface: createEngagement and its types. */

import type { Db } from '../db/database.js'
import { classifyDbError } from '../db/dialect/classify-db-error.js'
import type { Bus } from '../infra/bus/bus.js'
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
} from './engagement.js'
import { viewsArticleUnknown, viewsInvalid } from './errors.js'
import { articleRails, frontRails } from './rails.js'
import { DEFAULT_HALF_LIFE_HOURS } from './ranking-rules.js'
import { createRankings } from './rankings.js'
import type { ReaderVerdict, ViewRequest } from './reader-filter.js'
import { createRelated } from './related.js'
import { createSlugIds } from './slug-ids.js'
import { createStoryCatalogue } from './story-catalogue.js'
import { createViewCounter, type ViewCounterStats, type ViewVerdict } from './view-counter.js'
import { addToHourlyBucket } from './view-queries.js'

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
  ViewVerdict,
}
export { DEFAULT_HALF_LIFE_HOURS }
export { isBotAgent, readerVerdict } from './reader-filter.js'
export { pickDistinct } from './ranking-rules.js'

/** How long article events are gathered before the engine re-reads those stories. */
const SYNC_DELAY_MS = 100

export interface EngagementDeps {
  db: Db
  clock: Clock
  newsroom: Newsroom
  logger: Logger
  /** Article and picks events keep the catalogue, the index and the rails current. */
  bus?: Bus
  /** Popular Now's half-life in hours (MASTHEAD_POPULAR_HALF_LIFE_HOURS). */
  halfLifeHours?: number
  /** How often the rankings are recomputed in the background (default one minute). */
  refreshEveryMs?: number
  /** How often a refresh reloads everything, to see other processes' late writes (one hour). */
  fullReloadEveryMs?: number
  /** How often counted views are written to the database (default one second). */
  viewFlushMs?: number
}

/**
 * Builds the engagement service and starts warming it (catalogue, rankings, related index) in the
 * background; rankings then refresh on an unref'd timer and on article events until close().
 * @example const engagement = createEngagement({ db, clock, newsroom, logger, bus })
 */
export function createEngagement(deps: EngagementDeps): Engagement {
  const { db, clock, newsroom, logger, bus } = deps
  const refreshEveryMs = deps.refreshEveryMs ?? 60_000
  const fullReloadEveryMs = deps.fullReloadEveryMs ?? 3_600_000
  const counter = createViewCounter({
    db,
    clock,
    logger,
    flushEveryMs: deps.viewFlushMs ?? 1000,
  })
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
  let lastFullAt = Number.NEGATIVE_INFINITY
  let indexBuilt = false
  // Catalogue reloads and event syncs run one after the other: a reload read before a publish
  // must not overwrite the sync of that publish.
  let tail: Promise<unknown> = Promise.resolve()
  const serial = <T>(task: () => Promise<T>): Promise<T> => {
    const next = tail.catch(() => undefined).then(task)
    tail = next
    return next
  }

  /** One refresh: catalogue (on a full one), buckets, co-reads of the stories just read. */
  const update = (options: { full: boolean; catalogue: boolean }): Promise<void> =>
    serial(() => updateNow(options))
  const updateNow = async (options: { full: boolean; catalogue: boolean }): Promise<void> => {
    const now = Date.now()
    const full = options.full || now - lastFullAt >= fullReloadEveryMs
    if (full || options.catalogue) {
      catalogue.reset(await newsroom.catalogueStories())
      // Stories whose events were missed (another process without a shared bus, a crash)
      // are indexed or dropped now.
      if (indexBuilt) await related.reconcile([...catalogue.all()].map((s) => s.id))
    }
    const touched = await rankings.refresh({ full })
    await related.refreshCoReads(touched)
    // Only a full reload that succeeded postpones the next one.
    if (full) lastFullAt = now
  }

  // The first refresh and the index build start now; pages served meanwhile get empty rails.
  const warm = update({ full: true, catalogue: true }).catch((error: unknown) => {
    logger.error({ err: error }, 'rankings: first refresh failed; retrying on the timer')
  })
  const build = (): Promise<void> =>
    related.build().then(
      () => {
        indexBuilt = true
      },
      (error: unknown) => {
        logger.error({ err: error }, 'related: building the index failed; retried on refresh')
      },
    )
  let building = build()

  // Article events are batched: a burst of publishes (an import, the demo) becomes one sync.
  let pending = new Set<number>()
  let syncing: Promise<void> = Promise.resolve()
  const sync = (): Promise<void> => {
    syncing = serial(async () => {
      const ids = [...pending]
      pending = new Set()
      if (ids.length === 0) return
      const found = await newsroom.catalogueStories(ids)
      const published = new Set(found.map((s) => s.id))
      for (const id of ids) if (!published.has(id)) catalogue.remove(id)
      catalogue.upsert(found)
      await related.sync(ids)
      await rankings.refresh()
    })
    return syncing.catch((error: unknown) => {
      logger.error({ err: error }, 'rankings: syncing changed stories failed')
    })
  }
  let syncTimer: NodeJS.Timeout | undefined
  const flush = (): Promise<void> => {
    clearTimeout(syncTimer)
    syncTimer = undefined
    return sync()
  }
  const onArticle = ({ articleId }: { articleId: number }): void => {
    pending.add(articleId)
    // A short delay gathers a burst (an import, the demo seeding) into one sync and one refresh.
    syncTimer ??= setTimeout(() => void flush(), SYNC_DELAY_MS).unref()
  }
  const unsubscribe = bus
    ? [
        bus.subscribe('article.published', onArticle),
        bus.subscribe('article.updated', onArticle),
        bus.subscribe('article.unpublished', onArticle),
        bus.subscribe('picks.changed', () => void rankings.refresh().catch(() => undefined)),
      ]
    : []

  let ticking: Promise<void> = Promise.resolve()
  const timer = setInterval(() => {
    ticking = update({ full: false, catalogue: false }).catch((error: unknown) => {
      logger.error({ err: error }, 'rankings: background refresh failed; keeping the previous ones')
    })
  }, refreshEveryMs)
  // The refresh timer alone must never keep the process alive.
  timer.unref()

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
        related.of(articleId, now),
        articleId,
      )
    },
    frontRails: async () => frontRails(rankings.current()),
    addViews: async (articleId, at, views) => {
      if (!Number.isSafeInteger(views) || views <= 0 || Number.isNaN(at.getTime()))
        throw viewsInvalid(views)
      try {
        await addToHourlyBucket(db, articleId, at, views)
      } catch (error) {
        if (classifyDbError(error) === 'foreign_key') throw viewsArticleUnknown(articleId)
        throw error
      }
      rankings.markDirty(at)
    },
    refresh: async (options = {}) => {
      await warm
      await flush()
      await building
      if (!indexBuilt) await (building = build())
      // An explicit refresh also reloads the catalogue: callers expect everything current.
      await update({ full: options.full === true, catalogue: true })
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
    close: async () => {
      clearInterval(timer)
      clearTimeout(syncTimer)
      related.cancel()
      for (const off of unsubscribe) off()
      await Promise.allSettled([warm, syncing, building, ticking])
      await rankings.settle()
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

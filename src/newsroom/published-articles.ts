/** Reading published stories for readers: lookups by slug, lists, pages, picks and batches by id. */

import type { Db } from '../db/database.js'
import type { Bus } from '../infra/bus/bus.js'
import type { Clock } from '../lib/clock.js'
import { isSlug } from '../lib/slug.js'
import {
  countVisible,
  newestSummaries,
  pickedSummaries,
  redirectTarget,
  summariesByIds,
  visibleArticleBySlug,
} from './article-queries.js'
import { storiesSharingTags, tagIdsByArticle } from './tag-queries.js'
import type { ArticleListFilter, ArticleLookup, ArticleSummary, Page, PickList } from './types.js'
import { commentsModeRow, readableIdBySlug } from './visibility-queries.js'

/** No list, rail or page ever returns more stories than this in one call. */
export const MAX_LIST_LIMIT = 100
/** summariesByIds answers at most this many ids (rankings keep about a hundred). */
export const MAX_BATCH_IDS = 500

/**
 * How long a list's story count is reused. A pager's count is a COUNT over every story of the
 * section (20,000 at 100,000 stories: 2.5–7 ms on PostgreSQL, per section page rendered); the
 * article events clear the counts at once, so this only bounds how late a count follows a story
 * that becomes visible with no event (published earlier with a future time), as the page cache's
 * own 60 s do.
 */
export const COUNT_REUSE_MS = 30_000
/** Counts kept at most (sections, authors and tags with pages read lately). */
const COUNTS_KEPT = 10_000

/** Creates the reader-facing read side of the newsroom; `bus` article events clear its counts. */
export function createPublishedArticles({ db, clock, bus }: { db: Db; clock: Clock; bus?: Bus }) {
  const counts = createCountMemo(clock)
  if (bus !== undefined)
    for (const event of ['article.published', 'article.updated', 'article.unpublished'] as const)
      bus.subscribe(event, () => counts.clear())
  return {
    findPublished: async (slug: string, likelyId?: number): Promise<ArticleLookup | undefined> => {
      if (!isSlug(slug)) return undefined
      const now = clock.now()
      const article = await visibleArticleBySlug(db, now, slug, likelyId)
      if (article !== undefined) return { kind: 'found', article }
      const moved = await redirectTarget(db, now, slug)
      return moved && { kind: 'moved', ...moved }
    },

    resolveId: async (slug: string): Promise<number | undefined> =>
      isSlug(slug) ? readableIdBySlug(db, clock.now(), slug) : undefined,

    commentsMode: async (id: number) =>
      Number.isSafeInteger(id) ? commentsModeRow(db, clock.now(), id) : undefined,

    latest: (options: { sectionId?: number; limit: number; excludeIds?: readonly number[] }) =>
      newestSummaries(db, clock.now(), {
        filter: options.sectionId === undefined ? {} : { sectionId: options.sectionId },
        limit: clampLimit(options.limit),
        ...(options.excludeIds === undefined ? {} : { excludeIds: options.excludeIds }),
      }),

    list: async (
      filter: ArticleListFilter,
      page: number,
      perPage: number,
    ): Promise<Page<ArticleSummary>> => {
      const now = clock.now()
      const size = clampLimit(perPage)
      const current = Number.isSafeInteger(page) && page > 0 ? page : 1
      const [items, total] = await Promise.all([
        newestSummaries(db, now, { filter, limit: size, offset: (current - 1) * size }),
        counts.get(filter, () => countVisible(db, now, filter)),
      ])
      return {
        items,
        page: current,
        perPage: size,
        total,
        totalPages: Math.max(1, Math.ceil(total / size)),
      }
    },

    byIds: (ids: readonly number[]) => summariesByIds(db, clock.now(), ids.slice(0, MAX_BATCH_IDS)),

    tagIds: (ids: readonly number[]) =>
      tagIdsByArticle(db, clock.now(), ids.slice(0, MAX_BATCH_IDS)),

    sharingTags: (articleId: number, limit: number) =>
      storiesSharingTags(db, clock.now(), articleId, clampLimit(limit)),

    picked: (list: PickList, limit: number) =>
      pickedSummaries(db, clock.now(), list, clampLimit(limit)),

    count: () => countVisible(db, clock.now()),
  }
}

/**
 * Story counts by list filter, each reused for COUNT_REUSE_MS. A count read while a clear
 * happened is returned but not kept: it may predate the change.
 */
function createCountMemo(clock: Clock) {
  const kept = new Map<string, { total: number; at: number }>()
  let generation = 0
  return {
    get: async (filter: ArticleListFilter, count: () => Promise<number>): Promise<number> => {
      const key = `${filter.sectionId ?? ''}/${filter.authorId ?? ''}/${filter.tagId ?? ''}`
      const now = clock.now().getTime()
      const hit = kept.get(key)
      if (hit !== undefined && now - hit.at < COUNT_REUSE_MS && now >= hit.at) return hit.total
      const started = generation
      const total = await count()
      if (started === generation) {
        if (kept.size >= COUNTS_KEPT) kept.clear()
        kept.set(key, { total, at: now })
      }
      return total
    },
    clear: (): void => {
      generation += 1
      kept.clear()
    },
  }
}

/** A limit in 0…MAX_LIST_LIMIT (a bad value never turns into an unbounded query). */
function clampLimit(limit: number): number {
  if (!Number.isFinite(limit) || limit < 0) return 0
  return Math.min(Math.floor(limit), MAX_LIST_LIMIT)
}

/** Reading published stories for readers: lookups by slug, lists, pages, picks and batches by id. */

import type { Db } from '../db/database.js'
import type { Clock } from '../lib/clock.js'
import { isSlug } from '../lib/slug.js'
import {
  countVisible,
  newestSummaries,
  pickedSummaries,
  redirectTarget,
  summariesByIds,
  storiesSharingTags,
  tagIdsByArticle,
  visibleArticleBySlug,
} from './article-queries.js'
import type { ArticleListFilter, ArticleLookup, ArticleSummary, Page, PickList } from './types.js'
import { commentsModeRow, readableIdBySlug } from './visibility-queries.js'

/** No list, rail or page ever returns more stories than this in one call. */
export const MAX_LIST_LIMIT = 100
/** summariesByIds answers at most this many ids (rankings keep about a hundred). */
export const MAX_BATCH_IDS = 500

/** Creates the reader-facing read side of the newsroom. */
export function createPublishedArticles({ db, clock }: { db: Db; clock: Clock }) {
  return {
    findPublished: async (slug: string): Promise<ArticleLookup | undefined> => {
      if (!isSlug(slug)) return undefined
      const now = clock.now()
      const article = await visibleArticleBySlug(db, now, slug)
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
        countVisible(db, now, filter),
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

/** A limit in 0…MAX_LIST_LIMIT (a bad value never turns into an unbounded query). */
function clampLimit(limit: number): number {
  if (!Number.isFinite(limit) || limit < 0) return 0
  return Math.min(Math.floor(limit), MAX_LIST_LIMIT)
}

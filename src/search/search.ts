/** The search service: answers queries, and keeps the index in step with the newsroom's events. */

import type { Db } from '../db/database.js'
import type { DialectName } from '../db/dialect/dialect.js'
import type { Bus } from '../infra/bus/bus.js'
import type { Clock } from '../lib/clock.js'
import type { ArticleSummary, Newsroom } from '../newsroom/index.js'
import { publishedDocuments, staleIds, strayIds } from './document-queries.js'
import { searchDatesReversed, searchQueryEmpty, searchQueryTooLong } from './errors.js'
import { highlightTerms, MAX_QUERY_LENGTH, parseQuery } from './query-parser.js'
import { createTsvectorIndex } from './index-postgres-tsvector.js'
import { createFts5Index } from './index-sqlite-fts5.js'
import {
  documentTexts,
  RANKED_WINDOW,
  rankedMatches,
  type SearchFilters,
} from './search-queries.js'
import { highlightAll, snippetOf, type TextPart } from './snippets.js'

/** What a reader asks: the words, optional filters, and which page. */
export interface SearchRequest extends SearchFilters {
  text: string
  /** 1-based. */
  page: number
  perPage: number
}

/** One result: the story, its headline with matched words marked, and a marked snippet. */
export interface SearchHit {
  story: ArticleSummary
  headline: TextPart[]
  snippet: TextPart[]
  /** Relevance with the recency boost (higher is better; compare within one answer only). */
  score: number
}

export interface SearchResults {
  /** Matches readers may see, counted among the most relevant MAX_CANDIDATES (1,000). */
  total: number
  /** True when there were more matches than that: the reader should add words. */
  more: boolean
  page: number
  perPage: number
  totalPages: number
  hits: SearchHit[]
}

export interface Search {
  /** One page of the visible stories matching `request`, best first. Throws SEARCH_* errors. */
  search(request: SearchRequest): Promise<SearchResults>
  /** Brings one story's index entry up to date (indexed if published, removed otherwise). */
  refresh(articleId: number): Promise<void>
  /**
   * Indexes every published story missing from the index (and, with `outdated`, every one indexed
   * at an older version) and removes unpublished ones; returns how many it indexed.
   */
  catchUp(options?: { outdated?: boolean; onProgress?: (done: number) => void }): Promise<number>
  /**
   * Empties the index and indexes every published story again (after an import, or when the index
   * is damaged); returns how many it indexed. Searches find fewer stories until it ends.
   */
  rebuild(options?: { onProgress?: (done: number) => void }): Promise<number>
  /**
   * Runs `work` (a bulk write such as an import) with the per-story index updates held back, then
   * brings the index up to date in batches. FTS5 writes a segment per transaction and merges them
   * as they pile up, so indexing 10,000 stories one by one costs several times one catch-up.
   * Searches miss the new stories until `work` ends.
   */
  deferIndexing<T>(work: () => Promise<T>): Promise<T>
  /** Stops following the bus. */
  close(): void
}

export interface SearchDeps {
  db: Db
  dialect: DialectName
  clock: Clock
  bus: Bus
  newsroom: Pick<Newsroom, 'summariesByIds'>
  /** Matches ranked per query (RANKED_WINDOW); only tests change it. */
  rankedWindow?: number
}

/** Stories read and written per catch-up batch (one transaction, one statement per table). */
const CATCH_UP_BATCH = 1000

/**
 * Builds the search service and subscribes it to the article events: the index follows publish,
 * edit and unpublish as the event is delivered (the in-process bus awaits the handler).
 * @example const search = createSearch({ db, dialect: 'sqlite', clock, bus, newsroom })
 */
export function createSearch({
  db,
  dialect,
  clock,
  bus,
  newsroom,
  rankedWindow = RANKED_WINDOW,
}: SearchDeps): Search {
  const index = dialect === 'postgres' ? createTsvectorIndex() : createFts5Index()

  const refreshMany = async (ids: readonly number[]): Promise<void> => {
    const documents = await publishedDocuments(db, ids)
    const found = new Set(documents.map((d) => d.articleId))
    await index.write(db, documents)
    await index.remove(
      db,
      ids.filter((id) => !found.has(id)),
    )
  }
  const refresh = (articleId: number): Promise<void> => refreshMany([articleId])
  // Bulk writes under way: events leave the index to the catch-up that ends them.
  let deferring = 0
  const follow = (articleId: number): Promise<void> =>
    deferring > 0 ? Promise.resolve() : refresh(articleId)

  // The index is shared: only the process that made the change rewrites it.
  const once = { runsOn: 'publishing-process' } as const
  const unsubscribe = [
    bus.subscribe('article.published', (event) => follow(event.articleId), once),
    bus.subscribe('article.updated', (event) => follow(event.articleId), once),
    bus.subscribe('article.unpublished', (event) => follow(event.articleId), once),
  ]

  const search = async (request: SearchRequest): Promise<SearchResults> => {
    if (request.text.length > MAX_QUERY_LENGTH) throw searchQueryTooLong(MAX_QUERY_LENGTH)
    if (request.from !== undefined && request.until !== undefined && request.from >= request.until)
      throw searchDatesReversed()
    const query = parseQuery(request.text)
    if (query.groups.length === 0) throw searchQueryEmpty()
    const perPage = Math.max(1, Math.floor(request.perPage))
    const page = Math.max(1, Math.floor(request.page))
    const now = clock.now()
    const { total, capped, ids } = await rankedMatches(db, index, query, request, now, {
      offset: (page - 1) * perPage,
      limit: perPage,
      window: rankedWindow,
    })
    const idList = ids.map((r) => r.id)
    const [stories, texts] = await Promise.all([
      newsroom.summariesByIds(idList),
      documentTexts(db, idList),
    ])
    const byId = new Map(stories.map((s) => [s.id, s]))
    const terms = highlightTerms(query)
    const hits: SearchHit[] = []
    for (const { id, score } of ids) {
      const story = byId.get(id)
      const text = texts.get(id)
      if (story === undefined || text === undefined) continue
      hits.push({
        story,
        headline: highlightAll(story.headline, terms),
        snippet: snippetOf([text.body, text.dek], terms),
        score,
      })
    }
    return {
      total,
      more: capped,
      page,
      perPage,
      totalPages: Math.max(1, Math.ceil(total / perPage)),
      hits,
    }
  }

  const catchUp = async (
    options: { outdated?: boolean; onProgress?: (done: number) => void } = {},
  ): Promise<number> => {
    const stray = await strayIds(db)
    const stale = await staleIds(db, options.outdated ?? false)
    if (stray.length + stale.length > 0) await index.beforeBulkWrite(db)
    for (let at = 0; at < stray.length; at += CATCH_UP_BATCH)
      await refreshMany(stray.slice(at, at + CATCH_UP_BATCH))
    let done = 0
    for (let at = 0; at < stale.length; at += CATCH_UP_BATCH) {
      const ids = stale.slice(at, at + CATCH_UP_BATCH)
      await refreshMany(ids)
      done += ids.length
      options.onProgress?.(done)
    }
    return done
  }

  return {
    search,
    refresh,
    catchUp,
    rebuild: async (options = {}) => {
      await index.clear(db)
      return catchUp(options)
    },
    deferIndexing: async (work) => {
      deferring++
      try {
        return await work()
      } finally {
        deferring--
        // Even when the work failed part-way: what it wrote must become searchable.
        if (deferring === 0) await catchUp({ outdated: true })
      }
    },
    close: () => {
      for (const stop of unsubscribe) stop()
    },
  }
}

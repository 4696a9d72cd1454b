/** The ranked, filtered, paged search over the index, restricted by the one visibility rule. */

import { sql } from 'kysely'
import type { Db } from '../db/database.js'
import { toDbTime, toNumber } from '../db/time-codec.js'
import { readerVisible } from '../newsroom/index.js'
import type { SearchQuery } from './query-parser.js'
import type { SearchIndex } from './search-index.js'

/** Narrowing a search: section and author by slug, publication time in [from, until). */
export interface SearchFilters {
  section?: string | undefined
  author?: string | undefined
  from?: Date | undefined
  until?: Date | undefined
}

/**
 * How much a fresh story gains: score = relevance × (1 + RECENCY / (1 + age in days / DAYS)).
 * Today's story counts up to twice an old one of equal relevance; after DAYS days the boost has
 * halved. News readers mostly want the recent story, but a strong old match still ranks.
 */
const RECENCY = 1
const RECENCY_DAYS = 30

/**
 * The most relevant matches considered, before visibility, filters and the recency boost. Bounds
 * the work of a broad query (a common word matches a fifth of an archive); a narrow one is exact.
 */
export const MAX_CANDIDATES = 1000

/**
 * At most this many matches are ranked: the newest by story id. A word in most stories (a common
 * word, a short prefix) matches tens of thousands, and ranking them all cost 150 ms and more at
 * 100,000 stories; BM25 says little about such a word anyway (its weight is near zero). Queries
 * with fewer matches, nearly all a reader types, are ranked whole.
 */
export const RANKED_WINDOW = 10_000

/** One matching story: its id and final score. */
export interface RankedId {
  id: number
  score: number
}

/** The stories matching `query` and `filters` that readers may see at `now`, one page of them, and the total. */
export async function rankedMatches(
  db: Db,
  index: SearchIndex,
  query: SearchQuery,
  filters: SearchFilters,
  now: Date,
  page: { offset: number; limit: number; window: number },
): Promise<{ total: number; capped: boolean; ids: RankedId[] }> {
  const matches = index.matches(query, MAX_CANDIDATES + 1, page.window)
  if (matches === undefined) return { total: 0, capped: false, ids: [] }
  // A cross join keeps the candidates as the outer loop on SQLite (its documented way to fix the
  // join order): otherwise the planner walks every visible story by the status index and probes
  // the candidates, 100,000 steps for a query that matched 40. PostgreSQL plans it as a join.
  let base = db
    .selectFrom(matches)
    .crossJoin('articles as a')
    .whereRef('a.id', '=', 'm.article_id')
    .where(readerVisible('a', now))
  if (filters.section !== undefined) {
    const section = filters.section
    base = base.where('a.section_id', '=', (eb) =>
      eb.selectFrom('sections').select('sections.id').where('sections.slug', '=', section),
    )
  }
  if (filters.author !== undefined) {
    const author = filters.author
    base = base.where((eb) =>
      eb.exists(
        eb
          .selectFrom('article_authors as aa')
          .innerJoin('authors as au', 'au.id', 'aa.author_id')
          .select('aa.article_id')
          .whereRef('aa.article_id', '=', 'a.id')
          .where('au.slug', '=', author),
      ),
    )
  }
  if (filters.from !== undefined) base = base.where('a.published_at', '>=', toDbTime(filters.from))
  if (filters.until !== undefined) base = base.where('a.published_at', '<', toDbTime(filters.until))

  const age = index.ageInDays(sql.ref('a.published_at'), now)
  const score = sql<number>`m.relevance * (1 + ${sql.lit(RECENCY)} / (1 + ${age} / ${sql.lit(RECENCY_DAYS)}))`
  // One pass: the page of rows and, beside each, how many candidates passed (a window count).
  const rows = await base
    .select(['a.id', score.as('score'), sql<number | string>`count(*) over ()`.as('total')])
    .orderBy('score', 'desc')
    .orderBy('a.published_at', 'desc')
    .orderBy('a.id', 'desc')
    .offset(page.offset)
    .limit(page.limit)
    .execute()
  let total = toNumber(rows[0]?.total)
  if (rows.length === 0 && page.offset > 0) {
    // Past the last page: the count comes from a query without the offset.
    const counted = await base
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .executeTakeFirst()
    total = toNumber(counted?.n)
  }
  const capped = total > MAX_CANDIDATES
  return {
    total: Math.min(total, MAX_CANDIDATES),
    capped,
    ids: rows.map((r) => ({ id: r.id, score: Number(r.score) })),
  }
}

/** The indexed text of `ids` (for highlighting), by id. */
export async function documentTexts(
  db: Db,
  ids: readonly number[],
): Promise<Map<number, { headline: string; dek: string; body: string }>> {
  if (ids.length === 0) return new Map()
  const rows = await db
    .selectFrom('search_documents')
    .select(['article_id', 'headline', 'dek', 'body'])
    .where('article_id', 'in', [...ids])
    .execute()
  return new Map(rows.map((r) => [r.article_id, r]))
}

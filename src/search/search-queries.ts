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
  page: { offset: number; limit: number },
): Promise<{ total: number; ids: RankedId[] }> {
  const matches = index.matches(query)
  if (matches === undefined) return { total: 0, ids: [] }
  let base = db
    .selectFrom(matches)
    .innerJoin('articles as a', 'a.id', 'm.article_id')
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
  const [counted, rows] = await Promise.all([
    base.select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirst(),
    base
      .select(['a.id', score.as('score')])
      .orderBy('score', 'desc')
      .orderBy('a.published_at', 'desc')
      .orderBy('a.id', 'desc')
      .offset(page.offset)
      .limit(page.limit)
      .execute(),
  ])
  return {
    total: toNumber(counted?.n),
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

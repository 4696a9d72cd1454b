/**
 * The seam between search and the two full-text engines: how a document is written and removed,
 * and how a query becomes a set of matching stories with a relevance. The service picks one by
 * dialect, once.
 */

import type { AliasedRawBuilder, Expression, Insertable } from 'kysely'
import type { SearchDocumentsTable } from '../db/schema.js'
import type { Db } from '../db/database.js'
import type { SearchQuery } from './query-parser.js'

/** One story as the index holds it: plain text per field. */
export interface SearchDocument {
  articleId: number
  headline: string
  dek: string
  body: string
  /** Tag names, comma-separated. */
  tags: string
  /** Author names in byline order, comma-separated. */
  authors: string
  /** The story's modified_at (database time text) when this document was made. */
  sourceModifiedAt: string
}

/** The rows a query matches: the story id and a relevance in 0…1 (higher is better). */
export interface MatchRow {
  article_id: number
  relevance: number
}

export interface SearchIndex {
  /** Writes (or replaces) `documents` in the index and in search_documents, in one transaction. */
  write(db: Db, documents: readonly SearchDocument[]): Promise<void>
  /** Readies the index for writing many documents (a catch-up or a rebuild). */
  beforeBulkWrite(db: Db): Promise<void>
  /** Empties the index and search_documents (a rebuild starts from nothing). */
  clear(db: Db): Promise<void>
  /** Removes stories from the index (nothing happens for those not there). */
  remove(db: Db, articleIds: readonly number[]): Promise<void>
  /**
   * The `limit` most relevant stories among the newest `window` matches (by story id) as a
   * derived table `m` (the engine ranks them by relevance alone), or undefined when the query has
   * nothing to find. A query with fewer matches than `window` is ranked whole.
   */
  matches(
    query: SearchQuery,
    limit: number,
    window: number,
  ): AliasedRawBuilder<MatchRow, 'm'> | undefined
  /** Days between `at` (a time column) and `now`, as a number expression (0 when ahead). */
  ageInDays(at: Expression<unknown>, now: Date): Expression<number>
}

/** The search_documents row of `doc`. */
export function documentRow(doc: SearchDocument): Insertable<SearchDocumentsTable> {
  return {
    article_id: doc.articleId,
    headline: doc.headline,
    dek: doc.dek,
    body: doc.body,
    tags: doc.tags,
    authors: doc.authors,
    source_modified_at: doc.sourceModifiedAt,
  }
}

/**
 * The seam between search and the two full-text engines: how a document is written and removed,
 * and how a query becomes a set of matching stories with a relevance. Chosen once by dialect.
 */

import type { AliasedRawBuilder, Expression } from 'kysely'
import type { Db } from '../db/database.js'
import type { DialectName } from '../db/dialect/dialect.js'
import { createFts5Index } from './index-sqlite-fts5.js'
import { createTsvectorIndex } from './index-postgres-tsvector.js'
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
  /** Writes (or replaces) `document` in the index and in search_documents. */
  write(db: Db, document: SearchDocument): Promise<void>
  /** Removes a story from the index (nothing happens when it is not there). */
  remove(db: Db, articleId: number): Promise<void>
  /** The matching stories as a derived table `m`, or undefined when the query finds nothing. */
  matches(query: SearchQuery): AliasedRawBuilder<MatchRow, 'm'> | undefined
  /** Days between `at` (a time column) and `now`, as a number expression (0 when ahead). */
  ageInDays(at: Expression<unknown>, now: Date): Expression<number>
}

/** The index for a database of `dialect`. */
export function searchIndexFor(dialect: DialectName): SearchIndex {
  return dialect === 'postgres' ? createTsvectorIndex() : createFts5Index()
}

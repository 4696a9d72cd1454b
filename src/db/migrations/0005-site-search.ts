/** Site search: the indexed text of every published story, with each engine's full-text index. */

import { sql, type Kysely } from 'kysely'
import type { DialectAdapter } from '../dialect/dialect.js'

/**
 * Creates `search_documents` (the plain text results are highlighted from) and its full-text
 * index: an FTS5 table on SQLite, a tsvector column with a GIN index on PostgreSQL. Both hold
 * terms the application analysed (src/search/analysis.ts), so the two engines match the same
 * words. Existing stories are indexed by the search service at start-up (its catch-up), since
 * the analysis is application code that a frozen migration must not import.
 */
export async function up(db: Kysely<any>, dialect: DialectAdapter): Promise<void> {
  const ts = dialect.timestampType

  let table = db.schema
    .createTable('search_documents')
    .addColumn('article_id', 'integer', (c) =>
      c.primaryKey().references('articles.id').onDelete('cascade'),
    )
    .addColumn('headline', 'text', (c) => c.notNull())
    .addColumn('dek', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('tags', 'text', (c) => c.notNull())
    .addColumn('authors', 'text', (c) => c.notNull())
    // The story's modified_at when it was indexed: the catch-up re-indexes what changed since.
    .addColumn('source_modified_at', ts, (c) => c.notNull())
  if (dialect.name === 'postgres')
    table = table.addColumn('document', sql`tsvector`, (c) => c.notNull())
  await table.execute()

  if (dialect.name === 'postgres') {
    await sql`create index search_documents_document_idx on search_documents using gin (document)`.execute(
      db,
    )
  } else {
    // Contentless (the text lives in search_documents); contentless_delete lets a story's row be
    // replaced or deleted by rowid (= article id) without handing back its old terms.
    await sql`create virtual table search_fts using fts5(
      headline, dek, body, tags, authors,
      content = '', contentless_delete = 1,
      tokenize = 'unicode61 remove_diacritics 0'
    )`.execute(db)
  }
}

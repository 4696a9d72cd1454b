/** Site search on SQLite: prefix indexes in the FTS5 table, so `ferr*` reads one list of stories. */

import { sql, type Kysely } from 'kysely'
import type { DialectAdapter } from '../dialect/dialect.js'

/**
 * Recreates `search_fts` with prefix indexes for 2, 3 and 4 characters (the lengths readers type
 * before the `*`; MIN_PREFIX_LENGTH in the query parser is 2). Without them FTS5 merges the list
 * of every word with the prefix at query time: `trol*` took 40–90 ms at 100,000 stories, and a
 * two-letter prefix far more. The index takes about 2.5 times the space. The table is contentless,
 * so it cannot be filled from itself: search_documents is emptied too, and the search service's
 * catch-up indexes every story again at the next start (see docs/operating.md). PostgreSQL's GIN
 * index answers prefixes (`:*`) as they are.
 */
export async function up(db: Kysely<any>, dialect: DialectAdapter): Promise<void> {
  if (dialect.name !== 'sqlite') return
  await sql`drop table search_fts`.execute(db)
  await sql`create virtual table search_fts using fts5(
    headline, dek, body, tags, authors,
    content = '', contentless_delete = 1, prefix = '2 3 4',
    tokenize = 'unicode61 remove_diacritics 0'
  )`.execute(db)
  await db.deleteFrom('search_documents').execute()
}

/** SQLite: a contentless FTS5 table of analysed terms (rowid = article id), ranked by BM25. */

import { type Expression, sql } from 'kysely'
import { toDbTime } from '../db/time-codec.js'
import { termsOf } from './analysis.js'
import { toFts5 } from './query-compile.js'
import { documentRow, type SearchIndex } from './search-index.js'

/**
 * BM25 weights per column (headline, dek, body, tags, authors): a word in the headline counts
 * ten times one in the body. PostgreSQL's weights (index-postgres-tsvector.ts) say the same.
 */
const BM25_WEIGHTS = '10.0, 4.0, 1.0, 6.0, 6.0'
/** BM25 scores are unbounded; r / (r + K) maps them to 0…1, half at K. */
const HALF_RELEVANCE = 5

/** The row count the planner is told search_fts_data holds (see beforeBulkWrite). */
const FTS_DATA_ROWS_STAT = '10000000'

/** Creates the FTS5 index adapter. */
export function createFts5Index(): SearchIndex {
  return {
    write: async (db, docs) => {
      if (docs.length === 0) return
      const terms = (text: string): string => termsOf(text).join(' ')
      // One statement per table for the whole batch (a catch-up writes 1,000 at a time).
      const ftsRows = docs.map(
        (doc) =>
          sql`(${doc.articleId}, ${terms(doc.headline)}, ${terms(doc.dek)}, ${terms(doc.body)}, ${terms(doc.tags)}, ${terms(doc.authors)})`,
      )
      const ids = docs.map((doc) => doc.articleId)
      await db.transaction().execute(async (tx) => {
        await tx
          .insertInto('search_documents')
          .values(docs.map(documentRow))
          .onConflict((oc) =>
            oc.column('article_id').doUpdateSet((eb) => ({
              headline: eb.ref('excluded.headline'),
              dek: eb.ref('excluded.dek'),
              body: eb.ref('excluded.body'),
              tags: eb.ref('excluded.tags'),
              authors: eb.ref('excluded.authors'),
              source_modified_at: eb.ref('excluded.source_modified_at'),
            })),
          )
          .execute()
        await sql`delete from search_fts where rowid in (${sql.join(ids)})`.execute(tx)
        await sql`insert into search_fts (rowid, headline, dek, body, tags, authors)
          values ${sql.join(ftsRows)}`.execute(tx)
      })
    },

    beforeBulkWrite: async (db) => {
      // FTS5 merges its segments as it grows and deletes the merged pages with
      // `DELETE FROM search_fts_data WHERE id >= ? AND id <= ?`. If ANALYZE (or the start-up's
      // `pragma optimize`) saw that table empty, the planner believes it tiny and scans all of it
      // for every merge instead of seeking the range: indexing 100,000 stories then read hundreds
      // of gigabytes. A large row count for it (a seek is right at any size) avoids that, as
      // SQLite's documentation allows for hand-set statistics; `ANALYZE sqlite_schema` reloads them.
      const stats = await sql<{ name: string }>`select name from sqlite_master
        where type = 'table' and name = 'sqlite_stat1'`.execute(db)
      if (stats.rows.length === 0) return
      await db.transaction().execute(async (tx) => {
        await sql`delete from sqlite_stat1 where tbl = 'search_fts_data'`.execute(tx)
        await sql`insert into sqlite_stat1 (tbl, idx, stat)
          values ('search_fts_data', null, ${FTS_DATA_ROWS_STAT})`.execute(tx)
      })
      await sql`analyze sqlite_schema`.execute(db)
    },

    clear: async (db) => {
      await db.transaction().execute(async (tx) => {
        await tx.deleteFrom('search_documents').execute()
        // FTS5's own command for emptying a contentless table (it cannot be read back to delete).
        await sql`insert into search_fts (search_fts) values ('delete-all')`.execute(tx)
      })
    },

    remove: async (db, articleIds) => {
      if (articleIds.length === 0) return
      await db.transaction().execute(async (tx) => {
        await tx
          .deleteFrom('search_documents')
          .where('article_id', 'in', [...articleIds])
          .execute()
        await sql`delete from search_fts where rowid in (${sql.join([...articleIds])})`.execute(tx)
      })
    },

    matches: (query, limit, window) => {
      const expression = toFts5(query)
      if (expression === undefined) return undefined
      // FTS5 walks the matches newest id first and stops after `window`, computing BM25 only for
      // those (ranking every match of a word in most stories took 150 ms at 100,000 stories);
      // the outer query keeps the best `limit`. BM25 is negative (more negative = better).
      return sql<{ article_id: number; relevance: number }>`(
        select article_id, raw / (raw + ${HALF_RELEVANCE}) as relevance
        from (
          select rowid as article_id, -bm25(search_fts, ${sql.raw(BM25_WEIGHTS)}) as raw
          from search_fts
          where search_fts match ${expression}
          order by rowid desc limit ${window}
        )
        order by raw desc limit ${limit}
      )`.as('m')
    },

    ageInDays: (at: Expression<unknown>, now: Date): Expression<number> =>
      sql<number>`max(julianday(${toDbTime(now)}) - julianday(${at}), 0)`,
  }
}

/**
 * PostgreSQL: a tsvector column (GIN-indexed) built here from the analysed terms, so PostgreSQL
 * stores exactly the terms FTS5 stores on SQLite, with weights A–D per field.
 */

import { type Expression, sql } from 'kysely'
import { toDbTime } from '../db/time-codec.js'
import { termsOf } from './analysis.js'
import { toTsquery } from './query-compile.js'
import { documentRow, type SearchDocument, type SearchIndex } from './search-index.js'

/** PostgreSQL keeps word positions up to this; later words share the last position. */
const MAX_POSITION = 16_383
/** PostgreSQL keeps at most this many positions of one lexeme. */
const MAX_POSITIONS_PER_TERM = 256
/**
 * Weights of D, C, B, A (body; dek; tags and authors; headline), the same emphasis as the FTS5
 * column weights.
 */
const WEIGHTS = '{0.1, 0.4, 0.6, 1.0}'
/** ts_rank is small and unbounded above; r / (r + K) maps it to 0…1, half at K. */
const HALF_RELEVANCE = 0.2

/**
 * The tsvector literal of `doc`: each field's terms at consecutive positions with the field's
 * weight, a gap between fields so a phrase never spans two of them (as FTS5 columns do not).
 * @example tsvectorOf({ headline: 'Ferries stop', … }) // "'ferry':1A 'stop':2A …"
 */
export function tsvectorOf(doc: SearchDocument): string {
  const positions = new Map<string, string[]>()
  let position = 0
  const fields: [string, 'A' | 'B' | 'C' | 'D'][] = [
    [doc.headline, 'A'],
    [doc.tags, 'B'],
    [doc.authors, 'B'],
    [doc.dek, 'C'],
    [doc.body, 'D'],
  ]
  for (const [text, weight] of fields) {
    position += 1
    for (const term of termsOf(text)) {
      position = Math.min(position + 1, MAX_POSITION)
      const list = positions.get(term) ?? []
      if (list.length < MAX_POSITIONS_PER_TERM) list.push(`${position}${weight}`)
      positions.set(term, list)
    }
  }
  return [...positions]
    .map(
      ([term, list]) =>
        `'${term.replace(/['\\]/g, (c) => `\\${c}`)}':${[...new Set(list)].join(',')}`,
    )
    .join(' ')
}

/** Creates the tsvector index adapter. */
export function createTsvectorIndex(): SearchIndex {
  return {
    write: async (db, docs) => {
      if (docs.length === 0) return
      await db
        .insertInto('search_documents')
        .values(
          docs.map((doc) => ({
            ...documentRow(doc),
            // The tsvector column exists on PostgreSQL only, so schema.ts does not list it.
            ...({ document: sql`cast(${tsvectorOf(doc)} as tsvector)` } as object),
          })),
        )
        .onConflict((oc) =>
          oc.column('article_id').doUpdateSet((eb) => ({
            headline: eb.ref('excluded.headline'),
            dek: eb.ref('excluded.dek'),
            body: eb.ref('excluded.body'),
            tags: eb.ref('excluded.tags'),
            authors: eb.ref('excluded.authors'),
            source_modified_at: eb.ref('excluded.source_modified_at'),
            ...({ document: sql`excluded.document` } as object),
          })),
        )
        .execute()
    },

    // Nothing to ready: PostgreSQL's planner sees the table grow (autovacuum's analyze).
    beforeBulkWrite: async () => undefined,

    clear: async (db) => {
      await db.deleteFrom('search_documents').execute()
    },

    remove: async (db, articleIds) => {
      if (articleIds.length === 0) return
      await db
        .deleteFrom('search_documents')
        .where('article_id', 'in', [...articleIds])
        .execute()
    },

    matches: (query, limit, window) => {
      const tsquery = toTsquery(query)
      if (tsquery === undefined) return undefined
      // As on SQLite: the newest `window` matches by id are ranked, the best `limit` kept.
      return sql<{ article_id: number; relevance: number }>`(
        select article_id, r / (r + ${HALF_RELEVANCE}) as relevance
        from (
          select article_id, ts_rank(${WEIGHTS}::float4[], document, q) as r
          from (
            select article_id, document
            from search_documents
            where document @@ cast(${tsquery} as tsquery)
            order by article_id desc
            limit ${window}
          ) as recent, cast(${tsquery} as tsquery) as q
          order by r desc, article_id desc
          limit ${limit}
        ) as ranked
      )`.as('m')
    },

    ageInDays: (at: Expression<unknown>, now: Date): Expression<number> =>
      sql<number>`greatest(extract(epoch from (cast(${toDbTime(now)} as timestamptz) - ${at})) / 86400.0, 0)`,
  }
}

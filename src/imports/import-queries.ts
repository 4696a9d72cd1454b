/** SQL for the imports' own tables: the source-to-local mapping and the old addresses. */

import type { Db } from '../db/database.js'
import { toDbTime } from '../db/time-codec.js'

/** What a mapping row points at. */
export type MappedKind = 'story' | 'author' | 'section' | 'photo'

/** The local id `source`'s record `sourceId` of `kind` became, if it was imported before. */
export async function mappedId(
  db: Db,
  source: string,
  kind: MappedKind,
  sourceId: string,
): Promise<number | undefined> {
  const row = await db
    .selectFrom('import_sources')
    .select('local_id')
    .where('source', '=', source)
    .where('kind', '=', kind)
    .where('source_id', '=', sourceId)
    .executeTakeFirst()
  return row?.local_id
}

/** Records (or moves) the mapping of one source record to its local row. */
export async function saveMapping(
  db: Db,
  mapping: { source: string; kind: MappedKind; sourceId: string; localId: number },
  at: Date,
): Promise<void> {
  const now = toDbTime(at)
  await db
    .insertInto('import_sources')
    .values({
      source: mapping.source,
      kind: mapping.kind,
      source_id: mapping.sourceId,
      local_id: mapping.localId,
      created_at: now,
      updated_at: now,
    })
    .onConflict((oc) =>
      oc
        .columns(['source', 'kind', 'source_id'])
        .doUpdateSet({ local_id: mapping.localId, updated_at: now }),
    )
    .execute()
}

/** Points each old address in `paths` at `articleId` (an address seen again moves to it). */
export async function saveRedirects(
  db: Db,
  paths: readonly string[],
  articleId: number,
  at: Date,
): Promise<void> {
  // One statement may not touch a row twice (PostgreSQL), so repeats are dropped first.
  const unique = [...new Set(paths)]
  if (unique.length === 0) return
  await db
    .insertInto('import_redirects')
    .values(unique.map((path) => ({ path, article_id: articleId, created_at: toDbTime(at) })))
    .onConflict((oc) => oc.column('path').doUpdateSet({ article_id: articleId }))
    .execute()
}

/** The story an old address leads to, if an import recorded it. */
export async function redirectedArticle(db: Db, path: string): Promise<number | undefined> {
  const row = await db
    .selectFrom('import_redirects')
    .select('article_id')
    .where('path', '=', path)
    .executeTakeFirst()
  return row?.article_id
}

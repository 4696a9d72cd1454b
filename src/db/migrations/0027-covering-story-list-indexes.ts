/**
 * Story lists from the index alone: the two indexes every reader list walks (the site's newest
 * stories, a section's) end with the id, so a page deep in the archive skips index entries, not
 * rows, and PostgreSQL orders by (published_at, id) without a sort. A third answers "is this
 * story visible, and when was it published" by id, for author and tag pages.
 */

import type { Kysely } from 'kysely'

/** Adds id to the two list indexes (replacing them) and an (id, status, published_at) index. */
export async function up(db: Kysely<any>): Promise<void> {
  // Created before the old ones go, so no moment is without an index for the lists.
  await db.schema
    .createIndex('articles_status_published_id_idx')
    .on('articles')
    .columns(['status', 'published_at', 'id'])
    .execute()
  await db.schema
    .createIndex('articles_section_status_published_id_idx')
    .on('articles')
    .columns(['section_id', 'status', 'published_at', 'id'])
    .execute()
  // An author's or tag's stories come as ids from their link table; each is checked here, in a
  // small index, rather than in its row, whose status and publication time sit past the body.
  await db.schema
    .createIndex('articles_id_visible_idx')
    .on('articles')
    .columns(['id', 'status', 'published_at'])
    .execute()
  // Each old index is a prefix of its successor, which serves every query it served.
  await db.schema.dropIndex('articles_status_published_idx').execute()
  await db.schema.dropIndex('articles_section_status_published_idx').execute()
}

/**
 * The per-address view cap and co-reading held across processes: view_readers keeps when each
 * reader read each story (so the flush pairs a reader's stories whichever process served them),
 * and view_address_counts counts the readers each address added to each story today.
 */

import type { Kysely } from 'kysely'

/** Adds view_readers.at_ms and its (day, reader) index, and creates view_address_counts. */
export async function up(db: Kysely<any>): Promise<void> {
  // When the reader opened the story (ms since the epoch; 0 for rows written before this).
  await db.schema
    .alterTable('view_readers')
    .addColumn('at_ms', 'bigint', (c) => c.notNull().defaultTo(0))
    .execute()
  // A reader's stories of the day, latest first: what a new story of theirs is paired with.
  await db.schema
    .createIndex('view_readers_day_reader_idx')
    .on('view_readers')
    .columns(['day', 'reader', 'at_ms'])
    .execute()

  // Distinct readers one address (its 64-bit daily hash, under the day's salt) added to one
  // story on one UTC day: at most MASTHEAD_VIEWS_PER_ADDRESS_PER_STORY across all processes.
  // No foreign key, as for view_readers: rows go with their day.
  await db.schema
    .createTable('view_address_counts')
    .addColumn('day', 'varchar(10)', (c) => c.notNull())
    .addColumn('address', 'bigint', (c) => c.notNull())
    .addColumn('article_id', 'integer', (c) => c.notNull())
    .addColumn('readers', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('view_address_counts_pk', ['day', 'address', 'article_id'])
    .execute()
}

/** Engagement: co-reading pairs ("readers of this story also read") and the day's visitor salt. */

import type { Kysely } from 'kysely'
import type { DialectAdapter } from '../dialect/dialect.js'

/** Creates article_co_reads and view_salts. */
export async function up(db: Kysely<any>, dialect: DialectAdapter): Promise<void> {
  const ts = dialect.timestampType

  // One row per ordered pair: a reader of article_id also read other_article_id the same day.
  // Both directions are stored so "also read" for a story is one index range.
  await db.schema
    .createTable('article_co_reads')
    .addColumn('article_id', 'integer', (c) =>
      c.notNull().references('articles.id').onDelete('cascade'),
    )
    .addColumn('other_article_id', 'integer', (c) =>
      c.notNull().references('articles.id').onDelete('cascade'),
    )
    .addColumn('reads', 'integer', (c) => c.notNull())
    .addColumn('last_read_at', ts, (c) => c.notNull())
    .addPrimaryKeyConstraint('article_co_reads_pk', ['article_id', 'other_article_id'])
    .execute()

  // The salt that makes a reader's daily visitor hash; shared by every process for the day and
  // deleted once the day is over, so yesterday's hashes can never be recomputed.
  await db.schema
    .createTable('view_salts')
    .addColumn('day', 'varchar(10)', (c) => c.primaryKey())
    .addColumn('salt', 'varchar(64)', (c) => c.notNull())
    .addColumn('created_at', ts, (c) => c.notNull())
    .execute()
}

/**
 * The dashboard's top sections and authors from rollups: views per section and per author per
 * hour, kept with every bucket write and filled here from the existing buckets.
 */

import { sql, type Kysely } from 'kysely'
import type { DialectAdapter } from '../dialect/dialect.js'

/** Creates section_views_hourly and author_views_hourly and fills them from the buckets. */
export async function up(db: Kysely<any>, dialect: DialectAdapter): Promise<void> {
  const ts = dialect.timestampType

  // A section's views per hour, attributed to each story's current section (a story that moves
  // takes its views along, in the transaction that moves it). Keyed by hour first: the top
  // sections read a range of hours.
  await db.schema
    .createTable('section_views_hourly')
    .addColumn('hour', ts, (c) => c.notNull())
    .addColumn('section_id', 'integer', (c) =>
      c.notNull().references('sections.id').onDelete('cascade'),
    )
    .addColumn('views', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('section_views_hourly_pk', ['hour', 'section_id'])
    .execute()

  // An author's views per hour over their current bylines (a shared byline counts for each).
  await db.schema
    .createTable('author_views_hourly')
    .addColumn('hour', ts, (c) => c.notNull())
    .addColumn('author_id', 'integer', (c) =>
      c.notNull().references('authors.id').onDelete('cascade'),
    )
    .addColumn('views', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('author_views_hourly_pk', ['hour', 'author_id'])
    .execute()

  await sql`insert into section_views_hourly (hour, section_id, views)
    select b.hour, a.section_id, sum(b.views)
    from article_views_hourly b join articles a on a.id = b.article_id
    group by b.hour, a.section_id`.execute(db)
  await sql`insert into author_views_hourly (hour, author_id, views)
    select b.hour, aa.author_id, sum(b.views)
    from article_views_hourly b join article_authors aa on aa.article_id = b.article_id
    group by b.hour, aa.author_id`.execute(db)
}

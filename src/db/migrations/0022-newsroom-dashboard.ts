/**
 * The newsroom dashboard: where readers came from (referrer host names only), how many went on
 * to another story, and the site's views per hour (a rollup of the hourly buckets).
 */

import { sql, type Kysely } from 'kysely'
import type { DialectAdapter } from '../dialect/dialect.js'

/** Creates article_referrers_daily, article_continuations_daily, site_views_hourly; widens the hour index. */
export async function up(db: Kysely<any>, dialect: DialectAdapter): Promise<void> {
  const ts = dialect.timestampType

  // Counted views of a story per UTC day and referring host. Only the host name is kept (lower
  // case, never a path, query or address), so nothing here can point at a reader.
  await db.schema
    .createTable('article_referrers_daily')
    .addColumn('article_id', 'integer', (c) =>
      c.notNull().references('articles.id').onDelete('cascade'),
    )
    .addColumn('day', 'varchar(10)', (c) => c.notNull())
    .addColumn('host', 'varchar(253)', (c) => c.notNull())
    .addColumn('views', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('article_referrers_daily_pk', ['article_id', 'day', 'host'])
    .execute()

  // Readers of a story who went on to read another story the same UTC day.
  await db.schema
    .createTable('article_continuations_daily')
    .addColumn('article_id', 'integer', (c) =>
      c.notNull().references('articles.id').onDelete('cascade'),
    )
    .addColumn('day', 'varchar(10)', (c) => c.notNull())
    .addColumn('readers', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('article_continuations_daily_pk', ['article_id', 'day'])
    .execute()

  // The whole site's views per hour, kept with every bucket write: the 30-day chart and
  // "today against yesterday" then read 720 rows instead of millions of buckets.
  await db.schema
    .createTable('site_views_hourly')
    .addColumn('hour', ts, (c) => c.primaryKey())
    .addColumn('views', 'integer', (c) => c.notNull())
    .execute()
  // The hour index also carries the views, so a range of hours (the top sections and authors,
  // the rankings' reloads) is read from the index alone, without a lookup per bucket.
  await db.schema.dropIndex('article_views_hourly_hour_idx').execute()
  await db.schema
    .createIndex('article_views_hourly_hour_views_idx')
    .on('article_views_hourly')
    .columns(['hour', 'article_id', 'views'])
    .execute()

  // A story's section from the index alone: the top sections join some 20,000 stories of the
  // last 24 hours, and reading each wide article row for its section_id cost more than the rest.
  await db.schema
    .createIndex('articles_id_section_idx')
    .on('articles')
    .columns(['id', 'section_id'])
    .execute()

  await sql`insert into site_views_hourly (hour, views)
    select hour, sum(views) from article_views_hourly group by hour`.execute(db)
}

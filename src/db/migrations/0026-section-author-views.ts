/**
 * The dashboard's figures at scale: views per section and per author per hour (kept with every
 * bucket write, filled here from the existing buckets), and stories per status (kept by
 * triggers, filled here from the stories).
 */

import { sql, type Kysely } from 'kysely'
import type { DialectAdapter } from '../dialect/dialect.js'

/** Creates and fills section_views_hourly, author_views_hourly and article_status_counts. */
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

  // Stories per workflow status: counting 100,000 index entries on every dashboard view took
  // 25-60 ms on PostgreSQL on a busy machine. Triggers keep it, so every writer of stories does
  // (the newsroom, imports, a restore's bulk insert) without knowing. The rows of one change
  // are updated in status order, so two changes in opposite directions cannot deadlock.
  await db.schema
    .createTable('article_status_counts')
    .addColumn('status', 'varchar(20)', (c) => c.primaryKey())
    .addColumn('stories', 'integer', (c) => c.notNull())
    .execute()
  await sql`insert into article_status_counts (status, stories)
    select status, count(*) from articles group by status`.execute(db)
  if (dialect.name === 'postgres') await postgresStatusTriggers(db)
  else await sqliteStatusTriggers(db)
}

/** PostgreSQL: one row trigger function for insert, delete and a change of status. */
async function postgresStatusTriggers(db: Kysely<any>): Promise<void> {
  await sql`create function article_status_counts_keep() returns trigger
    language plpgsql as $$
    begin
      if tg_op = 'INSERT' then
        insert into article_status_counts (status, stories) values (new.status, 0)
          on conflict (status) do nothing;
        update article_status_counts set stories = stories + 1 where status = new.status;
      elsif tg_op = 'DELETE' then
        update article_status_counts set stories = stories - 1 where status = old.status;
      elsif old.status <> new.status then
        insert into article_status_counts (status, stories) values (new.status, 0)
          on conflict (status) do nothing;
        update article_status_counts
          set stories = stories + case when status = new.status then 1 else -1 end
          where status = least(old.status, new.status);
        update article_status_counts
          set stories = stories + case when status = new.status then 1 else -1 end
          where status = greatest(old.status, new.status);
      end if;
      return null;
    end $$`.execute(db)
  await sql`create trigger article_status_counts_keep
    after insert or delete or update of status on articles
    for each row execute function article_status_counts_keep()`.execute(db)
}

/** SQLite: three triggers (one writer at a time, so no lock order to keep). */
async function sqliteStatusTriggers(db: Kysely<any>): Promise<void> {
  await sql`create trigger article_status_counts_insert after insert on articles begin
      insert or ignore into article_status_counts (status, stories) values (new.status, 0);
      update article_status_counts set stories = stories + 1 where status = new.status;
    end`.execute(db)
  await sql`create trigger article_status_counts_delete after delete on articles begin
      update article_status_counts set stories = stories - 1 where status = old.status;
    end`.execute(db)
  await sql`create trigger article_status_counts_update after update of status on articles
    when old.status <> new.status begin
      insert or ignore into article_status_counts (status, stories) values (new.status, 0);
      update article_status_counts set stories = stories - 1 where status = old.status;
      update article_status_counts set stories = stories + 1 where status = new.status;
    end`.execute(db)
}

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
  // (the newsroom, imports, a restore's bulk insert) without knowing. On PostgreSQL the rows
  // of one statement are updated in status order, so two changes cannot deadlock.
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

/**
 * PostgreSQL: statement triggers over transition tables, one upsert per statement (ordered by
 * status, the lock order). Row triggers would update the same row once per story, and within
 * one transaction (a restore's bulk insert) each update walks every earlier version of that
 * row: quadratic.
 */
async function postgresStatusTriggers(db: Kysely<any>): Promise<void> {
  await sql`create function article_status_counts_add() returns trigger
    language plpgsql as $$
    begin
      if tg_op = 'INSERT' then
        insert into article_status_counts (status, stories)
          select status, count(*) from new_rows group by status order by status
          on conflict (status) do update
            set stories = article_status_counts.stories + excluded.stories;
      elsif tg_op = 'DELETE' then
        insert into article_status_counts (status, stories)
          select status, -count(*) from old_rows group by status order by status
          on conflict (status) do update
            set stories = article_status_counts.stories + excluded.stories;
      else
        insert into article_status_counts (status, stories)
          select status, sum(delta) from (
            select o.status, -1 as delta from old_rows o join new_rows n on n.id = o.id
              where n.status <> o.status
            union all
            select n.status, 1 from old_rows o join new_rows n on n.id = o.id
              where n.status <> o.status
          ) d group by status having sum(delta) <> 0 order by status
          on conflict (status) do update
            set stories = article_status_counts.stories + excluded.stories;
      end if;
      return null;
    end $$`.execute(db)
  await sql`create trigger article_status_counts_insert after insert on articles
    referencing new table as new_rows
    for each statement execute function article_status_counts_add()`.execute(db)
  await sql`create trigger article_status_counts_delete after delete on articles
    referencing old table as old_rows
    for each statement execute function article_status_counts_add()`.execute(db)
  await sql`create trigger article_status_counts_update after update on articles
    referencing old table as old_rows new table as new_rows
    for each statement execute function article_status_counts_add()`.execute(db)
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

/** The writing side: story versions and revisions, who created a story, the workflow log, SEO fields. */

import { type Kysely, sql } from 'kysely'
import type { DialectAdapter } from '../dialect/dialect.js'

/** Adds the version and ownership columns, the revisions and the workflow events. */
export async function up(db: Kysely<any>, dialect: DialectAdapter): Promise<void> {
  const ts = dialect.timestampType

  // Every save bumps `version`; a save names the version it was based on, so a save over a newer
  // one is refused instead of silently overwriting it. Existing stories start at version 1.
  await db.schema
    .alterTable('articles')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute()
  // Who created the story: with the users behind its bylines, the story's owners.
  await db.schema
    .alterTable('articles')
    .addColumn('created_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .execute()
  await db.schema
    .alterTable('articles')
    .addColumn('seo_title', 'varchar(200)', (c) => c.notNull().defaultTo(''))
    .execute()
  await db.schema
    .alterTable('articles')
    .addColumn('seo_description', 'text', (c) => c.notNull().defaultTo(''))
    .execute()
  // The newsroom's story list is sorted by last change.
  await db.schema
    .createIndex('articles_modified_idx')
    .on('articles')
    .columns(['modified_at', 'id'])
    .execute()

  // One row per save: the words as they were, who saved them and when. Restoring one writes a new row.
  await dialect
    .addIdColumn(db.schema.createTable('article_revisions'))
    .addColumn('article_id', 'integer', (c) =>
      c.notNull().references('articles.id').onDelete('cascade'),
    )
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('user_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('headline', 'varchar(200)', (c) => c.notNull())
    .addColumn('dek', 'text', (c) => c.notNull())
    .addColumn('body_markdown', 'text', (c) => c.notNull())
    .addColumn('restored_from', 'integer')
    .addColumn('created_at', ts, (c) => c.notNull())
    .addUniqueConstraint('article_revisions_article_version_key', ['article_id', 'version'])
    .execute()

  // The workflow log: each change of status, who made it (null: the scheduler) and when.
  await dialect
    .addIdColumn(db.schema.createTable('article_events'))
    .addColumn('article_id', 'integer', (c) =>
      c.notNull().references('articles.id').onDelete('cascade'),
    )
    .addColumn('user_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('from_status', 'varchar(16)')
    .addColumn('to_status', 'varchar(16)', (c) => c.notNull())
    .addColumn('at', ts, (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('article_events_article_idx')
    .on('article_events')
    .columns(['article_id', 'id'])
    .execute()

  // Stories written before this migration get their current words as revision 1.
  await sql`insert into article_revisions (article_id, version, user_id, headline, dek, body_markdown, created_at)
    select id, 1, null, headline, dek, body_markdown, modified_at from articles`.execute(db)
}

/** Comment moderation: per-story mode, hold reasons, reports, banned readers, the audit log, site secrets. */

import type { Kysely } from 'kysely'
import type { DialectAdapter } from '../dialect/dialect.js'

/** Adds the moderation columns and tables. */
export async function up(db: Kysely<any>, dialect: DialectAdapter): Promise<void> {
  const ts = dialect.timestampType

  // null = the site's default mode (MASTHEAD_COMMENTS_MODE); otherwise open | premoderated | closed.
  await db.schema.alterTable('articles').addColumn('comments_mode', 'varchar(16)').execute()

  // Why a comment waits for review (premoderation, banned_word, link, first_comment, reported,
  // banned_reader); null when it went straight out. report_count counts reports since the last
  // review, so an approved comment needs N new reports to be hidden again.
  await db.schema.alterTable('comments').addColumn('hold_reason', 'varchar(24)').execute()
  await db.schema
    .alterTable('comments')
    .addColumn('report_count', 'integer', (c) => c.notNull().defaultTo(0))
    .execute()

  // Rate limits, repeat detection and "first comment of this reader" read a reader's recent rows.
  await db.schema
    .createIndex('comments_reader_created_idx')
    .on('comments')
    .columns(['reader_hash', 'created_at'])
    .execute()
  // A story's page of top-level comments (parent_id null) in either order, and the count of them,
  // read from the index alone: with 10,000 comments the first page stays a short range scan.
  await db.schema
    .createIndex('comments_article_threads_idx')
    .on('comments')
    .columns(['article_id', 'status', 'parent_id', 'created_at'])
    .execute()
  // Replies of a page of top-level comments are fetched by parent.
  await db.schema.createIndex('comments_parent_idx').on('comments').column('parent_id').execute()
  // The moderation queue lists by status, newest first.
  await db.schema
    .createIndex('comments_status_created_idx')
    .on('comments')
    .columns(['status', 'created_at'])
    .execute()

  // One report per reader per comment: the primary key is the rule.
  await db.schema
    .createTable('comment_reports')
    .addColumn('comment_id', 'integer', (c) =>
      c.notNull().references('comments.id').onDelete('cascade'),
    )
    .addColumn('reader_hash', 'varchar(64)', (c) => c.notNull())
    .addColumn('created_at', ts, (c) => c.notNull())
    .addPrimaryKeyConstraint('comment_reports_pk', ['comment_id', 'reader_hash'])
    .execute()

  // Readers are banned by their salted identity hash: no address is ever stored.
  await db.schema
    .createTable('comment_banned_readers')
    .addColumn('reader_hash', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('reason', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('banned_by', 'varchar(64)', (c) => c.notNull())
    .addColumn('created_at', ts, (c) => c.notNull())
    .execute()

  // Who did what to which comment, when. No foreign key: the log outlives deleted comments.
  await dialect
    .addIdColumn(db.schema.createTable('comment_moderation_log'))
    .addColumn('comment_id', 'integer')
    .addColumn('reader_hash', 'varchar(64)')
    .addColumn('action', 'varchar(24)', (c) => c.notNull())
    .addColumn('actor', 'varchar(64)', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', ts, (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('comment_moderation_log_comment_idx')
    .on('comment_moderation_log')
    .column('comment_id')
    .execute()

  // Long-lived random secrets shared by every process (the comments HMAC key lives here).
  await db.schema
    .createTable('site_secrets')
    .addColumn('name', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('value', 'varchar(128)', (c) => c.notNull())
    .addColumn('created_at', ts, (c) => c.notNull())
    .execute()
}

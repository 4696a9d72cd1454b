/** The first schema: sections, people, photos, articles, tags, views, picks and comments. */

import type { Kysely } from 'kysely'
import type { DialectAdapter } from '../dialect/dialect.js'

/** Creates the core tables and their indexes. */
export async function up(db: Kysely<any>, dialect: DialectAdapter): Promise<void> {
  const ts = dialect.timestampType

  await dialect
    .addIdColumn(db.schema.createTable('users'))
    .addColumn('email', 'varchar(254)', (c) => c.notNull().unique())
    .addColumn('name', 'varchar(120)', (c) => c.notNull())
    .addColumn('role', 'varchar(16)', (c) => c.notNull())
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute()

  await dialect
    .addIdColumn(db.schema.createTable('sections'))
    .addColumn('slug', 'varchar(80)', (c) => c.notNull().unique())
    .addColumn('name', 'varchar(80)', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', ts, (c) => c.notNull())
    .execute()

  await dialect
    .addIdColumn(db.schema.createTable('photos'))
    .addColumn('storage_key', 'varchar(200)', (c) => c.notNull().unique())
    .addColumn('mime_type', 'varchar(40)', (c) => c.notNull())
    .addColumn('width', 'integer', (c) => c.notNull())
    .addColumn('height', 'integer', (c) => c.notNull())
    .addColumn('alt', 'text', (c) => c.notNull())
    .addColumn('caption', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('credit', 'varchar(200)', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', ts, (c) => c.notNull())
    .execute()

  await dialect
    .addIdColumn(db.schema.createTable('authors'))
    .addColumn('slug', 'varchar(80)', (c) => c.notNull().unique())
    .addColumn('name', 'varchar(120)', (c) => c.notNull())
    .addColumn('job_title', 'varchar(120)', (c) => c.notNull().defaultTo(''))
    .addColumn('bio', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('email', 'varchar(254)', (c) => c.notNull().defaultTo(''))
    .addColumn('photo_id', 'integer', (c) => c.references('photos.id').onDelete('set null'))
    .addColumn('user_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', ts, (c) => c.notNull())
    .execute()

  await dialect
    .addIdColumn(db.schema.createTable('articles'))
    .addColumn('slug', 'varchar(80)', (c) => c.notNull().unique())
    .addColumn('section_id', 'integer', (c) => c.notNull().references('sections.id'))
    .addColumn('headline', 'varchar(200)', (c) => c.notNull())
    .addColumn('dek', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('body_markdown', 'text', (c) => c.notNull())
    .addColumn('body_html', 'text', (c) => c.notNull())
    .addColumn('word_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('status', 'varchar(16)', (c) => c.notNull())
    .addColumn('lead_photo_id', 'integer', (c) => c.references('photos.id').onDelete('set null'))
    .addColumn('published_at', ts)
    .addColumn('updated_at', ts)
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('modified_at', ts, (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('articles_status_published_idx')
    .on('articles')
    .columns(['status', 'published_at'])
    .execute()
  await db.schema
    .createIndex('articles_section_status_published_idx')
    .on('articles')
    .columns(['section_id', 'status', 'published_at'])
    .execute()

  await db.schema
    .createTable('article_slug_redirects')
    .addColumn('old_slug', 'varchar(80)', (c) => c.primaryKey())
    .addColumn('article_id', 'integer', (c) =>
      c.notNull().references('articles.id').onDelete('cascade'),
    )
    .addColumn('created_at', ts, (c) => c.notNull())
    .execute()

  await db.schema
    .createTable('article_authors')
    .addColumn('article_id', 'integer', (c) =>
      c.notNull().references('articles.id').onDelete('cascade'),
    )
    .addColumn('author_id', 'integer', (c) => c.notNull().references('authors.id'))
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('article_authors_pk', ['article_id', 'author_id'])
    .execute()
  await db.schema
    .createIndex('article_authors_author_idx')
    .on('article_authors')
    .columns(['author_id', 'article_id'])
    .execute()

  await dialect
    .addIdColumn(db.schema.createTable('tags'))
    .addColumn('slug', 'varchar(80)', (c) => c.notNull().unique())
    .addColumn('name', 'varchar(80)', (c) => c.notNull())
    .execute()

  await db.schema
    .createTable('article_tags')
    .addColumn('article_id', 'integer', (c) =>
      c.notNull().references('articles.id').onDelete('cascade'),
    )
    .addColumn('tag_id', 'integer', (c) => c.notNull().references('tags.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('article_tags_pk', ['article_id', 'tag_id'])
    .execute()
  await db.schema
    .createIndex('article_tags_tag_idx')
    .on('article_tags')
    .columns(['tag_id', 'article_id'])
    .execute()

  await db.schema
    .createTable('article_views_hourly')
    .addColumn('article_id', 'integer', (c) =>
      c.notNull().references('articles.id').onDelete('cascade'),
    )
    .addColumn('hour', ts, (c) => c.notNull())
    .addColumn('views', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('article_views_hourly_pk', ['article_id', 'hour'])
    .execute()
  await db.schema
    .createIndex('article_views_hourly_hour_idx')
    .on('article_views_hourly')
    .columns(['hour', 'article_id'])
    .execute()

  await db.schema
    .createTable('editors_picks')
    .addColumn('list', 'varchar(32)', (c) => c.notNull())
    .addColumn('article_id', 'integer', (c) =>
      c.notNull().references('articles.id').onDelete('cascade'),
    )
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('created_at', ts, (c) => c.notNull())
    .addPrimaryKeyConstraint('editors_picks_pk', ['list', 'article_id'])
    .execute()

  await dialect
    .addIdColumn(db.schema.createTable('comments'))
    .addColumn('article_id', 'integer', (c) =>
      c.notNull().references('articles.id').onDelete('cascade'),
    )
    .addColumn('parent_id', 'integer', (c) => c.references('comments.id').onDelete('cascade'))
    .addColumn('author_name', 'varchar(50)', (c) => c.notNull())
    .addColumn('author_email', 'varchar(254)')
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('status', 'varchar(16)', (c) => c.notNull())
    .addColumn('reader_hash', 'varchar(64)')
    .addColumn('created_at', ts, (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('comments_article_status_created_idx')
    .on('comments')
    .columns(['article_id', 'status', 'created_at'])
    .execute()
}

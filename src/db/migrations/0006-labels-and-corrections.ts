/** Story labels (the type of work) and the public correction and update notes of a story. */

import type { Kysely } from 'kysely'
import type { DialectAdapter } from '../dialect/dialect.js'

/** Adds articles.label and the article_notes table. */
export async function up(db: Kysely<any>, dialect: DialectAdapter): Promise<void> {
  const ts = dialect.timestampType

  // Every story written before labels existed was straight news, which is also the default.
  await db.schema
    .alterTable('articles')
    .addColumn('label', 'varchar(16)', (c) => c.notNull().defaultTo('news'))
    .execute()

  // Notes are public and permanent: a correction is never edited away, only followed by another.
  await dialect
    .addIdColumn(db.schema.createTable('article_notes'))
    .addColumn('article_id', 'integer', (c) =>
      c.notNull().references('articles.id').onDelete('cascade'),
    )
    .addColumn('kind', 'varchar(16)', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_by_name', 'varchar(120)', (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('article_notes_article_created_idx')
    .on('article_notes')
    .columns(['article_id', 'created_at'])
    .execute()
  // The /corrections page reads the newest notes of one kind.
  await db.schema
    .createIndex('article_notes_kind_created_idx')
    .on('article_notes')
    .columns(['kind', 'created_at'])
    .execute()
}

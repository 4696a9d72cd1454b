/** The event outbox: events written in the same transaction as the change they announce. */

import type { Kysely } from 'kysely'
import type { DialectAdapter } from '../dialect/dialect.js'

/** Creates event_outbox. */
export async function up(db: Kysely<any>, dialect: DialectAdapter): Promise<void> {
  await dialect
    .addIdColumn(db.schema.createTable('event_outbox'))
    // article.published | article.updated | article.unpublished | comment.published
    .addColumn('topic', 'varchar(40)', (c) => c.notNull())
    // JSON: the story (and comment) the event is about.
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('created_at', dialect.timestampType, (c) => c.notNull())
    .execute()
}

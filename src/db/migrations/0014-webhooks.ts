/** Webhook subscriptions and their durable delivery queue (which is also the delivery log). */

import type { Kysely } from 'kysely'
import type { DialectAdapter } from '../dialect/dialect.js'

/** Creates webhooks and webhook_deliveries. */
export async function up(db: Kysely<any>, dialect: DialectAdapter): Promise<void> {
  const ts = dialect.timestampType
  await dialect
    .addIdColumn(db.schema.createTable('webhooks'))
    .addColumn('url', 'varchar(2000)', (c) => c.notNull())
    // Comma-separated event names: a handful at most, never queried one by one in SQL.
    .addColumn('events', 'varchar(200)', (c) => c.notNull())
    // Kept as is: it signs every request, so it must be readable (docs/decisions/0019-webhooks.md).
    .addColumn('secret', 'varchar(100)', (c) => c.notNull())
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('removed_at', ts)
    .execute()

  await dialect
    .addIdColumn(db.schema.createTable('webhook_deliveries'))
    .addColumn('webhook_id', 'integer', (c) => c.notNull().references('webhooks.id'))
    .addColumn('event', 'varchar(40)', (c) => c.notNull())
    // The story the event is about: deliveries of one story to one webhook go out in id order.
    .addColumn('story_id', 'integer')
    .addColumn('payload', 'text', (c) => c.notNull())
    // pending | delivered | failed (given up) | cancelled (webhook removed)
    .addColumn('status', 'varchar(12)', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_attempt_at', ts)
    .addColumn('last_attempt_at', ts)
    .addColumn('last_status_code', 'integer')
    .addColumn('last_duration_ms', 'integer')
    .addColumn('last_error', 'varchar(500)')
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('finished_at', ts)
    .execute()
  // The job's question: which pending rows are due?
  await db.schema
    .createIndex('webhook_deliveries_due')
    .on('webhook_deliveries')
    .columns(['status', 'next_attempt_at'])
    .execute()
  // The ordering question: is an earlier delivery of this story still pending?
  await db.schema
    .createIndex('webhook_deliveries_story')
    .on('webhook_deliveries')
    .columns(['webhook_id', 'story_id', 'status', 'id'])
    .execute()
}

/** Abuse controls: comments and reports keyed by address as well as reader, moderator approval, posting gates. */

import type { Kysely } from 'kysely'
import type { DialectAdapter } from '../dialect/dialect.js'

/** Adds the address columns, the approval time and the per-address posting gate. */
export async function up(db: Kysely<any>, dialect: DialectAdapter): Promise<void> {
  const ts = dialect.timestampType

  // A salted hash of the poster's address (IPv4, or an IPv6 /64): limits per address as well as
  // per reader, since a client that rotates its User-Agent is a new reader every time.
  await db.schema.alterTable('comments').addColumn('address_hash', 'varchar(64)').execute()
  await db.schema
    .createIndex('comments_address_created_idx')
    .on('comments')
    .columns(['address_hash', 'created_at'])
    .execute()
  // When a moderator last approved the comment: reports then send it to the queue, never hide it.
  await db.schema.alterTable('comments').addColumn('approved_at', ts).execute()

  // Reports count once per address: the primary key (comment_id, address_hash) is the rule.
  // Rows written before this migration keep their reader hashes, which no address hash equals.
  await db.schema
    .alterTable('comment_reports')
    .renameColumn('reader_hash', 'address_hash')
    .execute()
  await db.schema
    .createIndex('comment_reports_address_created_idx')
    .on('comment_reports')
    .columns(['address_hash', 'created_at'])
    .execute()

  // One row per posting address: a post's first statement updates it, which makes concurrent
  // posts from one address wait for each other (a row lock on PostgreSQL, the write lock on
  // SQLite), so the rate limit and the repeat check see every earlier post.
  await db.schema
    .createTable('comment_post_gates')
    .addColumn('address_hash', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('posted_at', ts, (c) => c.notNull())
    .execute()
}

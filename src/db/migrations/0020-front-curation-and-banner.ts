/** Front page curation: must-read slots that expire, a log of every change, and the breaking-news banner. */

import type { Kysely } from 'kysely'
import type { DialectAdapter } from '../dialect/dialect.js'

/** Adds editors_picks.expires_at; creates front_changes and breaking_banners. */
export async function up(db: Kysely<any>, dialect: DialectAdapter): Promise<void> {
  const ts = dialect.timestampType
  // A must-read may be picked until a given time; null: until an editor changes it.
  await db.schema.alterTable('editors_picks').addColumn('expires_at', ts).execute()

  await dialect
    .addIdColumn(db.schema.createTable('front_changes'))
    // Null when the system made the change (a must-read or banner reaching its expiry).
    .addColumn('user_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    // The name at the time: the log stays readable after a user is renamed or removed.
    .addColumn('user_name', 'varchar(200)', (c) => c.notNull())
    // top.add | top.remove | top.move | top.reorder | must-read.set | must-read.clear |
    // must-read.expire | banner.set | banner.take-down | banner.expire
    .addColumn('action', 'varchar(40)', (c) => c.notNull())
    .addColumn('detail', 'varchar(500)', (c) => c.notNull())
    .addColumn('created_at', ts, (c) => c.notNull())
    .execute()

  await dialect
    .addIdColumn(db.schema.createTable('breaking_banners'))
    .addColumn('text', 'varchar(300)', (c) => c.notNull())
    .addColumn('link', 'varchar(2000)')
    .addColumn('expires_at', ts, (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('taken_down_at', ts)
    .addColumn('taken_down_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    // Set by the expiry job once the purge for the banner's expiry went out (sent once).
    .addColumn('expiry_announced_at', ts)
    .execute()
  // Readers' question on every page render: the newest banner still up.
  await db.schema
    .createIndex('breaking_banners_live')
    .on('breaking_banners')
    .columns(['taken_down_at', 'expires_at'])
    .execute()
}

/** Site settings an admin changes in the newsroom; each row overrides a configuration default. */

import type { Kysely } from 'kysely'
import type { DialectAdapter } from '../dialect/dialect.js'

/** Creates site_settings (key → JSON value). */
export async function up(db: Kysely<any>, dialect: DialectAdapter): Promise<void> {
  await db.schema
    .createTable('site_settings')
    // site.name | site.language | comments.mode | newsroom.authorsMayPublish
    .addColumn('key', 'varchar(64)', (c) => c.primaryKey())
    // JSON, so one table holds strings and booleans alike; checked by the settings service.
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('updated_at', dialect.timestampType, (c) => c.notNull())
    // Who changed it last (null once that user is gone).
    .addColumn('updated_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .execute()
}

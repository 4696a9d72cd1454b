/** Site settings an admin changes in the newsroom; each row overrides a configuration default. */

import type { Kysely } from 'kysely'
import type { DialectAdapter } from '../dialect/dialect.js'

/** Creates site_settings (key → JSON value) and section_slug_redirects. */
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

  // A section's former addresses: /old-slug answers 301 to the section's current one.
  await db.schema
    .createTable('section_slug_redirects')
    .addColumn('old_slug', 'varchar(100)', (c) => c.primaryKey())
    .addColumn('section_id', 'integer', (c) =>
      c.notNull().references('sections.id').onDelete('cascade'),
    )
    .addColumn('created_at', dialect.timestampType, (c) => c.notNull())
    .execute()
}

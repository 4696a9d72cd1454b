/** The banned-word list moves from configuration to the database, where moderators edit it. */

import type { Kysely } from 'kysely'
import type { DialectAdapter } from '../dialect/dialect.js'

/** Creates comment_banned_words. */
export async function up(db: Kysely<any>, dialect: DialectAdapter): Promise<void> {
  await db.schema
    .createTable('comment_banned_words')
    // The word or phrase in its matching form (lower case, accents stripped, single spaces), so
    // "Scoundrel" and "SCOUNDRÉL" are one entry and the primary key refuses the second.
    .addColumn('word', 'varchar(200)', (c) => c.primaryKey())
    // A newsroom user id, or "cli".
    .addColumn('added_by', 'varchar(64)', (c) => c.notNull())
    .addColumn('created_at', dialect.timestampType, (c) => c.notNull())
    .execute()
}

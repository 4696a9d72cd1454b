/** Who in the newsroom wrote a comment: the user and the badge readers see beside the name. */

import type { Kysely } from 'kysely'
import type { DialectAdapter } from '../dialect/dialect.js'

/** Adds comments.author_user_id and comments.author_badge (both null for readers' comments). */
export async function up(db: Kysely<any>, _dialect: DialectAdapter): Promise<void> {
  // Set only by the newsroom's reply route from the signed-in session, never from a form field,
  // so a reader cannot claim it.
  await db.schema
    .alterTable('comments')
    .addColumn('author_user_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .execute()
  // 'staff' or 'author' (a byline of the story), fixed when the reply is written: a later byline
  // change does not rewrite what readers were shown.
  await db.schema.alterTable('comments').addColumn('author_badge', 'varchar(10)').execute()
}

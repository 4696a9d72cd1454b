/** Newsroom sign-in: server-side sessions, deactivated users, sign-in throttles and password reset tokens. */

import type { Kysely } from 'kysely'
import type { DialectAdapter } from '../dialect/dialect.js'

/** Adds users.deactivated_at and the session, throttle and reset-token tables. */
export async function up(db: Kysely<any>, dialect: DialectAdapter): Promise<void> {
  const ts = dialect.timestampType

  // A deactivated user keeps their row (bylines and revisions point at it) but cannot sign in.
  await db.schema.alterTable('users').addColumn('deactivated_at', ts).execute()

  // Only the SHA-256 of a session token is stored: a copy of the database signs nobody in.
  await db.schema
    .createTable('newsroom_sessions')
    .addColumn('token_hash', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('last_seen_at', ts, (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('newsroom_sessions_user_idx')
    .on('newsroom_sessions')
    .column('user_id')
    .execute()

  // Failed sign-ins per key (a hashed e-mail, known or not, or a hashed address). The key is
  // hashed so the table never holds what strangers typed into the e-mail field.
  await db.schema
    .createTable('sign_in_throttles')
    .addColumn('key_hash', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('failures', 'integer', (c) => c.notNull())
    .addColumn('last_failure_at', ts, (c) => c.notNull())
    .execute()

  await db.schema
    .createTable('password_reset_tokens')
    .addColumn('token_hash', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('expires_at', ts, (c) => c.notNull())
    .addColumn('used_at', ts)
    .execute()
  await db.schema
    .createIndex('password_reset_tokens_user_idx')
    .on('password_reset_tokens')
    .column('user_id')
    .execute()
}

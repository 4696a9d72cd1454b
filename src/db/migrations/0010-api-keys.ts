/** Content API keys: named, stored as a hash, revocable. */

import type { Kysely } from 'kysely'
import type { DialectAdapter } from '../dialect/dialect.js'

/** Creates api_keys. */
export async function up(db: Kysely<any>, dialect: DialectAdapter): Promise<void> {
  const ts = dialect.timestampType
  await dialect
    .addIdColumn(db.schema.createTable('api_keys'))
    .addColumn('name', 'varchar(100)', (c) => c.notNull())
    // The first characters of the key, shown in listings so an operator can tell keys apart.
    .addColumn('prefix', 'varchar(16)', (c) => c.notNull())
    // SHA-256 of the whole key: keys are 32 random bytes, so a fast hash is as good as a slow one.
    .addColumn('key_hash', 'varchar(64)', (c) => c.notNull().unique())
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('last_used_at', ts)
    .addColumn('revoked_at', ts)
    .execute()
}

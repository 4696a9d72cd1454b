/** Runs the migrations in src/db/migrations, in name order, on either dialect. */

import { Migrator, type Migration, type MigrationProvider, type MigrationResultSet } from 'kysely'
import type { DatabaseHandle } from './database.js'
import type { DialectAdapter } from './dialect/dialect.js'
import * as m0001 from './migrations/0001-create-core-tables.js'
import * as m0002 from './migrations/0002-engagement-co-reads-and-salts.js'
import * as m0003 from './migrations/0003-comment-moderation.js'
import * as m0004 from './migrations/0004-abuse-controls.js'
import * as m0005 from './migrations/0005-site-search.js'
import * as m0006 from './migrations/0006-labels-and-corrections.js'
import * as m0007 from './migrations/0007-newsroom-sessions.js'
import * as m0008 from './migrations/0008-story-revisions-workflow.js'
import * as m0010 from './migrations/0010-api-keys.js'
import * as m0012 from './migrations/0012-search-prefix-index.js'
import * as m0013 from './migrations/0013-photo-library.js'
import * as m0014 from './migrations/0014-webhooks.js'
import * as m0015 from './migrations/0015-imports.js'
import * as m0018 from './migrations/0018-event-outbox.js'
import * as m0019 from './migrations/0019-comment-banned-words.js'
import * as m0020 from './migrations/0020-front-curation-and-banner.js'
import * as m0021 from './migrations/0021-scale-out.js'
import * as m0022 from './migrations/0022-newsroom-dashboard.js'
import * as m0023 from './migrations/0023-comment-staff-badge.js'
import * as m0024 from './migrations/0024-site-settings.js'
import * as m0026 from './migrations/0026-section-author-views.js'
import * as m0027 from './migrations/0027-covering-story-list-indexes.js'
import * as m0028 from './migrations/0028-shared-view-caps-and-co-reads.js'

interface DialectMigration {
  up(db: Parameters<Migration['up']>[0], dialect: DialectAdapter): Promise<void>
}

// Listed explicitly (not read from disk) so the set is fixed at build time and typed.
const MIGRATIONS: Record<string, DialectMigration> = {
  '0001-create-core-tables': m0001,
  '0002-engagement-co-reads-and-salts': m0002,
  '0003-comment-moderation': m0003,
  '0004-abuse-controls': m0004,
  '0005-site-search': m0005,
  '0006-labels-and-corrections': m0006,
  '0007-newsroom-sessions': m0007,
  '0008-story-revisions-workflow': m0008,
  '0010-api-keys': m0010,
  '0012-search-prefix-index': m0012,
  '0013-photo-library': m0013,
  '0014-webhooks': m0014,
  '0015-imports': m0015,
  '0018-event-outbox': m0018,
  '0019-comment-banned-words': m0019,
  '0020-front-curation-and-banner': m0020,
  '0021-scale-out': m0021,
  '0022-newsroom-dashboard': m0022,
  '0023-comment-staff-badge': m0023,
  '0024-site-settings': m0024,
  '0026-section-author-views': m0026,
  '0027-covering-story-list-indexes': m0027,
  '0028-shared-view-caps-and-co-reads': m0028,
}

/** Brings the schema to the newest migration; returns the names applied now. */
export async function migrateToLatest({ db, dialect, schema }: DatabaseHandle): Promise<string[]> {
  const provider: MigrationProvider = {
    getMigrations: async () =>
      Object.fromEntries(
        Object.entries(MIGRATIONS).map(([name, migration]) => [
          name,
          { up: (d) => migration.up(d, dialect) },
        ]),
      ),
  }
  const { error, results }: MigrationResultSet = await new Migrator({
    db,
    provider,
    // Kysely looks for its bookkeeping tables in every schema unless told which one is ours.
    ...(schema === undefined ? {} : { migrationTableSchema: schema }),
    // Migration numbers were handed out to parallel work (0006 and 0008 landed before 0007): a
    // database migrated in between must take the missing lower number later, not refuse to start.
    allowUnorderedMigrations: true,
    // Names are ASCII ("0007-…"): code-unit order is theirs, and Kysely's default localeCompare
    // maps ICU's collation data (about 2 MiB of the idle server) for nothing.
    nameComparator: (a, b) => (a < b ? -1 : a > b ? 1 : 0),
  }).migrateToLatest()
  if (error !== undefined)
    throw error instanceof Error ? error : new Error('migration failed', { cause: error })
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName)
}

/** What imports from other platforms remember: which local row each source record became, and old URLs. */

import type { Kysely } from 'kysely'
import type { DialectAdapter } from '../dialect/dialect.js'

/** Creates import_sources and import_redirects. */
export async function up(db: Kysely<any>, dialect: DialectAdapter): Promise<void> {
  const ts = dialect.timestampType
  // One row per record ever imported: re-running an import finds its story (or author, section,
  // photo) here and updates it instead of adding a second one.
  await db.schema
    .createTable('import_sources')
    // The system and site the record came from ("wordpress https://example.org").
    .addColumn('source', 'varchar(300)', (c) => c.notNull())
    // story | author | section | photo
    .addColumn('kind', 'varchar(20)', (c) => c.notNull())
    .addColumn('source_id', 'varchar(300)', (c) => c.notNull())
    .addColumn('local_id', 'integer', (c) => c.notNull())
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .addPrimaryKeyConstraint('import_sources_pk', ['source', 'kind', 'source_id'])
    .execute()

  // Addresses stories had on the old platform (path and, for `/?p=123`, the query), answered
  // with a 301 to the story's address here.
  await db.schema
    .createTable('import_redirects')
    .addColumn('path', 'varchar(2000)', (c) => c.primaryKey())
    .addColumn('article_id', 'integer', (c) => c.notNull().references('articles.id'))
    .addColumn('created_at', ts, (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('import_redirects_article')
    .on('import_redirects')
    .column('article_id')
    .execute()
}

/** The newsroom's photo library: who uploaded a photo and the file name it came with. */

import type { Kysely } from 'kysely'
import type { DialectAdapter } from '../dialect/dialect.js'

/** Adds photos.original_name and photos.uploaded_by, and the library's newest-first index. */
export async function up(db: Kysely<any>, _dialect: DialectAdapter): Promise<void> {
  // Photos stored before uploads existed (the demo's) came with no file name: empty, not null,
  // so the library's search treats every row alike.
  await db.schema
    .alterTable('photos')
    .addColumn('original_name', 'varchar(255)', (c) => c.notNull().defaultTo(''))
    .execute()
  // Kept when the user goes: the photo stays in the library and in the stories that use it.
  await db.schema
    .alterTable('photos')
    .addColumn('uploaded_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .execute()
  await db.schema
    .createIndex('photos_created_idx')
    .on('photos')
    .columns(['created_at', 'id'])
    .execute()
}

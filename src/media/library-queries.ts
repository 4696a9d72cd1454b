/** Data access for the photo library: search newest first, one photo, and its editorial texts. */

import { sql } from 'kysely'
import type { Db } from '../db/database.js'
import { fromDbTime, toNumber } from '../db/time-codec.js'
import { photoFromRow } from './photo-row.js'
import type { LibraryPhoto, PhotoInput, PhotoPage } from './types.js'

const LIBRARY_COLUMNS = [
  'id',
  'storage_key',
  'mime_type',
  'width',
  'height',
  'alt',
  'caption',
  'credit',
  'original_name',
  'created_at',
] as const

/** At most this many words of a query are matched (each must appear in some field). */
const MAX_WORDS = 8

/** `%word%` LIKE patterns for each word of `query`, with LIKE's own characters escaped. */
function wordPatterns(query: string): string[] {
  return query
    .trim()
    .toLowerCase()
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, MAX_WORDS)
    .map((w) => `%${w.replace(/[\\%_]/g, (c) => `\\${c}`)}%`)
}

/**
 * One page of photos whose alt text, caption, credit or file name contain every word of `query`
 * (or whose number it is), newest first. A LIKE scan: fine for a newsroom's tens of thousands of
 * photos; a larger archive would want the search domain's index.
 */
export async function searchLibrary(
  db: Db,
  query: string,
  page: number,
  perPage: number,
): Promise<PhotoPage> {
  let base = db.selectFrom('photos')
  const patterns = wordPatterns(query)
  const asId = /^\d{1,9}$/.test(query.trim()) ? Number(query.trim()) : undefined
  if (patterns.length > 0) {
    base = base.where((eb) => {
      const words = eb.and(
        patterns.map((p) =>
          eb.or(
            (['alt', 'caption', 'credit', 'original_name'] as const).map(
              (column) => sql<boolean>`lower(${sql.ref(column)}) like ${p} escape '\\'`,
            ),
          ),
        ),
      )
      return asId === undefined ? words : eb.or([words, eb('id', '=', asId)])
    })
  }
  const [countRow, rows] = await Promise.all([
    base.select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirstOrThrow(),
    base
      .select(LIBRARY_COLUMNS)
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(perPage)
      .offset((page - 1) * perPage)
      .execute(),
  ])
  const total = toNumber(countRow.n)
  return {
    items: rows.map(libraryPhotoFromRow),
    page,
    perPage,
    total,
    totalPages: Math.max(1, Math.ceil(total / perPage)),
  }
}

/** The photo with `id` as the library shows it, or undefined. */
export async function libraryPhotoById(db: Db, id: number): Promise<LibraryPhoto | undefined> {
  const row = await db
    .selectFrom('photos')
    .select(LIBRARY_COLUMNS)
    .where('id', '=', id)
    .executeTakeFirst()
  return row === undefined ? undefined : libraryPhotoFromRow(row)
}

/** Replaces a photo's alt text, caption and credit; false when there is no such photo. */
export async function updatePhotoTexts(db: Db, id: number, fields: PhotoInput): Promise<boolean> {
  const result = await db
    .updateTable('photos')
    .set({ alt: fields.alt, caption: fields.caption, credit: fields.credit })
    .where('id', '=', id)
    .executeTakeFirst()
  return Number(result.numUpdatedRows) > 0
}

function libraryPhotoFromRow(
  row: Parameters<typeof photoFromRow>[0] & { original_name: string; created_at: Date | string },
): LibraryPhoto {
  return {
    ...photoFromRow(row),
    originalName: row.original_name,
    createdAt: fromDbTime(row.created_at),
  }
}

/** Data access for the photos table. */

import type { Db } from '../db/database.js'
import { toDbTime } from '../db/time-codec.js'
import { photoFromRow } from './photo-row.js'
import type { Photo } from './types.js'

/** Where an uploaded photo came from (seeded photos have neither). */
export interface PhotoOrigin {
  originalName: string
  uploadedBy: number
}

/** Inserts one photo row and returns it as a Photo. */
export async function insertPhoto(
  db: Db,
  photo: Omit<Photo, 'id'>,
  now: Date,
  origin?: PhotoOrigin,
): Promise<Photo> {
  const { id } = await db
    .insertInto('photos')
    .values({
      storage_key: photo.storageKey,
      mime_type: photo.mimeType,
      width: photo.width,
      height: photo.height,
      alt: photo.alt,
      caption: photo.caption,
      credit: photo.credit,
      created_at: toDbTime(now),
      ...(origin === undefined
        ? {}
        : { original_name: origin.originalName, uploaded_by: origin.uploadedBy }),
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return { id, ...photo }
}

/** The photos with these ids (unknown ids are simply absent from the map). */
export async function photosByIds(db: Db, ids: readonly number[]): Promise<Map<number, Photo>> {
  const wanted = [...new Set(ids.filter((id) => Number.isSafeInteger(id)))]
  const found = new Map<number, Photo>()
  if (wanted.length === 0) return found
  // Chunked so a long list stays under SQLite's bound-parameter limit.
  for (let i = 0; i < wanted.length; i += 500) {
    const rows = await db
      .selectFrom('photos')
      .select(['id', 'storage_key', 'mime_type', 'width', 'height', 'alt', 'caption', 'credit'])
      .where('id', 'in', wanted.slice(i, i + 500))
      .execute()
    for (const row of rows) found.set(row.id, photoFromRow(row))
  }
  return found
}

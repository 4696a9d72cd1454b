/** Maps a photos row (or the same columns selected under a join) to a Photo. */

import type { Selectable } from 'kysely'
import type { PhotosTable } from '../db/schema.js'
import type { Photo } from './types.js'

export type PhotoRow = Pick<
  Selectable<PhotosTable>,
  'id' | 'storage_key' | 'mime_type' | 'width' | 'height' | 'alt' | 'caption' | 'credit'
>

/** The Photo for `row`. */
export function photoFromRow(row: PhotoRow): Photo {
  return {
    id: row.id,
    storageKey: row.storage_key,
    mimeType: row.mime_type,
    width: row.width,
    height: row.height,
    alt: row.alt,
    caption: row.caption,
    credit: row.credit,
  }
}

/** The media domain's public surface: createMedia, photo types and the rendition rule. */

import type { Db } from '../db/database.js'
import type { Clock } from '../lib/clock.js'
import { fileForPublicPath, newStorageKey, removeFiles, writeFiles } from './disk-storage.js'
import { mediaFieldTooLong } from './errors.js'
import { encodeRenditions, IMAGE_LIMITS, inspectImage } from './image-encoding.js'
import type { Media } from './media.js'
import { insertPhoto, photosByIds } from './photo-queries.js'
import type { PhotoInput } from './types.js'
import { variantPath } from './variants.js'

export type { Media }
export type * from './types.js'
export { photoFromRow, type PhotoRow } from './photo-row.js'
export {
  photoVariants,
  variantPath,
  variantWidths,
  VARIANT_FORMATS,
  VARIANT_WIDTHS,
  type VariantFormat,
} from './variants.js'
export { IMAGE_LIMITS }

export interface MediaDeps {
  db: Db
  clock: Clock
  /** The folder that holds every rendition (config.media.dir). */
  dir: string
}

/** Longest editorial fields; credit matches its varchar(200) column. */
const FIELD_LIMITS = { alt: 1000, caption: 2000, credit: 200 } as const

/**
 * Builds the media service, storing renditions on the local disk under `dir`.
 * @example const photo = await createMedia({ db, clock, dir }).savePhoto(bytes, { alt, caption, credit })
 */
export function createMedia({ db, clock, dir }: MediaDeps): Media {
  return {
    savePhoto: async (image, input) => {
      const fields = editorialFields(input)
      const source = await inspectImage(image)
      const renditions = await encodeRenditions(image, source)
      const now = clock.now()
      const storageKey = newStorageKey(now)
      // Files first, then the row: a row never points at missing files.
      const files = await writeFiles(
        dir,
        renditions.map((r) => [
          variantPath(storageKey, r.width, r.format).slice('/media/'.length),
          r.bytes,
        ]),
      )
      try {
        return await insertPhoto(
          db,
          {
            storageKey,
            mimeType: source.mimeType,
            width: source.width,
            height: source.height,
            ...fields,
          },
          now,
        )
      } catch (error) {
        await removeFiles(files)
        throw error
      }
    },
    getPhotos: (ids) => photosByIds(db, ids),
    resolveFile: (publicPath) => fileForPublicPath(dir, publicPath),
  }
}

function editorialFields(input: PhotoInput): PhotoInput {
  const fields = {
    alt: input.alt.trim(),
    caption: input.caption.trim(),
    credit: input.credit.trim(),
  }
  for (const field of ['alt', 'caption', 'credit'] as const) {
    if (fields[field].length > FIELD_LIMITS[field])
      throw mediaFieldTooLong(field, FIELD_LIMITS[field])
  }
  return fields
}

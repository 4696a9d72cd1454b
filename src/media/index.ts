/** The media domain's public surface: createMedia, photo types and the rendition rule. */

import type { Db } from '../db/database.js'
import type { Clock } from '../lib/clock.js'
import { mediaFieldTooLong } from './errors.js'
import { ensureCrop } from './crops.js'
import { encodeCrops, encodeRenditions, IMAGE_LIMITS, inspectImage } from './image-encoding.js'
import type { Media } from './media.js'
import { insertPhoto, photosByIds } from './photo-queries.js'
import type { MediaStorage } from './storage.js'
import { fileKeyOf, newStorageKey } from './storage-keys.js'
import type { PhotoInput } from './types.js'
import { cropPath, variantPath } from './variants.js'

export type { Media }
export type * from './types.js'
export { photoFromRow, type PhotoRow } from './photo-row.js'
export {
  CROP_RATIOS,
  cropBox,
  photoCrops,
  type CropRatio,
  photoVariants,
  variantPath,
  variantWidths,
  VARIANT_FORMATS,
  VARIANT_WIDTHS,
  type VariantFormat,
} from './variants.js'
export { IMAGE_LIMITS }
export { createDiskStorage } from './disk-storage.js'
export type { ByteRange, MediaStorage, OpenedFile, StoredFileInfo } from './storage.js'

export interface MediaDeps {
  db: Db
  clock: Clock
  /** Where renditions are kept (the disk under config.media.dir today). */
  storage: MediaStorage
}

/** Longest editorial fields; credit matches its varchar(200) column. */
const FIELD_LIMITS = { alt: 1000, caption: 2000, credit: 200 } as const

/**
 * Builds the media service, keeping renditions in `storage`.
 * @example const photo = await createMedia({ db, clock, storage }).savePhoto(bytes, { alt, caption, credit })
 */
export function createMedia({ db, clock, storage }: MediaDeps): Media {
  return {
    savePhoto: async (image, input) => {
      const fields = editorialFields(input)
      const source = await inspectImage(image)
      const [renditions, crops] = await Promise.all([
        encodeRenditions(image, source),
        encodeCrops(image, source),
      ])
      const now = clock.now()
      const storageKey = newStorageKey(now)
      // Files first, then the row: a row never points at missing files.
      const files = [
        ...renditions.map(
          (r) => [fileKeyOf(variantPath(storageKey, r.width, r.format)) ?? '', r.bytes] as const,
        ),
        ...crops.map(
          (c) => [fileKeyOf(cropPath(storageKey, c.ratio, c.width)) ?? '', c.bytes] as const,
        ),
      ]
      await storage.writeAll(files)
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
        await storage.removeAll(files.map(([key]) => key))
        throw error
      }
    },
    getPhotos: (ids) => photosByIds(db, ids),
    statFile: async (publicPath) => {
      const key = fileKeyOf(publicPath)
      if (key === undefined) return undefined
      const info = await storage.stat(key)
      if (info !== undefined) return info
      return (await ensureCrop(db, storage, key)) ? storage.stat(key) : undefined
    },
    openFile: async (publicPath, range) => {
      const key = fileKeyOf(publicPath)
      return key === undefined ? undefined : storage.open(key, range)
    },
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

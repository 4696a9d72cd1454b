/** Storing a photo: encode its renditions and crops, write the files, then record the row. */

import type { Db } from '../db/database.js'
import type { Clock } from '../lib/clock.js'
import {
  encodeCrops,
  encodeRenditions,
  type ImageInput,
  type Rendition,
  type SourceImage,
} from './image-encoding.js'
import { insertPhoto, type PhotoOrigin } from './photo-queries.js'
import type { MediaStorage } from './storage.js'
import { fileKeyOf, newStorageKey } from './storage-keys.js'
import type { Photo, PhotoInput } from './types.js'
import { cropPath, type CropRatio, variantPath } from './variants.js'

/** One encoded crop (variants.ts CROP_RATIOS). */
export interface EncodedCrop {
  ratio: CropRatio
  width: number
  bytes: Buffer
}

export interface StorePhotoDeps {
  db: Db
  clock: Clock
  storage: MediaStorage
}

/** A photo's renditions and crops, encoded and ready to store (see encodePhoto). */
export interface EncodedPhoto {
  source: SourceImage
  renditions: Rendition[]
  crops: EncodedCrop[]
}

/**
 * Encodes `image` (already inspected as `source`). sharp is given no metadata option, so EXIF
 * (GPS above all), XMP and IPTC never reach a stored file; the EXIF orientation is applied to
 * the pixels first.
 */
export async function encodePhoto(image: ImageInput, source: SourceImage): Promise<EncodedPhoto> {
  const [renditions, crops] = await Promise.all([
    encodeRenditions(image, source),
    encodeCrops(image, source),
  ])
  return { source, renditions, crops }
}

/** Encodes `image` and stores it with `fields`; nothing partial is kept on failure. */
export async function storePhoto(
  deps: StorePhotoDeps,
  image: ImageInput,
  source: SourceImage,
  fields: PhotoInput,
  origin?: PhotoOrigin,
): Promise<Photo> {
  return storeEncodedPhoto(deps, await encodePhoto(image, source), fields, origin)
}

/** Writes an encoded photo's files, then records its row; nothing partial is kept on failure. */
export async function storeEncodedPhoto(
  { db, clock, storage }: StorePhotoDeps,
  { source, renditions, crops }: EncodedPhoto,
  fields: PhotoInput,
  origin?: PhotoOrigin,
): Promise<Photo> {
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
      origin,
    )
  } catch (error) {
    await storage.removeAll(files.map(([key]) => key))
    throw error
  }
}

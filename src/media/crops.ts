/**
 * Crops for photos stored before crops existed: made on first request from the photo's widest
 * stored JPEG (no original is kept), then stored like any rendition, so each is made once.
 */

import type { Db } from '../db/database.js'
import { encodeCrops } from './image-encoding.js'
import type { MediaStorage } from './storage.js'
import { cropOfFileKey, fileKeyOf } from './storage-keys.js'
import { cropBox, variantPath, variantWidths } from './variants.js'

/**
 * Makes the crop at file `key` when it is a crop of a known photo at the width that photo's crops
 * have; true when the file exists afterwards. Any other key is left alone (false).
 */
export async function ensureCrop(db: Db, storage: MediaStorage, key: string): Promise<boolean> {
  const crop = cropOfFileKey(key)
  if (crop === undefined) return false
  const photo = await db
    .selectFrom('photos')
    .select(['width', 'height'])
    .where('storage_key', '=', crop.storageKey)
    .executeTakeFirst()
  // Only the one width each crop has: no request can make the server encode arbitrary sizes.
  if (photo === undefined || cropBox(photo, crop.ratio).width !== crop.width) return false
  const widest = Math.max(...variantWidths(photo.width))
  const sourceKey = fileKeyOf(variantPath(crop.storageKey, widest, 'jpeg'))
  const source = sourceKey === undefined ? undefined : await storage.open(sourceKey)
  if (source === undefined) return false
  const chunks: Buffer[] = []
  for await (const chunk of source.stream) chunks.push(chunk as Buffer)
  const size = { width: widest, height: Math.round((photo.height * widest) / photo.width) }
  const [made] = await encodeCrops(Buffer.concat(chunks), size, [crop.ratio], () => crop.width)
  if (made === undefined) return false
  try {
    await storage.writeAll([[key, made.bytes]])
  } catch (error) {
    // Two first requests at once: the other one wrote it (files are never overwritten).
    if ((await storage.stat(key)) === undefined) throw error
  }
  return true
}

/** The media domain's public surface: createMedia, photo types and the rendition rule. */

import type { Db } from '../db/database.js'
import type { Clock } from '../lib/clock.js'
import { ensureCrop } from './crops.js'
import { IMAGE_LIMITS, inspectImage } from './image-encoding.js'
import { createPhotoLibrary, type PhotoLibrary } from './library.js'
import { createSiteLogos, ensureLogo, type SiteLogos } from './logo.js'
import type { Media } from './media.js'
import { editorialFields } from './photo-fields.js'
import { photosByIds } from './photo-queries.js'
import type { MediaStorage } from './storage.js'
import { encodePhoto, type EncodedPhoto, storeEncodedPhoto, storePhoto } from './store-photo.js'
import { fileKeyOf } from './storage-keys.js'

export type { Media, PhotoLibrary, SiteLogos }
export {
  LOGO_DISPLAY_BOX,
  LOGO_LIMITS,
  logoRenditions,
  type LogoImage,
  type LogoRenditions,
} from './logo-renditions.js'
export type { EncodedCrop, EncodedPhoto } from './store-photo.js'
export { UPLOAD_TYPES, type UploadType } from './upload-types.js'
export { FIELD_LIMITS as PHOTO_FIELD_LIMITS } from './photo-fields.js'
export {
  mediaLogoShape,
  mediaLogoTooSmall,
  mediaPhotoNotFound,
  mediaUploadIncomplete,
  mediaUploadMissing,
  mediaUploadTooLarge,
} from './errors.js'
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
export { fileKeyOf } from './storage-keys.js'
export type { ByteRange, MediaStorage, OpenedFile, StoredFileInfo } from './storage.js'

export interface MediaDeps {
  db: Db
  clock: Clock
  /** Where renditions are kept (the disk under config.media.dir today). */
  storage: MediaStorage
  /** The largest file the newsroom may upload, in bytes (config.media.uploadMaxBytes; 20 MiB). */
  uploadMaxBytes?: number
}

/** Encodes an image's renditions and crops, storing nothing (media.encodePhoto, the build). */
export async function encodeImage(image: Buffer): Promise<EncodedPhoto> {
  return encodePhoto(image, await inspectImage(image))
}

/**
 * Builds the media service, keeping renditions in `storage`.
 * @example const photo = await createMedia({ db, clock, storage, uploadMaxBytes }).savePhoto(bytes, { alt, caption, credit })
 */
export function createMedia({ db, clock, storage, uploadMaxBytes }: MediaDeps): Media {
  const limits = { uploadMaxBytes: uploadMaxBytes ?? 20 * 1024 * 1024 }
  const library = createPhotoLibrary({ db, clock, storage, ...limits })
  const logos = createSiteLogos({ db, clock, storage, ...limits })
  return {
    ...library,
    ...logos,
    savePhoto: async (image, input) => {
      const fields = editorialFields(input)
      return storePhoto({ db, clock, storage }, image, await inspectImage(image), fields)
    },
    encodePhoto: encodeImage,
    saveEncodedPhoto: (encoded, input) =>
      storeEncodedPhoto({ db, clock, storage }, encoded, editorialFields(input)),
    getPhotos: (ids) => photosByIds(db, ids),
    statFile: async (publicPath) => {
      const key = fileKeyOf(publicPath)
      if (key === undefined) return undefined
      const info = await storage.stat(key)
      if (info !== undefined) return info
      const made = (await ensureCrop(db, storage, key)) || (await ensureLogo(db, storage, key))
      return made ? storage.stat(key) : undefined
    },
    openFile: async (publicPath, range) => {
      const key = fileKeyOf(publicPath)
      return key === undefined ? undefined : storage.open(key, range)
    },
  }
}

/**
 * The site logo: an upload checked like any photo plus the logo's own rules, stored as a photo
 * of the library (so exports, restores and the library carry it) with its PNG renditions, which
 * are remade on first request when missing (a restored site, a failed write).
 */

import { type Actor, requirePermission } from '../accounts/index.js'
import type { Db } from '../db/database.js'
import { mediaLogoShape, mediaLogoTooSmall } from './errors.js'
import { encodeLogoPng, type ImageInput } from './image-encoding.js'
import { fitInside, LOGO_BOXES, LOGO_KINDS, LOGO_LIMITS, logoPath } from './logo-renditions.js'
import { cleanFileName } from './photo-fields.js'
import type { MediaStorage } from './storage.js'
import { fileKeyOf, logoOfFileKey } from './storage-keys.js'
import { storePhoto, type StorePhotoDeps } from './store-photo.js'
import type { Photo, ReceivedUpload } from './types.js'
import { checkUpload } from './upload-check.js'
import { variantPath, variantWidths } from './variants.js'

/** What the library records about a logo (it is listed there like any photo). */
const LOGO_TEXTS = { alt: '', caption: 'Site logo', credit: '' }

/** The logo's part of the media service. */
export interface SiteLogos {
  /** The largest file a logo may be, in bytes (the smaller of 5 MiB and the upload limit). */
  readonly logoMaxBytes: number
  /**
   * Checks a received file as a photo upload and as a logo (at least 32 px a side, at most 12:1),
   * then stores it with its renditions. Throws MEDIA_UPLOAD_*, MEDIA_UNSUPPORTED_IMAGE,
   * MEDIA_IMAGE_TOO_LARGE, MEDIA_LOGO_TOO_SMALL or MEDIA_LOGO_SHAPE; keeps nothing then.
   */
  uploadLogo(actor: Actor, upload: ReceivedUpload): Promise<Photo>
}

/** Builds the logo service over the media storage. */
export function createSiteLogos(deps: StorePhotoDeps & { uploadMaxBytes: number }): SiteLogos {
  const logoMaxBytes = Math.min(LOGO_LIMITS.maxBytes, deps.uploadMaxBytes)
  return {
    logoMaxBytes,
    uploadLogo: async (actor, upload) => {
      requirePermission(actor, 'settings.manage')
      const source = await checkUpload(upload, logoMaxBytes)
      const { width, height } = source
      if (Math.min(width, height) < LOGO_LIMITS.minSide)
        throw mediaLogoTooSmall(width, height, LOGO_LIMITS.minSide)
      if (Math.max(width / height, height / width) > LOGO_LIMITS.maxAspect)
        throw mediaLogoShape(width, height, LOGO_LIMITS.maxAspect)
      // Encoded from the upload itself (the sharpest source) before anything is stored.
      const pngs = await encodeLogoFiles(upload.path, source)
      const photo = await storePhoto(deps, upload.path, source, LOGO_TEXTS, {
        originalName: cleanFileName(upload.filename),
        uploadedBy: actor.userId,
      })
      await deps.storage.writeAll(
        pngs.map(({ kind, bytes }) => [fileKeyOf(logoPath(photo.storageKey, kind)) ?? '', bytes]),
      )
      return photo
    },
  }
}

/** Every logo rendition of `image` (upright size `size`). */
async function encodeLogoFiles(image: ImageInput, size: { width: number; height: number }) {
  return Promise.all(
    LOGO_KINDS.map(async (kind) => ({
      kind,
      bytes: await encodeLogoPng(image, fitInside(size, LOGO_BOXES[kind])),
    })),
  )
}

/**
 * Makes the logo rendition at file `key` from the photo's widest WebP (which kept its
 * transparency) when it is missing; true when the file exists afterwards. Any other key is left
 * alone (false). Three files per photo at most: no request can make the server encode more.
 */
export async function ensureLogo(db: Db, storage: MediaStorage, key: string): Promise<boolean> {
  const wanted = logoOfFileKey(key)
  if (wanted === undefined) return false
  const photo = await db
    .selectFrom('photos')
    .select(['width', 'height'])
    .where('storage_key', '=', wanted.storageKey)
    .executeTakeFirst()
  if (photo === undefined) return false
  const widest = Math.max(...variantWidths(photo.width))
  const sourceKey = fileKeyOf(variantPath(wanted.storageKey, widest, 'webp'))
  const source = sourceKey === undefined ? undefined : await storage.open(sourceKey)
  if (source === undefined) return false
  const chunks: Buffer[] = []
  for await (const chunk of source.stream) chunks.push(chunk as Buffer)
  const bytes = await encodeLogoPng(
    Buffer.concat(chunks),
    fitInside(photo, LOGO_BOXES[wanted.kind]),
  )
  try {
    await storage.writeAll([[key, bytes]])
  } catch (error) {
    // Two first requests at once: the other one wrote it (files are never overwritten).
    if ((await storage.stat(key)) === undefined) throw error
  }
  return true
}

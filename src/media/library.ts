/**
 * The newsroom's photo library: uploads (type checked against the bytes, metadata stripped),
 * search, and editing a photo's texts. Every call names its Actor and is checked here.
 */

import { type Actor, requirePermission } from '../accounts/index.js'
import { mediaPhotoNotFound } from './errors.js'
import { libraryPhotoById, searchLibrary, updatePhotoTexts } from './library-queries.js'
import { cleanFileName, editorialFields } from './photo-fields.js'
import { storePhoto, type StorePhotoDeps } from './store-photo.js'
import type { LibraryPhoto, PhotoInput, PhotoPage, ReceivedUpload } from './types.js'
import { checkUpload } from './upload-check.js'

/** The library's part of the media service. */
export interface PhotoLibrary {
  /** The largest file an upload may be, in bytes (the web layer stops reading past it). */
  readonly uploadMaxBytes: number
  /**
   * Checks a received file (declared type, magic bytes, size, decodability) and stores it with
   * its renditions. Throws MEDIA_UPLOAD_* or MEDIA_UNSUPPORTED_IMAGE; keeps nothing then.
   */
  uploadPhoto(actor: Actor, upload: ReceivedUpload, input: PhotoInput): Promise<LibraryPhoto>
  /** One page of photos matching `query` (every word, in any text or the file name), newest first. */
  searchLibrary(actor: Actor, query: string, page: number, perPage: number): Promise<PhotoPage>
  /** One photo; throws MEDIA_PHOTO_NOT_FOUND. */
  getLibraryPhoto(actor: Actor, id: number): Promise<LibraryPhoto>
  /** Replaces a photo's alt text, caption and credit. */
  updatePhotoTexts(actor: Actor, id: number, input: PhotoInput): Promise<LibraryPhoto>
}

/** Builds the library over the same database and storage as the rest of media. */
export function createPhotoLibrary(
  deps: StorePhotoDeps & { uploadMaxBytes: number },
): PhotoLibrary {
  const { db, uploadMaxBytes } = deps

  const found = async (id: number): Promise<LibraryPhoto> => {
    const photo = Number.isSafeInteger(id) ? await libraryPhotoById(db, id) : undefined
    if (photo === undefined) throw mediaPhotoNotFound(id)
    return photo
  }

  return {
    uploadMaxBytes,
    uploadPhoto: async (actor, upload, input) => {
      requirePermission(actor, 'photos.manage')
      const fields = editorialFields(input)
      const source = await checkUpload(upload, uploadMaxBytes)
      const photo = await storePhoto(deps, upload.path, source, fields, {
        originalName: cleanFileName(upload.filename),
        uploadedBy: actor.userId,
      })
      return found(photo.id)
    },
    searchLibrary: async (actor, query, page, perPage) => {
      requirePermission(actor, 'photos.manage')
      return searchLibrary(db, query, Math.max(1, page), Math.min(Math.max(1, perPage), 100))
    },
    getLibraryPhoto: async (actor, id) => {
      requirePermission(actor, 'photos.manage')
      return found(id)
    },
    updatePhotoTexts: async (actor, id, input) => {
      requirePermission(actor, 'photos.manage')
      const fields = editorialFields(input)
      if (!Number.isSafeInteger(id) || !(await updatePhotoTexts(db, id, fields)))
        throw mediaPhotoNotFound(id)
      return found(id)
    },
  }
}

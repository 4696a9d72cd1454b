/** The media contract: storing photos with their variants, and finding them again. */

import type { PhotoLibrary } from './library.js'
import type { SiteLogos } from './logo.js'
import type { ByteRange, OpenedFile, StoredFileInfo } from './storage.js'
import type { EncodedPhoto } from './store-photo.js'
import type { Photo, PhotoInput, PhotoVariant } from './types.js'

/** The media service: storage and serving of renditions, and the newsroom's photo library. */
export interface Media extends PhotoLibrary, SiteLogos {
  /** Stores an image (any format sharp reads), writes its variants, and records it. */
  savePhoto(image: Buffer, input: PhotoInput): Promise<Photo>
  /** Encodes an image's renditions and crops without storing anything (see saveEncodedPhoto). */
  encodePhoto(image: Buffer): Promise<EncodedPhoto>
  /** Stores renditions encoded earlier by encodePhoto (the demo's, prepared at build time). */
  saveEncodedPhoto(encoded: EncodedPhoto, input: PhotoInput): Promise<Photo>
  getPhotos(ids: readonly number[]): Promise<Map<number, Photo>>
  /** Size and time of the rendition at a public `/media/…` path; undefined when there is none. */
  statFile(publicPath: string): Promise<StoredFileInfo | undefined>
  /** Opens the rendition at a public `/media/…` path (only `range` when given), or undefined. */
  openFile(publicPath: string, range?: ByteRange): Promise<OpenedFile | undefined>
}

export type { Photo, PhotoInput, PhotoVariant }

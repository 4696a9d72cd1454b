/** The media contract: storing photos with their variants, and finding them again. */

import type { Photo, PhotoInput, PhotoVariant } from './types.js'

export interface Media {
  /** Stores an image (any format sharp reads), writes its variants, and records it. */
  savePhoto(image: Buffer, input: PhotoInput): Promise<Photo>
  getPhotos(ids: readonly number[]): Promise<Map<number, Photo>>
  /** The absolute file path for a public media path, or undefined when it is not ours. */
  resolveFile(publicPath: string): string | undefined
}

export type { Photo, PhotoInput, PhotoVariant }

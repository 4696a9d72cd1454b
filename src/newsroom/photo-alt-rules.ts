/** The rule that a story goes live only when every photo it shows has alt text. */

import type { Photo } from '../media/index.js'

/** Where a story shows photos: its lead photo and the photos placed in its body. */
export interface StoryPhotos {
  leadPhotoId: number | null
  /** Body photos with the description written in the Markdown (`![description](photo:ID)`). */
  bodyPhotos: readonly { photoId: number; alt: string }[]
}

/** A photo the story would show without alt text, and where the story shows it. */
export interface PhotoWithoutAlt {
  photoId: number
  field: 'leadPhotoId' | 'bodyMarkdown'
}

/**
 * The photos of `story` that readers of screen readers would get no description of. A lead photo
 * needs alt text in the library; a body photo needs a description in the Markdown or, failing
 * that, in the library (the body's description wins when both exist, as when rendering).
 * @example photosWithoutAlt({ leadPhotoId: 3, bodyPhotos: [] }, photos) // [{ photoId: 3, field: 'leadPhotoId' }]
 */
export function photosWithoutAlt(
  story: StoryPhotos,
  photos: ReadonlyMap<number, Pick<Photo, 'alt'>>,
): PhotoWithoutAlt[] {
  const missing: PhotoWithoutAlt[] = []
  const libraryAlt = (id: number): string => photos.get(id)?.alt.trim() ?? ''
  if (story.leadPhotoId !== null && libraryAlt(story.leadPhotoId) === '')
    missing.push({ photoId: story.leadPhotoId, field: 'leadPhotoId' })
  for (const { photoId, alt } of story.bodyPhotos) {
    if (alt.trim() !== '' || libraryAlt(photoId) !== '') continue
    if (!missing.some((m) => m.photoId === photoId))
      missing.push({ photoId, field: 'bodyMarkdown' })
  }
  return missing
}

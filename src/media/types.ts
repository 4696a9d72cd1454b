/** Photos as the rest of the system sees them. */

/** A stored photo with its editorial metadata; variants are derived from `storageKey` and `width`. */
export interface Photo {
  id: number
  storageKey: string
  mimeType: string
  width: number
  height: number
  alt: string
  caption: string
  /** The photographer or agency, shown as "Photo: …". */
  credit: string
}

/** What a newsroom user supplies with an upload. */
export interface PhotoInput {
  alt: string
  caption: string
  credit: string
}

/** One encoded rendition of a photo. */
export interface PhotoVariant {
  format: 'avif' | 'webp' | 'jpeg'
  width: number
  height: number
  /** The public path, e.g. /media/2026/11/abc123-800.webp */
  url: string
}

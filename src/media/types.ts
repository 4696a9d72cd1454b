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

/** A photo as the newsroom's library lists it: with where it came from and when. */
export interface LibraryPhoto extends Photo {
  /** The uploaded file's name ('' for photos that were not uploaded, such as the demo's). */
  originalName: string
  createdAt: Date
}

/** A file the web layer has received and written to a temporary file, not yet checked. */
export interface ReceivedUpload {
  /** Path of the temporary file; the caller removes it afterwards, whatever the outcome. */
  path: string
  /** The MIME type the browser declared (from the file name; checked against the bytes). */
  declaredType: string
  /** The file name the browser sent. */
  filename: string
}

/** One page of the library, newest first. */
export interface PhotoPage {
  items: LibraryPhoto[]
  page: number
  perPage: number
  total: number
  totalPages: number
}

/** The editorial texts of a photo (alt text, caption, credit): trimmed and bounded. */

import { mediaFieldTooLong } from './errors.js'
import type { PhotoInput } from './types.js'

/** Longest editorial fields; credit matches its varchar(200) column. */
export const FIELD_LIMITS = { alt: 1000, caption: 2000, credit: 200 } as const

/** `input` trimmed; throws MEDIA_FIELD_TOO_LONG (naming the field) when one is too long. */
export function editorialFields(input: PhotoInput): PhotoInput {
  const fields = {
    alt: input.alt.trim(),
    caption: input.caption.trim(),
    credit: input.credit.trim(),
  }
  for (const field of ['alt', 'caption', 'credit'] as const) {
    if (fields[field].length > FIELD_LIMITS[field])
      throw mediaFieldTooLong(field, FIELD_LIMITS[field])
  }
  return fields
}

/**
 * A browser-sent file name as the library keeps it: the last path segment, no control
 * characters, at most 255 characters (its column).
 */
export function cleanFileName(name: string): string {
  const last = name.split(/[\\/]/).pop() ?? ''
  // Control characters (a newline in a name would break a log line or a header).
  const printable = [...last].filter((c) => c >= ' ' && c !== '\u007f').join('')
  return printable.trim().slice(0, 255)
}

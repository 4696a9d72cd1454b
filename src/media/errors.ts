/** The media error catalogue: what can be wrong with an uploaded image. */

import { type ErrorCatalogue, errorsOf, type MastheadError } from '../lib/errors.js'

/** This catalogue's codes and their kinds. */
export const MEDIA_ERRORS = {
  MEDIA_UNSUPPORTED_IMAGE: 'invalid',
  MEDIA_IMAGE_TOO_LARGE: 'too_large',
  MEDIA_FIELD_TOO_LONG: 'invalid',
} as const satisfies ErrorCatalogue

const fail = errorsOf(MEDIA_ERRORS)

/** The bytes are not an image we can read (or a format we refuse, such as SVG). */
export function mediaUnsupportedImage(
  options: { format?: string | undefined; cause?: unknown } = {},
): MastheadError {
  return fail(
    'MEDIA_UNSUPPORTED_IMAGE',
    'This file is not an image we can use. Upload a JPEG, PNG, WebP, AVIF, GIF or TIFF photo.',
    {
      details: options.format === undefined ? {} : { format: options.format },
      cause: options.cause,
    },
  )
}

/** The image has more pixels, or a longer side, than we accept. */
export function mediaImageTooLarge(
  width: number,
  height: number,
  limits: { maxPixels: number; maxSide: number },
): MastheadError {
  return fail(
    'MEDIA_IMAGE_TOO_LARGE',
    `This image is ${width}×${height} pixels; the limit is ${limits.maxPixels / 1_000_000} megapixels and ${limits.maxSide} pixels a side.`,
    { details: { width, height, ...limits } },
  )
}

/** An editorial field (alt text, caption, credit) is longer than it may be. */
export function mediaFieldTooLong(field: string, max: number): MastheadError {
  return fail('MEDIA_FIELD_TOO_LONG', `The ${field} may have at most ${max} characters.`, {
    details: { field, max },
  })
}

/** The media error catalogue: what can be wrong with an uploaded image. */

import { MastheadError } from '../lib/errors.js'

/** The bytes are not an image we can read (or a format we refuse, such as SVG). */
export function mediaUnsupportedImage(
  options: { format?: string | undefined; cause?: unknown } = {},
): MastheadError {
  return new MastheadError(
    'MEDIA_UNSUPPORTED_IMAGE',
    'invalid',
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
  return new MastheadError(
    'MEDIA_IMAGE_TOO_LARGE',
    'too_large',
    `This image is ${width}×${height} pixels; the limit is ${limits.maxPixels / 1_000_000} megapixels and ${limits.maxSide} pixels a side.`,
    { details: { width, height, ...limits } },
  )
}

/** An editorial field (alt text, caption, credit) is longer than it may be. */
export function mediaFieldTooLong(field: string, max: number): MastheadError {
  return new MastheadError(
    'MEDIA_FIELD_TOO_LONG',
    'invalid',
    `The ${field} may have at most ${max} characters.`,
    { details: { field, max } },
  )
}

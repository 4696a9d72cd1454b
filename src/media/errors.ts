/** The media error catalogue: what can be wrong with an uploaded image. */

import { type ErrorCatalogue, errorsOf, type MastheadError } from '../lib/errors.js'
import { uploadTypeName } from './upload-types.js'

/** This catalogue's codes and their kinds. */
export const MEDIA_ERRORS = {
  MEDIA_UNSUPPORTED_IMAGE: 'invalid',
  MEDIA_IMAGE_TOO_LARGE: 'too_large',
  MEDIA_FIELD_TOO_LONG: 'invalid',
  MEDIA_UPLOAD_MISSING: 'invalid',
  MEDIA_UPLOAD_TYPE_UNSUPPORTED: 'unsupported_type',
  MEDIA_UPLOAD_TYPE_MISMATCH: 'unsupported_type',
  MEDIA_UPLOAD_TOO_LARGE: 'too_large',
  MEDIA_UPLOAD_INCOMPLETE: 'invalid',
  MEDIA_PHOTO_NOT_FOUND: 'not_found',
  MEDIA_LOGO_TOO_SMALL: 'invalid',
  MEDIA_LOGO_SHAPE: 'invalid',
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

/** The upload form was sent without a file (or with an empty one). */
export function mediaUploadMissing(): MastheadError {
  return fail('MEDIA_UPLOAD_MISSING', 'Choose a photo file to upload.', {
    details: { field: 'file' },
  })
}

/** The file was declared as something other than the four photo types an upload may be. */
export function mediaUploadTypeUnsupported(declared: string): MastheadError {
  return fail(
    'MEDIA_UPLOAD_TYPE_UNSUPPORTED',
    'This file type cannot be uploaded. Upload a JPEG, PNG, WebP or AVIF photo.',
    { details: { field: 'file', declared: declared.slice(0, 100) } },
  )
}

/** The file's bytes are not the type its name and declared type say (a renamed file, say). */
export function mediaUploadTypeMismatch(
  declared: string,
  found: string | undefined,
): MastheadError {
  return fail(
    'MEDIA_UPLOAD_TYPE_MISMATCH',
    found === undefined
      ? `This file says it is a ${uploadTypeName(declared)} photo, but its contents are not a photo we can read. Upload a JPEG, PNG, WebP or AVIF photo.`
      : `This file says it is a ${uploadTypeName(declared)} photo, but its contents are ${uploadTypeName(found)}. Save it again as one type (its name ending to match) and upload that.`,
    { details: { field: 'file', declared, found: found ?? null } },
  )
}

/** The file is larger than uploads may be (config.media.uploadMaxBytes). */
export function mediaUploadTooLarge(maxBytes: number): MastheadError {
  const mb = Math.round((maxBytes / (1024 * 1024)) * 10) / 10
  return fail(
    'MEDIA_UPLOAD_TOO_LARGE',
    `This file is larger than ${mb} MB, the most an upload may be. Export the photo smaller and upload that.`,
    { details: { field: 'file', maxBytes } },
  )
}

/** The upload did not arrive as a well-formed form (cut off, or not a file upload at all). */
export function mediaUploadIncomplete(cause?: unknown): MastheadError {
  return fail(
    'MEDIA_UPLOAD_INCOMPLETE',
    'The upload did not arrive whole. Choose the file again and upload it once more.',
    { details: { field: 'file' }, cause },
  )
}

/** No photo has this id. */
export function mediaPhotoNotFound(id: number): MastheadError {
  return fail('MEDIA_PHOTO_NOT_FOUND', `There is no photo ${id} in the library.`, {
    details: { id },
  })
}

/** A logo with a side shorter than the masthead needs to stay sharp. */
export function mediaLogoTooSmall(width: number, height: number, minSide: number): MastheadError {
  return fail(
    'MEDIA_LOGO_TOO_SMALL',
    `This image is ${width}×${height} pixels; a logo needs at least ${minSide} pixels a side. Upload a larger version (twice the size it is shown at is best).`,
    { details: { field: 'file', width, height, minSide } },
  )
}

/** A logo so long and thin that it would be a line in the masthead. */
export function mediaLogoShape(width: number, height: number, maxAspect: number): MastheadError {
  return fail(
    'MEDIA_LOGO_SHAPE',
    `This image is ${width}×${height} pixels; a logo may be at most ${maxAspect} times as wide as it is high, or as high as it is wide. Crop the empty space around it.`,
    { details: { field: 'file', width, height, maxAspect } },
  )
}

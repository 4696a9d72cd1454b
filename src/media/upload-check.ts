/** Checking a received upload before anything is stored: size, declared type, magic bytes, header. */

import fs from 'node:fs/promises'
import {
  mediaUploadMissing,
  mediaUploadTooLarge,
  mediaUploadTypeMismatch,
  mediaUploadTypeUnsupported,
} from './errors.js'
import { inspectImage, type SourceImage } from './image-encoding.js'
import type { ReceivedUpload } from './types.js'
import { isUploadType, SNIFF_BYTES, sniffUploadType } from './upload-types.js'

/**
 * The upright size and type of a received file that is a photo we accept and at most `maxBytes`;
 * throws MEDIA_UPLOAD_*, MEDIA_UNSUPPORTED_IMAGE or MEDIA_IMAGE_TOO_LARGE otherwise.
 */
export async function checkUpload(upload: ReceivedUpload, maxBytes: number): Promise<SourceImage> {
  const declared = upload.declaredType.toLowerCase()
  const { size, head } = await readHead(upload.path)
  if (size === 0) throw mediaUploadMissing()
  if (size > maxBytes) throw mediaUploadTooLarge(maxBytes)
  if (!isUploadType(declared)) throw mediaUploadTypeUnsupported(declared)
  const sniffed = sniffUploadType(head)
  if (sniffed !== declared) throw mediaUploadTypeMismatch(declared, sniffed)
  // The magic bytes can be right on a file that is not (a JPEG header glued to anything):
  // sharp reads the header too and must agree.
  const source = await inspectImage(upload.path)
  if (source.mimeType !== declared) throw mediaUploadTypeMismatch(declared, source.mimeType)
  return source
}

/** The file's size and first SNIFF_BYTES bytes. */
async function readHead(path: string): Promise<{ size: number; head: Buffer }> {
  const handle = await fs.open(path, 'r')
  try {
    const { size } = await handle.stat()
    const head = Buffer.alloc(Math.min(SNIFF_BYTES, size))
    await handle.read(head, 0, head.length, 0)
    return { size, head }
  } finally {
    await handle.close()
  }
}

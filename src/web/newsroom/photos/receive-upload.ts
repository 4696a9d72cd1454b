/**
 * Reads the upload form's multipart body: the text fields, and the one file streamed to a
 * temporary file (never held whole in memory), stopping at the size limit. The CSRF field must
 * come before the file, so no file from a forged form is ever written.
 */

import fs from 'node:fs/promises'
import { createWriteStream } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { pipeline } from 'node:stream/promises'
import type { FastifyRequest } from 'fastify'
// For its declarations of request.isMultipart() and request.parts().
import type {} from '@fastify/multipart'
import { isMastheadError, type MastheadError } from '../../../lib/errors.js'
import {
  mediaUploadIncomplete,
  mediaUploadMissing,
  mediaUploadTooLarge,
  type ReceivedUpload,
} from '../../../media/index.js'
import { CSRF_FIELD } from '../components/csrf-field.js'
import { requireCsrf } from '../session-guard.js'

/** The form as received: its text fields, and the file when one arrived whole. */
export interface ReceivedForm {
  fields: Record<string, string>
  file: ReceivedUpload | undefined
  /** Why the file cannot be used (too large), when it cannot; the fields still count. */
  problem: MastheadError | undefined
  /** Removes the temporary file; call it whatever happened. */
  discard(): Promise<void>
}

/** The name of the form's file input. */
export const FILE_FIELD = 'file'
const MAX_FIELDS = 20
const MAX_FIELD_BYTES = 16 * 1024

/**
 * Reads the whole body of `request` (a 413 would otherwise cut the browser's upload off and show
 * a connection error instead of the form). Throws CSRF_TOKEN_INVALID before any file is kept.
 */
export async function receiveUpload(
  request: FastifyRequest,
  maxBytes: number,
): Promise<ReceivedForm> {
  const fields: Record<string, string> = {}
  let dir: string | undefined
  let file: ReceivedUpload | undefined
  let problem: MastheadError | undefined
  const discard = async (): Promise<void> => {
    if (dir !== undefined) await fs.rm(dir, { recursive: true, force: true })
  }
  if (!request.isMultipart()) throw mediaUploadMissing()
  try {
    const parts = request.parts({
      limits: { fileSize: maxBytes, files: 1, fields: MAX_FIELDS, fieldSize: MAX_FIELD_BYTES },
    })
    for await (const part of parts) {
      if (part.type === 'field') {
        if (typeof part.value === 'string') fields[part.fieldname] = part.value
        continue
      }
      requireCsrf(request, fields[CSRF_FIELD])
      if (part.fieldname !== FILE_FIELD || file !== undefined || problem !== undefined) {
        part.file.resume()
        continue
      }
      dir ??= await fs.mkdtemp(path.join(os.tmpdir(), 'masthead-upload-'))
      const target = path.join(dir, 'upload')
      await pipeline(part.file, createWriteStream(target, { flags: 'wx' }))
      // The plugin is registered with throwFileSizeLimit: false, so an oversized file ends
      // `truncated` instead of failing mid-stream, and the rest of the body is still read.
      if (part.file.truncated) problem = mediaUploadTooLarge(maxBytes)
      // A form sent without choosing a file still has the part, with no name and no bytes.
      else if (part.filename !== '')
        file = { path: target, declaredType: part.mimetype, filename: part.filename }
    }
    // A form with no file part at all is checked here.
    requireCsrf(request, fields[CSRF_FIELD])
  } catch (error) {
    await discard()
    if (isMastheadError(error)) throw error
    throw mediaUploadIncomplete(error)
  }
  delete fields[CSRF_FIELD]
  return { fields, file, problem, discard }
}

/** Gets an imported photo's bytes: from the --media folder, else over http within a time limit. */

import fs from 'node:fs/promises'
import path from 'node:path'
import { importPhotoOutsideMediaDir, importPhotoUnreachable } from './errors.js'
import type { ImportedPhoto } from './types.js'

/** Larger files are refused rather than held in memory (the newsroom's upload limit is 20 MiB). */
const MAX_BYTES = 40 * 1024 * 1024

export interface PhotoFileOptions {
  mediaDir?: string | undefined
  timeoutMs: number
}

/**
 * The bytes of `photo`'s file: `mediaDir/photo.file` when given and present, else a download of
 * `photo.url` that must finish within `timeoutMs`. Throws IMPORT_PHOTO_UNREACHABLE otherwise.
 */
export async function photoBytes(photo: ImportedPhoto, options: PhotoFileOptions): Promise<Buffer> {
  const reasons: string[] = []
  if (options.mediaDir !== undefined && photo.file !== undefined && photo.file !== '') {
    const root = path.resolve(options.mediaDir)
    const full = path.resolve(root, photo.file.replace(/^\/+/, ''))
    if (!full.startsWith(root + path.sep)) throw importPhotoOutsideMediaDir(photo.file)
    try {
      return await fs.readFile(full)
    } catch (error) {
      reasons.push(`not in the media folder (${(error as NodeJS.ErrnoException).code ?? 'error'})`)
    }
  }
  if (photo.url !== undefined && /^https?:\/\//i.test(photo.url)) {
    try {
      return await download(photo.url, options.timeoutMs)
    } catch (error) {
      reasons.push(`download failed (${describe(error, options.timeoutMs)})`)
    }
  }
  if (reasons.length === 0) reasons.push('no file in the media folder and no http address')
  throw importPhotoUnreachable(photo.url ?? photo.file ?? photo.sourceId, reasons.join('; '))
}

async function download(url: string, timeoutMs: number): Promise<Buffer> {
  const response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs), redirect: 'follow' })
  if (!response.ok) throw new Error(`HTTP ${response.status}`)
  const length = Number(response.headers.get('content-length') ?? 0)
  if (length > MAX_BYTES) throw new Error(`larger than ${MAX_BYTES / 1024 / 1024} MiB`)
  const bytes = Buffer.from(await response.arrayBuffer())
  if (bytes.length > MAX_BYTES) throw new Error(`larger than ${MAX_BYTES / 1024 / 1024} MiB`)
  return bytes
}

function describe(error: unknown, timeoutMs: number): string {
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError'))
    return `no answer within ${timeoutMs / 1000} s`
  const cause = error instanceof Error ? (error.cause as { code?: string } | undefined) : undefined
  return cause?.code ?? (error instanceof Error ? error.message : String(error))
}

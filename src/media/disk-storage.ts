/** Where renditions live on the local disk, and the one mapping from public paths back to files. */

import { randomBytes } from 'node:crypto'
import fs from 'node:fs/promises'
import path from 'node:path'

const KEY_ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789'
const KEY_LENGTH = 12
// Public paths as variantPath() writes them; anything else (dots, upper case, `..`) is not ours.
const PUBLIC_PATH = /^\/media\/([a-z0-9]+(?:\/[a-z0-9]+)*-[1-9][0-9]{0,4}\.(?:avif|webp|jpg))$/

/** A fresh storage key `YYYY/MM/<12 random lower-case letters and digits>` for an upload at `now`. */
export function newStorageKey(now: Date): string {
  const bytes = randomBytes(KEY_LENGTH)
  let name = ''
  // 256 is not a multiple of 36, but the bias (at most 1/256 per letter) is irrelevant for a name.
  for (const byte of bytes) name += KEY_ALPHABET[byte % KEY_ALPHABET.length]
  const month = String(now.getUTCMonth() + 1).padStart(2, '0')
  return `${now.getUTCFullYear()}/${month}/${name}`
}

/** The absolute file under `dir` for a public `/media/…` path, or undefined when it is not ours. */
export function fileForPublicPath(dir: string, publicPath: string): string | undefined {
  const match = PUBLIC_PATH.exec(publicPath)
  if (match === null || match[1] === undefined) return undefined
  const root = path.resolve(dir)
  const file = path.resolve(root, ...match[1].split('/'))
  // The pattern already excludes `..`; this keeps the guarantee if the pattern ever loosens.
  return file.startsWith(root + path.sep) ? file : undefined
}

/** Writes every `[relativeFile, bytes]` under `dir`; on failure removes what it wrote and rethrows. */
export async function writeFiles(
  dir: string,
  files: ReadonlyArray<[string, Buffer]>,
): Promise<string[]> {
  const written: string[] = []
  try {
    for (const [relative, bytes] of files) {
      const file = path.join(dir, relative)
      await fs.mkdir(path.dirname(file), { recursive: true })
      // `wx`: a random key that already exists means something is wrong; never overwrite.
      await fs.writeFile(file, bytes, { flag: 'wx' })
      written.push(file)
    }
  } catch (error) {
    await removeFiles(written)
    throw error
  }
  return written
}

/** Removes files, ignoring those already gone. */
export async function removeFiles(files: readonly string[]): Promise<void> {
  await Promise.all(files.map((file) => fs.rm(file, { force: true })))
}

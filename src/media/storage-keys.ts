/** Storage keys: a photo's random key, and the mapping from public /media/ paths back to keys. */

import { randomBytes } from 'node:crypto'

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

/**
 * The storage key of a public `/media/…` rendition path, or undefined when it is not ours.
 * @example fileKeyOf('/media/2026/11/abc123def456-800.webp') // '2026/11/abc123def456-800.webp'
 */
export function fileKeyOf(publicPath: string): string | undefined {
  return PUBLIC_PATH.exec(publicPath)?.[1]
}

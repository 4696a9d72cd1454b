/** Storage keys: a photo's random key, and the mapping from public /media/ paths back to keys. */

import { randomBytes } from 'node:crypto'

const KEY_ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789'
const KEY_LENGTH = 12
// Public paths as variantPath() writes them; anything else (dots, upper case, `..`) is not ours.
// Crops (cropPath) carry their ratio before the width and are JPEG only; the site logo's
// renditions (logoPath) are PNG, named by their use.
const PUBLIC_PATH =
  /^\/media\/([a-z0-9]+(?:\/[a-z0-9]+)*-(?:[1-9][0-9]{0,4}\.(?:avif|webp|jpg)|(?:16x9|4x3|1x1)-[1-9][0-9]{0,4}\.jpg|logo-(?:header|feed|large)\.png))$/
const CROP_KEY = /^([a-z0-9]+(?:\/[a-z0-9]+)*)-(16x9|4x3|1x1)-([1-9][0-9]{0,4})\.jpg$/
const LOGO_KEY = /^([a-z0-9]+(?:\/[a-z0-9]+)*)-logo-(header|feed|large)\.png$/

/** A fresh storage key `YYYY/MM/<12 random lower-case letters and digits>` for an upload at `now`. */
export function newStorageKey(now: Date): string {
  const bytes = randomBytes(KEY_LENGTH)
  let name = ''
  // 256 is not a multiple of 36, but the bias (at most 1/256 per letter) is irrelevant for a name.
  for (const byte of bytes) name += KEY_ALPHABET[byte % KEY_ALPHABET.length]
  const month = String(now.getUTCMonth() + 1).padStart(2, '0')
  return `${now.getUTCFullYear()}/${month}/${name}`
}

/** The photo's storage key, ratio and width of a crop's file key; undefined for anything else. */
export function cropOfFileKey(
  key: string,
): { storageKey: string; ratio: '16x9' | '4x3' | '1x1'; width: number } | undefined {
  const match = CROP_KEY.exec(key)
  if (match === null) return undefined
  const [, storageKey = '', ratio = '1x1', width = '0'] = match
  return { storageKey, ratio: ratio as '16x9' | '4x3' | '1x1', width: Number(width) }
}

/** The photo's storage key and the rendition of a logo rendition's file key; undefined otherwise. */
export function logoOfFileKey(
  key: string,
): { storageKey: string; kind: 'header' | 'feed' | 'large' } | undefined {
  const match = LOGO_KEY.exec(key)
  if (match === null) return undefined
  const [, storageKey = '', kind = 'header'] = match
  return { storageKey, kind: kind as 'header' | 'feed' | 'large' }
}

/**
 * The storage key of a public `/media/…` rendition path, or undefined when it is not ours.
 * @example fileKeyOf('/media/2026/11/abc123def456-800.webp') // '2026/11/abc123def456-800.webp'
 */
export function fileKeyOf(publicPath: string): string | undefined {
  return PUBLIC_PATH.exec(publicPath)?.[1]
}

/** The four photo types an upload may be, and telling them apart by their first bytes. */

/** Accepted upload types (MIME type → the name people know it by). */
export const UPLOAD_TYPES = {
  'image/jpeg': 'JPEG',
  'image/png': 'PNG',
  'image/webp': 'WebP',
  'image/avif': 'AVIF',
} as const
export type UploadType = keyof typeof UPLOAD_TYPES

/** How many leading bytes sniffUploadType needs to see (AVIF's ftyp box lists brands). */
export const SNIFF_BYTES = 64

/** True when `type` (as a browser declared it) is one we accept. */
export function isUploadType(type: string): type is UploadType {
  return Object.hasOwn(UPLOAD_TYPES, type)
}

/** The name of `type` for a message: "JPEG", or the type itself when it is not one of ours. */
export function uploadTypeName(type: string): string {
  return isUploadType(type) ? UPLOAD_TYPES[type] : type
}

const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]

/**
 * Which accepted type the bytes `head` (the file's first SNIFF_BYTES) are, by their magic
 * numbers; undefined for anything else. The browser's declared type comes from the file name, so
 * it is checked against this, never trusted.
 * @example sniffUploadType(Buffer.from([0xff, 0xd8, 0xff, 0xe0])) // 'image/jpeg'
 */
export function sniffUploadType(head: Uint8Array): UploadType | undefined {
  const ascii = (start: number, end: number): string =>
    String.fromCharCode(...head.subarray(start, end))
  if (head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return 'image/jpeg'
  if (PNG.every((byte, i) => head[i] === byte)) return 'image/png'
  if (ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP') return 'image/webp'
  if (ascii(4, 8) === 'ftyp' && avifBrand(head)) return 'image/avif'
  return undefined
}

/**
 * An ISO-BMFF `ftyp` box (size, 'ftyp', major brand, minor version, compatible brands…) naming
 * AVIF as its major or a compatible brand. HEIC files share the box but not the brand.
 */
function avifBrand(head: Uint8Array): boolean {
  const size =
    ((head[0] ?? 0) << 24) | ((head[1] ?? 0) << 16) | ((head[2] ?? 0) << 8) | (head[3] ?? 0)
  const end = Math.min(size, head.length)
  const brands: string[] = []
  for (let at = 8; at + 4 <= end; at += at === 8 ? 8 : 4)
    brands.push(String.fromCharCode(...head.subarray(at, at + 4)))
  return brands.some((brand) => brand === 'avif' || brand === 'avis')
}

/** Which renditions exist for a photo and where they are served: one rule shared by writer and pages. */

import type { Photo, PhotoVariant } from './types.js'

/** Widths we encode, narrowest first; a photo gets those not wider than itself. */
export const VARIANT_WIDTHS = [480, 800, 1200, 1600] as const
export const VARIANT_FORMATS = ['avif', 'webp', 'jpeg'] as const
export type VariantFormat = (typeof VARIANT_FORMATS)[number]

const EXTENSIONS: Record<VariantFormat, string> = { avif: 'avif', webp: 'webp', jpeg: 'jpg' }

/** The widths encoded for a photo `width` pixels wide (always at least one). */
export function variantWidths(width: number): number[] {
  const widths: number[] = VARIANT_WIDTHS.filter((w) => w <= width)
  return widths.length > 0 ? widths : [width]
}

/** The public path of one rendition. */
export function variantPath(storageKey: string, width: number, format: VariantFormat): string {
  return `/media/${storageKey}-${width}.${EXTENSIONS[format]}`
}

/** Every rendition of `photo`, grouped by format, narrowest first. */
export function photoVariants(
  photo: Pick<Photo, 'storageKey' | 'width' | 'height'>,
): PhotoVariant[] {
  const variants: PhotoVariant[] = []
  for (const format of VARIANT_FORMATS) {
    for (const width of variantWidths(photo.width)) {
      variants.push({
        format,
        width,
        height: Math.round((photo.height * width) / photo.width),
        url: variantPath(photo.storageKey, width, format),
      })
    }
  }
  return variants
}

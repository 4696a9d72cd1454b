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

/**
 * Centred crops made for search engines and link previews, which ask an article for images in
 * 16:9, 4:3 and 1:1 (Google's NewsArticle guidance). JPEG only: crawlers, not browsers, read them.
 */
export const CROP_RATIOS = ['16x9', '4x3', '1x1'] as const
export type CropRatio = (typeof CROP_RATIOS)[number]
/** Crops are encoded at most this wide (Google asks for at least 1200 px where the photo allows). */
export const CROP_MAX_WIDTH = 1200

const RATIO_SIZES: Record<CropRatio, readonly [number, number]> = {
  '16x9': [16, 9],
  '4x3': [4, 3],
  '1x1': [1, 1],
}

/** A centred crop of a photo: the box in the photo's pixels and the size it is encoded at. */
export interface CropBox {
  ratio: CropRatio
  left: number
  top: number
  boxWidth: number
  boxHeight: number
  width: number
  height: number
}

/** The centred `ratio` crop of a `width`×`height` photo, scaled to at most CROP_MAX_WIDTH wide. */
export function cropBox(photo: { width: number; height: number }, ratio: CropRatio): CropBox {
  const [rw, rh] = RATIO_SIZES[ratio]
  // The largest box of the ratio inside the photo, in whole pixels.
  const boxWidth = Math.max(1, Math.min(photo.width, Math.floor((photo.height * rw) / rh)))
  const boxHeight = Math.max(1, Math.min(photo.height, Math.round((boxWidth * rh) / rw)))
  const width = Math.min(boxWidth, CROP_MAX_WIDTH)
  return {
    ratio,
    left: Math.floor((photo.width - boxWidth) / 2),
    top: Math.floor((photo.height - boxHeight) / 2),
    boxWidth,
    boxHeight,
    width,
    height: Math.max(1, Math.round((width * rh) / rw)),
  }
}

/** The public path of one crop: `/media/{key}-16x9-1200.jpg`. */
export function cropPath(storageKey: string, ratio: CropRatio, width: number): string {
  return `/media/${storageKey}-${ratio}-${width}.jpg`
}

/** The three crops of `photo` (16:9, 4:3, 1:1) with their public paths. */
export function photoCrops(
  photo: Pick<Photo, 'storageKey' | 'width' | 'height'>,
): (PhotoVariant & { ratio: CropRatio })[] {
  return CROP_RATIOS.map((ratio) => {
    const box = cropBox(photo, ratio)
    return {
      ratio,
      format: 'jpeg' as const,
      width: box.width,
      height: box.height,
      url: cropPath(photo.storageKey, ratio, box.width),
    }
  })
}

/** Reading an upload with sharp and encoding its renditions: the only file that knows sharp. */

import type sharp from 'sharp'
import { mediaImageTooLarge, mediaUnsupportedImage } from './errors.js'
import {
  CROP_RATIOS,
  cropBox,
  type CropRatio,
  type VariantFormat,
  VARIANT_FORMATS,
  variantWidths,
} from './variants.js'

/**
 * sharp (libvips, tens of MiB once loaded) is needed only when a photo is saved, so it is loaded
 * then, not when the server starts.
 */
async function loadSharp(): Promise<typeof sharp> {
  return (await import('sharp')).default
}

/** The largest image we accept: enough for any camera, small enough to decode safely. */
export const IMAGE_LIMITS = { maxPixels: 40_000_000, maxSide: 12_000 } as const

/** Input formats we decode; SVG, PDF and the like are refused (they can reference other files). */
const MIME_BY_FORMAT: Record<string, string> = {
  jpeg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  gif: 'image/gif',
  tiff: 'image/tiff',
  heif: 'image/avif',
}

/** An image's bytes, or the path of a file holding them (an upload is never read into memory whole). */
export type ImageInput = Buffer | string

export interface SourceImage {
  /** Width and height after EXIF orientation is applied. */
  width: number
  height: number
  /** The uploaded format. */
  mimeType: string
}

export interface Rendition {
  format: VariantFormat
  width: number
  bytes: Buffer
}

/** Reads the header of `image`; throws MEDIA_UNSUPPORTED_IMAGE or MEDIA_IMAGE_TOO_LARGE. */
export async function inspectImage(image: ImageInput): Promise<SourceImage> {
  const sharp = await loadSharp()
  let meta: sharp.Metadata
  try {
    // Only the header is read here, so an oversized image is refused before it is decoded.
    meta = await sharp(image, { limitInputPixels: false }).metadata()
  } catch (error) {
    throw mediaUnsupportedImage({ cause: error })
  }
  const format = meta.format as string | undefined
  const mimeType = format === undefined ? undefined : MIME_BY_FORMAT[format]
  if (mimeType === undefined || meta.width === undefined || meta.height === undefined) {
    throw mediaUnsupportedImage({ format })
  }
  if (format === 'heif' && meta.compression !== 'av1')
    throw mediaUnsupportedImage({ format: 'heic' })
  // Orientations 5–8 turn the picture a quarter, so the stored width is the visible height.
  const turned = (meta.orientation ?? 1) >= 5
  const width = turned ? meta.height : meta.width
  const height = turned ? meta.width : meta.height
  if (width * height > IMAGE_LIMITS.maxPixels || Math.max(width, height) > IMAGE_LIMITS.maxSide) {
    throw mediaImageTooLarge(width, height, IMAGE_LIMITS)
  }
  return { width, height, mimeType }
}

/**
 * Encodes every rendition (variants.ts decides which): upright, metadata stripped.
 * Throws MEDIA_UNSUPPORTED_IMAGE when the pixels cannot be decoded (a truncated file, say).
 */
export async function encodeRenditions(
  image: ImageInput,
  source: SourceImage,
): Promise<Rendition[]> {
  const sharp = await loadSharp()
  const renditions = async (width: number): Promise<Rendition[]> => {
    // Decoded and resized once per width, then encoded three times from the pixels: cloning one
    // pipeline per format would decode and resize the upload again for each of them.
    // rotate() with no angle applies the EXIF orientation; raw pixels carry no metadata.
    const { data, info } = await sharp(image, { limitInputPixels: IMAGE_LIMITS.maxPixels })
      .rotate()
      .resize({ width, withoutEnlargement: true })
      .raw()
      .toBuffer({ resolveWithObject: true })
    const raw = { width: info.width, height: info.height, channels: info.channels }
    return Promise.all(
      VARIANT_FORMATS.map(async (format) => ({
        format,
        width,
        bytes: await encode(sharp(data, { raw }), format).toBuffer(),
      })),
    )
  }
  try {
    return (await Promise.all(variantWidths(source.width).map(renditions))).flat()
  } catch (error) {
    throw mediaUnsupportedImage({ cause: error })
  }
}

/**
 * Encodes the centred 16:9, 4:3 and 1:1 JPEG crops (variants.ts cropBox) of an image whose
 * upright size is `size`: the upload itself, or a stored rendition of an older photo.
 */
export async function encodeCrops(
  image: ImageInput,
  size: { width: number; height: number },
  ratios: readonly CropRatio[] = CROP_RATIOS,
  /** The crop widths to produce, when they must match a photo larger than `image`. */
  widthOf?: (ratio: CropRatio) => number,
): Promise<{ ratio: CropRatio; width: number; bytes: Buffer }[]> {
  const sharp = await loadSharp()
  try {
    return await Promise.all(
      ratios.map(async (ratio) => {
        const box = cropBox(size, ratio)
        const width = widthOf?.(ratio) ?? box.width
        const height = Math.max(1, Math.round((width * box.height) / box.width))
        const bytes = await sharp(image, { limitInputPixels: IMAGE_LIMITS.maxPixels })
          .rotate()
          .extract({ left: box.left, top: box.top, width: box.boxWidth, height: box.boxHeight })
          .resize({ width, height })
          .jpeg({ quality: 80, progressive: true })
          .toBuffer()
        return { ratio, width, bytes }
      }),
    )
  } catch (error) {
    throw mediaUnsupportedImage({ cause: error })
  }
}

function encode(pipeline: sharp.Sharp, format: VariantFormat): sharp.Sharp {
  switch (format) {
    // Low efforts keep uploads (and the demo's first start) quick on a small machine; AVIF
    // effort 1 costs half the CPU of effort 2 for files about 40% larger, still the smallest.
    case 'avif':
      return pipeline.avif({ quality: 50, effort: 1 })
    case 'webp':
      return pipeline.webp({ quality: 78, effort: 2 })
    // Only browsers without AVIF and WebP get JPEG: plain progressive libjpeg, a third to half of
    // mozjpeg's CPU for files 10-25% larger, is the better trade for so few readers.
    case 'jpeg':
      return pipeline.jpeg({ quality: 80, progressive: true })
  }
}

/**
 * Encodes one PNG of `image` (upright, metadata stripped) at exactly `size`: a site logo's
 * rendition. The palette keeps flat artwork small and its transparency intact.
 * Throws MEDIA_UNSUPPORTED_IMAGE when the pixels cannot be decoded.
 */
export async function encodeLogoPng(
  image: ImageInput,
  size: { width: number; height: number },
): Promise<Buffer> {
  const sharp = await loadSharp()
  try {
    return await sharp(image, { limitInputPixels: IMAGE_LIMITS.maxPixels })
      .rotate()
      .resize({ width: size.width, height: size.height, fit: 'fill' })
      .png({ palette: true, quality: 95, effort: 7, compressionLevel: 9 })
      .toBuffer()
  } catch (error) {
    throw mediaUnsupportedImage({ cause: error })
  }
}

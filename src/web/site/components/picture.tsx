/** A responsive <picture> for a stored photo: AVIF and WebP sources, a JPEG fallback, fixed aspect. */

import { type PhotoVariant, photoVariants } from '../../../media/index.js'
import type { SafeHtml } from '../../render/html.js'

export interface PictureProps {
  photo: { storageKey: string; width: number; height: number; alt: string }
  /** The `sizes` attribute: how wide the image is laid out. */
  sizes: string
  /** The JPEG fallback aims at this width. */
  fallbackWidth: number
  /** The lead photo loads eagerly with high priority; everything else is lazy. */
  priority?: boolean
  class?: string
}

/** The `<picture>` element for `photo`. */
export function Picture(props: PictureProps): SafeHtml {
  const variants = photoVariants(props.photo)
  const byFormat = (format: PhotoVariant['format']) => variants.filter((v) => v.format === format)
  const srcset = (list: PhotoVariant[]) => list.map((v) => `${v.url} ${v.width}w`).join(', ')
  const jpegs = byFormat('jpeg')
  const fallback =
    jpegs.find((v) => v.width >= props.fallbackWidth) ?? jpegs[jpegs.length - 1] ?? undefined
  if (fallback === undefined) return <></>
  return (
    <picture class={props.class}>
      {(['avif', 'webp'] as const).map((format) => {
        const list = byFormat(format)
        return list.length === 0 ? null : (
          <source type={`image/${format}`} srcset={srcset(list)} sizes={props.sizes} />
        )
      })}
      <img
        src={fallback.url}
        srcset={srcset(jpegs)}
        sizes={props.sizes}
        width={fallback.width}
        height={fallback.height}
        alt={props.photo.alt}
        loading={props.priority === true ? 'eager' : 'lazy'}
        fetchpriority={props.priority === true ? 'high' : undefined}
        decoding={props.priority === true ? undefined : 'async'}
      />
    </picture>
  )
}

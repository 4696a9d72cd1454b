/** The responsive <figure> markup for a photo placed in an article body, with caption and credit. */

import { escapeHtml } from '../lib/html-escape.js'
import { type Photo, type PhotoVariant, photoVariants } from '../media/index.js'

/** The layout width of a body photo: the text column on wide screens, the viewport otherwise. */
export const BODY_PHOTO_SIZES = '(min-width: 760px) 720px, 100vw'
/** The fallback <img> aims at this width (sharp enough for the text column). */
const FALLBACK_WIDTH = 800

/** The <figure class="body-photo"> for `photo`; `alt` overrides the photo's own alt text. */
export function bodyPhotoFigure(photo: Photo, alt: string): string {
  const variants = photoVariants(photo)
  const byFormat = (format: PhotoVariant['format']): PhotoVariant[] =>
    variants.filter((v) => v.format === format)
  const srcset = (list: PhotoVariant[]): string =>
    escapeHtml(list.map((v) => `${v.url} ${v.width}w`).join(', '))
  const jpegs = byFormat('jpeg')
  const fallback = jpegs.find((v) => v.width >= FALLBACK_WIDTH) ?? jpegs[jpegs.length - 1]
  const sizes = escapeHtml(BODY_PHOTO_SIZES)
  const altText = escapeHtml(alt.trim() === '' ? photo.alt : alt.trim())

  const sources = (['avif', 'webp'] as const)
    .map((format) => {
      const list = byFormat(format)
      if (list.length === 0) return ''
      return `<source type="image/${format}" srcset="${srcset(list)}" sizes="${sizes}">`
    })
    .join('')
  const img =
    fallback === undefined
      ? ''
      : `<img src="${escapeHtml(fallback.url)}" srcset="${srcset(jpegs)}" sizes="${sizes}"` +
        ` width="${fallback.width}" height="${fallback.height}" alt="${altText}"` +
        ` loading="lazy" decoding="async">`
  return `<figure class="body-photo"><picture>${sources}${img}</picture>${caption(photo)}</figure>\n`
}

function caption(photo: Photo): string {
  const text = photo.caption.trim()
  const credit = photo.credit.trim()
  if (text === '' && credit === '') return ''
  const creditHtml = credit === '' ? '' : `<span class="credit">Photo: ${escapeHtml(credit)}</span>`
  return `<figcaption>${escapeHtml(text)}${text !== '' && credit !== '' ? ' ' : ''}${creditHtml}</figcaption>`
}

/** Renders an article's Markdown to sanitized HTML on save, with photo figures and a word count. */

import MarkdownIt from 'markdown-it'
import type Token from 'markdown-it/lib/token.mjs'
import type { Photo } from '../media/types.js'
import { articleBodyPhotoInline, articleBodyPhotoUnknown } from './errors.js'
import { bodyPhotoFigure } from './body-photo.js'
import { sanitizeArticleHtml } from './article-sanitize.js'
import type { PhotoLookup } from './newsroom.js'

export interface RenderedBody {
  html: string
  wordCount: number
  /** Photos the body shows, in order of appearance. */
  photoIds: number[]
}

interface RenderEnv {
  photos: Map<number, Photo>
}

const PHOTO_SRC = /^photo:(\d{1,9})$/

const md = new MarkdownIt({ html: false, linkify: true, typographer: true })

// The page's <h1> is the headline, so the body's top heading level becomes h2 whether the
// author wrote `#` or `##` for subheadings; deeper levels keep their distance below it.
md.core.ruler.push('masthead_heading_levels', (state) => {
  const headings = state.tokens.filter(
    (token) => token.type === 'heading_open' || token.type === 'heading_close',
  )
  const top = Math.min(...headings.map((token) => Number(token.tag.slice(1))))
  for (const token of headings) {
    token.tag = `h${Math.min(Number(token.tag.slice(1)) - top + 2, 6)}`
  }
})

// A paragraph holding nothing but `![alt](photo:123)` becomes one body_photo token.
md.core.ruler.push('masthead_body_photos', (state) => {
  const out: Token[] = []
  const tokens = state.tokens
  for (let i = 0; i < tokens.length; i++) {
    const open = tokens[i] as Token
    const inline = tokens[i + 1]
    const close = tokens[i + 2]
    const image = inline === undefined ? undefined : soleImage(inline)
    const photoId = image === undefined ? undefined : photoIdOf(image)
    if (open.type === 'paragraph_open' && close?.type === 'paragraph_close' && image && photoId) {
      const figure = new state.Token('body_photo', '', 0)
      figure.block = true
      figure.meta = { photoId, alt: image.content }
      out.push(figure)
      i += 2
      continue
    }
    out.push(open)
  }
  state.tokens = out
})

md.renderer.rules.body_photo = (tokens, idx, _options, env: RenderEnv) => {
  const { photoId, alt } = (tokens[idx] as Token).meta as { photoId: number; alt: string }
  const photo = env.photos.get(photoId)
  // Unknown ids were refused before rendering; this only guards against a lookup race.
  return photo === undefined ? '' : bodyPhotoFigure(photo, alt)
}

// Other images are not shown: we never hotlink outside images (privacy, no tracking pixels).
md.renderer.rules.image = (tokens, idx) => md.utils.escapeHtml((tokens[idx] as Token).content)

/**
 * Renders `markdown` to sanitized HTML, resolving `![alt](photo:123)` through `photos`.
 * @example await renderArticleBody('# Rain\n\nIt rained.', lookup) // → '<h2>Rain</h2>\n<p>It rained.</p>\n'
 */
export async function renderArticleBody(
  markdown: string,
  photos: PhotoLookup,
): Promise<RenderedBody> {
  const tokens = md.parse(markdown, {})
  const photoIds = bodyPhotoIds(tokens)
  const found = photoIds.length === 0 ? new Map<number, Photo>() : await photos(photoIds)
  const missing = photoIds.filter((id) => !found.has(id))
  if (missing.length > 0) throw articleBodyPhotoUnknown(missing)
  const env: RenderEnv = { photos: found }
  const html = sanitizeArticleHtml(md.renderer.render(tokens, md.options, env))
  return { html, wordCount: countWords(tokens), photoIds }
}

/** The photos a body places (`![alt](photo:123)` on a line of its own), with the alt written there. */
export function bodyPhotoRefs(markdown: string): { photoId: number; alt: string }[] {
  return md
    .parse(markdown, {})
    .filter((token) => token.type === 'body_photo')
    .map((token) => token.meta as { photoId: number; alt: string })
}

/** Number of words in `text`, by Unicode word boundaries (so CJK text counts too). */
export function countWordsInText(text: string): number {
  let count = 0
  for (const segment of wordSegmenter.segment(text)) if (segment.isWordLike) count++
  return count
}

const wordSegmenter = new Intl.Segmenter('en', { granularity: 'word' })

function soleImage(inline: Token): Token | undefined {
  if (inline.type !== 'inline') return undefined
  const children = (inline.children ?? []).filter(
    (c) => !(c.type === 'text' && c.content.trim() === ''),
  )
  const only = children[0]
  return children.length === 1 && only?.type === 'image' ? only : undefined
}

function photoIdOf(image: Token): number | undefined {
  const match = PHOTO_SRC.exec(image.attrGet('src') ?? '')
  return match?.[1] === undefined ? undefined : Number(match[1])
}

function bodyPhotoIds(tokens: Token[]): number[] {
  const ids: number[] = []
  for (const token of tokens) {
    if (token.type === 'body_photo') ids.push((token.meta as { photoId: number }).photoId)
    for (const child of token.children ?? []) {
      const inlineId = child.type === 'image' ? photoIdOf(child) : undefined
      if (inlineId !== undefined) throw articleBodyPhotoInline(inlineId)
    }
  }
  return [...new Set(ids)]
}

function countWords(tokens: Token[]): number {
  let count = 0
  for (const token of tokens) {
    for (const child of token.children ?? []) {
      if (child.type === 'text' || child.type === 'code_inline')
        count += countWordsInText(child.content)
    }
    if (token.type === 'fence' || token.type === 'code_block')
      count += countWordsInText(token.content)
  }
  return count
}

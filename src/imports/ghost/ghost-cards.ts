/**
 * Ghost's editor cards (images, Markdown, raw HTML, embeds, code…) as plain HTML. Mobiledoc and
 * Lexical documents name the same cards with nearly the same fields, so both render through here.
 */

import MarkdownIt from 'markdown-it'
import { escapeHtml } from '../../lib/html-escape.js'

/** A card's fields, as found in a Mobiledoc payload or on a Lexical node. */
export type CardPayload = Readonly<Record<string, unknown>>

// Markdown cards hold what the author typed; raw HTML in them is theirs and is sanitized later.
const markdown = new MarkdownIt({ html: true, linkify: false })

const text = (payload: CardPayload, field: string): string => {
  const value = payload[field]
  return typeof value === 'string' ? value : ''
}

/** A caption, which Ghost stores as HTML already. */
const caption = (payload: CardPayload): string => {
  const html = text(payload, 'caption')
  return html === '' ? '' : `<figcaption>${html}</figcaption>`
}

const link = (href: string, label: string): string =>
  href === '' ? '' : `<p><a href="${escapeHtml(href)}">${escapeHtml(label || href)}</a></p>`

function image(payload: CardPayload): string {
  const src = text(payload, 'src')
  if (src === '') return ''
  const alt = escapeHtml(text(payload, 'alt'))
  const title = text(payload, 'title')
  const titleAttr = title === '' ? '' : ` title="${escapeHtml(title)}"`
  return `<figure><img src="${escapeHtml(src)}" alt="${alt}"${titleAttr}>${caption(payload)}</figure>`
}

function gallery(payload: CardPayload): string {
  const images = Array.isArray(payload.images) ? (payload.images as unknown[]) : []
  const figures = images
    .filter((item): item is CardPayload => typeof item === 'object' && item !== null)
    .map((item) => image(item))
  const note = text(payload, 'caption')
  return figures.join('') + (figures.length > 0 && note !== '' ? `<p>${note}</p>` : '')
}

function embed(payload: CardPayload): string {
  // The embed's own HTML is mostly an iframe or a script, which sanitizing drops: the address
  // is what survives, so it is kept as a link too.
  const url = text(payload, 'url')
  return text(payload, 'html') + link(url, url) + caption(payload)
}

function bookmark(payload: CardPayload): string {
  const metadata = (payload.metadata ?? {}) as CardPayload
  const description = text(metadata, 'description')
  const summary = description === '' ? '' : `<p>${escapeHtml(description)}</p>`
  return link(text(payload, 'url'), text(metadata, 'title')) + summary
}

function code(payload: CardPayload): string {
  const language = text(payload, 'language').replace(/[^\w+#-]/g, '')
  const cls = language === '' ? '' : ` class="language-${language}"`
  return `<pre><code${cls}>${escapeHtml(text(payload, 'code'))}</code></pre>${caption(payload)}`
}

/** Renders one card; cards that only make sense in Ghost (paywall, email, sign-up) give ''. */
export function renderGhostCard(name: string, payload: CardPayload): string {
  switch (name) {
    case 'image':
      return image(payload)
    case 'gallery':
      return gallery(payload)
    case 'markdown':
    case 'card-markdown':
      return markdown.render(text(payload, 'markdown'))
    case 'html':
      return text(payload, 'html')
    case 'hr':
    case 'horizontalrule':
      return '<hr>'
    case 'embed':
      return embed(payload)
    case 'bookmark':
      return bookmark(payload)
    case 'code':
    case 'codeblock':
      return code(payload)
    case 'callout':
      return `<blockquote><p>${text(payload, 'calloutText')}</p></blockquote>`
    case 'toggle':
      return `<p><strong>${text(payload, 'heading')}</strong></p>${text(payload, 'content')}`
    case 'header': {
      const sub = text(payload, 'subheader')
      return `<h2>${text(payload, 'header')}</h2>${sub === '' ? '' : `<p>${sub}</p>`}`
    }
    case 'button':
      return link(text(payload, 'buttonUrl'), text(payload, 'buttonText'))
    case 'video':
    case 'audio':
    case 'file': {
      const label =
        text(payload, 'title') || text(payload, 'fileTitle') || text(payload, 'fileName')
      return link(text(payload, 'src'), label) + caption(payload)
    }
    case 'product': {
      const title = text(payload, 'productTitle')
      return (title === '' ? '' : `<h3>${title}</h3>`) + text(payload, 'productDescription')
    }
    default:
      return ''
  }
}

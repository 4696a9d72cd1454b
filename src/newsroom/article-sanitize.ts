/** The strict allowlist every rendered article body passes through before it is stored. */

import sanitizeHtml from 'sanitize-html'

const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [
    'p',
    'h2',
    'h3',
    'h4',
    'h5',
    'h6',
    'blockquote',
    'ul',
    'ol',
    'li',
    'em',
    'strong',
    's',
    'a',
    'code',
    'pre',
    'br',
    'hr',
    'figure',
    'figcaption',
    'picture',
    'source',
    'img',
    'span',
    'table',
    'thead',
    'tbody',
    'tr',
    'th',
    'td',
  ],
  allowedAttributes: {
    a: ['href', 'title', 'rel'],
    ol: ['start'],
    img: ['src', 'srcset', 'sizes', 'width', 'height', 'alt', 'loading', 'decoding'],
    source: ['type', 'srcset', 'sizes'],
    figure: ['class'],
    span: ['class'],
  },
  allowedClasses: { figure: ['body-photo'], span: ['credit'] },
  allowedSchemes: ['http', 'https', 'mailto', 'tel'],
  // Images only ever come from our own /media/ paths: no hotlinking, no tracking pixels.
  allowedSchemesByTag: { img: [], source: [] },
  allowedSchemesAppliedToAttributes: ['href', 'src', 'cite'],
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  // <source> is a void element; without this the sanitizer would emit a stray </source>.
  selfClosing: [...sanitizeHtml.defaults.selfClosing, 'source'],
  transformTags: {
    a: (tagName, attribs) => {
      const { rel: _ignored, ...rest } = attribs
      const href = rest.href ?? ''
      // An outside page opened from ours must not get a handle on our window.
      return /^https?:\/\//i.test(href)
        ? { tagName, attribs: { ...rest, rel: 'noopener' } }
        : { tagName, attribs: rest }
    },
  },
}

/** `html` with every tag, attribute and URL scheme outside the article allowlist removed. */
export function sanitizeArticleHtml(html: string): string {
  return sanitizeHtml(html, OPTIONS)
}

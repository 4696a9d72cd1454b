/**
 * Ghost's Mobiledoc (versions 0.3.x, a JSON string on the post) as HTML: markup sections,
 * lists, images and cards, with inline markups (em, strong, a…) opened and closed per marker.
 */

import { escapeHtml } from '../../lib/html-escape.js'
import { GhostBodyError } from './ghost-body-error.js'
import { type CardPayload, renderGhostCard } from './ghost-cards.js'

const MARKUP_SECTION = 1
const IMAGE_SECTION = 2
const LIST_SECTION = 3
const CARD_SECTION = 10

const BLOCK_TAGS = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'aside'])
const INLINE_TAGS = new Set(['a', 'b', 'strong', 'i', 'em', 'u', 's', 'code', 'sub', 'sup', 'mark'])

interface Doc {
  atoms: unknown[]
  cards: unknown[]
  markups: unknown[]
}

const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : [])
const str = (value: unknown, fallback: string): string =>
  typeof value === 'string' ? value : fallback

/** The opening tag of markup `index`, with its href when it is a link; undefined when unknown. */
function openTag(doc: Doc, index: unknown): string | undefined {
  const markup = list(doc.markups[typeof index === 'number' ? index : -1])
  const tag = str(markup[0], '').toLowerCase()
  if (!INLINE_TAGS.has(tag)) return undefined
  if (tag !== 'a') return tag
  const attrs = list(markup[1])
  const at = attrs.indexOf('href')
  const href = at >= 0 && typeof attrs[at + 1] === 'string' ? (attrs[at + 1] as string) : ''
  return `a href="${escapeHtml(href)}"`
}

function atom(doc: Doc, index: unknown): string {
  const entry = list(doc.atoms[typeof index === 'number' ? index : -1])
  if (entry[0] === 'soft-return') return '<br>'
  return typeof entry[1] === 'string' ? escapeHtml(entry[1]) : ''
}

/** Markers → inline HTML; each marker opens markups and closes the last `closed` ones. */
function markers(doc: Doc, items: unknown): string {
  const open: string[] = []
  let html = ''
  for (const raw of list(items)) {
    const [type, opens, closed, value] = list(raw)
    for (const index of list(opens)) {
      const tag = openTag(doc, index)
      open.push(tag === undefined ? '' : (tag.split(' ')[0] ?? ''))
      if (tag !== undefined) html += `<${tag}>`
    }
    html += type === 1 ? atom(doc, value) : escapeHtml(typeof value === 'string' ? value : '')
    const count = typeof closed === 'number' ? closed : 0
    for (let i = 0; i < count && open.length > 0; i++) {
      const tag = open.pop()
      if (tag !== undefined && tag !== '') html += `</${tag}>`
    }
  }
  while (open.length > 0) {
    const tag = open.pop()
    if (tag !== undefined && tag !== '') html += `</${tag}>`
  }
  return html
}

function section(doc: Doc, raw: unknown): string {
  const entry = list(raw)
  switch (entry[0]) {
    case MARKUP_SECTION: {
      const name = str(entry[1], 'p').toLowerCase()
      const tag = BLOCK_TAGS.has(name) ? (name === 'aside' ? 'blockquote' : name) : 'p'
      const inner = markers(doc, entry[2])
      return inner === '' ? '' : `<${tag}>${inner}</${tag}>`
    }
    case IMAGE_SECTION:
      return renderGhostCard('image', { src: entry[1] })
    case LIST_SECTION: {
      const tag = entry[1] === 'ol' ? 'ol' : 'ul'
      const items = list(entry[2]).map((item) => `<li>${markers(doc, item)}</li>`)
      return `<${tag}>${items.join('')}</${tag}>`
    }
    case CARD_SECTION: {
      const card = list(doc.cards[typeof entry[1] === 'number' ? entry[1] : -1])
      const payload = (
        typeof card[1] === 'object' && card[1] !== null ? card[1] : {}
      ) as CardPayload
      return renderGhostCard(str(card[0], ''), payload)
    }
    default:
      return ''
  }
}

/** Renders a Mobiledoc JSON string to HTML; throws GhostBodyError when it is not one. */
export function mobiledocToHtml(json: string): string {
  let doc: unknown
  try {
    doc = JSON.parse(json)
  } catch {
    throw new GhostBodyError('mobiledoc is not valid JSON')
  }
  if (
    typeof doc !== 'object' ||
    doc === null ||
    !Array.isArray((doc as Doc & { sections: unknown }).sections)
  )
    throw new GhostBodyError('mobiledoc has no sections list')
  const parts = doc as Doc & { sections: unknown[] }
  const normalized: Doc = {
    atoms: list(parts.atoms),
    cards: list(parts.cards),
    markups: list(parts.markups),
  }
  return parts.sections.map((s) => section(normalized, s)).join('\n')
}

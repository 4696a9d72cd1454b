/**
 * Ghost's Lexical documents (Ghost 5 and 6, a JSON string on the post) as HTML: the node tree
 * from `root` down, text formats from their bit flags, Ghost's cards through ghost-cards.ts.
 */

import { escapeHtml } from '../../lib/html-escape.js'
import { GhostBodyError } from './ghost-body-error.js'
import { type CardPayload, renderGhostCard } from './ghost-cards.js'

type LexicalNode = CardPayload & { type?: unknown; children?: unknown }

// Lexical's TextNode format bits, innermost first so <code> sits inside <strong>.
const FORMATS: readonly [bit: number, tag: string][] = [
  [16, 'code'],
  [32, 'sub'],
  [64, 'sup'],
  [128, 'mark'],
  [8, 'u'],
  [4, 's'],
  [2, 'em'],
  [1, 'strong'],
]

const HEADING = /^h[1-6]$/
const MAX_DEPTH = 200

function formatted(node: LexicalNode): string {
  let html = escapeHtml(typeof node.text === 'string' ? node.text : '')
  const format = typeof node.format === 'number' ? node.format : 0
  for (const [bit, tag] of FORMATS) if ((format & bit) !== 0) html = `<${tag}>${html}</${tag}>`
  return html
}

function children(node: LexicalNode, depth: number): string {
  if (depth > MAX_DEPTH) throw new GhostBodyError('lexical nesting is too deep')
  const items = Array.isArray(node.children) ? (node.children as unknown[]) : []
  return items.map((child) => render(child, depth + 1)).join('')
}

const wrap = (tag: string, inner: string): string =>
  inner === '' ? '' : `<${tag}>${inner}</${tag}>`

function render(raw: unknown, depth: number): string {
  if (typeof raw !== 'object' || raw === null) return ''
  const node = raw as LexicalNode
  const type = typeof node.type === 'string' ? node.type : ''
  switch (type) {
    case 'root':
      return children(node, depth)
    case 'paragraph':
      return wrap('p', children(node, depth))
    case 'heading':
    case 'extended-heading': {
      const tag = typeof node.tag === 'string' && HEADING.test(node.tag) ? node.tag : 'h2'
      return wrap(tag, children(node, depth))
    }
    case 'quote':
    case 'extended-quote':
    case 'aside':
      return wrap('blockquote', children(node, depth))
    case 'list': {
      const ordered = node.listType === 'number' || node.tag === 'ol'
      return wrap(ordered ? 'ol' : 'ul', children(node, depth))
    }
    case 'listitem':
      return `<li>${children(node, depth)}</li>`
    case 'link':
    case 'autolink': {
      const href = typeof node.url === 'string' ? node.url : ''
      return `<a href="${escapeHtml(href)}">${children(node, depth)}</a>`
    }
    case 'text':
    case 'extended-text':
      return formatted(node)
    case 'linebreak':
      return '<br>'
    case 'tab':
      return ' '
    default:
      // Every other node is one of Ghost's cards (image, markdown, html, embed…), fields inline.
      return renderGhostCard(type, node)
  }
}

/** Renders a Lexical JSON string to HTML; throws GhostBodyError when it is not one. */
export function lexicalToHtml(json: string): string {
  let doc: unknown
  try {
    doc = JSON.parse(json)
  } catch {
    throw new GhostBodyError('lexical is not valid JSON')
  }
  const root =
    typeof doc === 'object' && doc !== null ? (doc as { root?: unknown }).root : undefined
  if (typeof root !== 'object' || root === null || !Array.isArray((root as LexicalNode).children))
    throw new GhostBodyError('lexical has no root node with children')
  return (root as { children: unknown[] }).children.map((child) => render(child, 0)).join('\n')
}

/**
 * HTML from other platforms → our Markdown source. What Markdown can say is kept (headings,
 * paragraphs, emphasis, links, lists, quotes, code, tables, photos); any other tag gives its text.
 * The newsroom renders and sanitizes the result on save, as it does for every story.
 */

import { type HtmlElement, type HtmlNode, parseHtml, textOf } from './html-tree.js'
import {
  codeFence,
  codeSpan,
  destination,
  escapeInline,
  escapeLineStart,
  wrapInline,
} from './markdown-text.js'

export interface HtmlToMarkdownOptions {
  /** Our photo id for an image address, when that image was imported; others are left out. */
  photoFor?: (src: string) => number | undefined
  /**
   * Bare text with blank lines between paragraphs, as WordPress stores posts (it adds the <p>
   * tags only when it shows them): blank lines then start new paragraphs.
   */
  blankLinesAreParagraphs?: boolean
}

export interface ConvertedBody {
  markdown: string
  /** Addresses of images left out because no photo was imported for them. */
  droppedImages: string[]
}

const BLOCK_CONTAINERS = new Set([
  'p', 'div', 'section', 'article', 'main', 'header', 'footer', 'aside', 'nav', 'figure',
  'body', 'html', 'center', 'address', 'details', 'summary', 'dl', 'dt', 'dd', 'form', 'fieldset',
]) // prettier-ignore
const BLOCKS = new Set([
  ...BLOCK_CONTAINERS,
  ...['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'li', 'blockquote', 'pre', 'hr', 'table'],
  ...['figcaption', 'img', 'iframe', 'video', 'audio'],
])
const EMPHASIS: Record<string, string> = { em: '*', i: '*', strong: '**', b: '**' }
const STRIKE = new Set(['s', 'del', 'strike'])
const NESTED_LIST = /^(- |\d+\. )/
const LINK_SCHEME = /^(https?:|mailto:|tel:|\/|#|\.\.?\/)/i

/**
 * Converts `html` to Markdown.
 * @example htmlToMarkdown('<h2>Tide</h2><p>It <em>rose</em>.</p>').markdown // → '## Tide\n\nIt *rose*.'
 */
export function htmlToMarkdown(html: string, options: HtmlToMarkdownOptions = {}): ConvertedBody {
  const converter = new Converter(options)
  const blocks = converter.blocks(parseHtml(html))
  return { markdown: blocks.join('\n\n').trim(), droppedImages: converter.dropped }
}

class Converter {
  readonly dropped: string[] = []
  /** Photos met inside the paragraph being built; they follow it as blocks of their own. */
  private pendingPhotos: string[] = []

  constructor(private readonly options: HtmlToMarkdownOptions) {}

  /** The Markdown blocks of a run of nodes: inline runs become paragraphs. */
  blocks(nodes: readonly HtmlNode[]): string[] {
    const out: string[] = []
    let inline = ''
    const flush = (): void => {
      const text = inline
        .replace(/[ \t]+/g, ' ')
        .replace(/ ?\n ?/g, '\n')
        .trim()
      if (text !== '') out.push(escapeLineStart(text))
      inline = ''
      out.push(...this.pendingPhotos)
      this.pendingPhotos = []
    }
    for (const node of nodes) {
      if (typeof node === 'string') {
        const parts = this.options.blankLinesAreParagraphs ? node.split(/\n[ \t]*\n/) : [node]
        parts.forEach((part, i) => {
          if (i > 0) flush()
          inline += escapeInline(collapse(part))
        })
      } else if (BLOCKS.has(node.tag)) {
        flush()
        out.push(...this.block(node))
      } else {
        inline += this.inline(node)
      }
    }
    flush()
    return out.filter((block) => block.trim() !== '')
  }

  private block(node: HtmlElement): string[] {
    const tag = node.tag
    if (/^h[1-6]$/.test(tag)) {
      const text = this.inlineOf(node.children).replace(/\\?\n/g, ' ').trim()
      const photos = this.takePhotos()
      return text === '' ? photos : [`${'#'.repeat(Number(tag[1]))} ${text}`, ...photos]
    }
    switch (tag) {
      case 'ul':
      case 'ol':
        return [this.list(node)]
      case 'li':
        return this.blocks(node.children)
      case 'blockquote': {
        const inner = this.blocks(node.children).join('\n\n')
        return inner === '' ? [] : [inner.replace(/^/gm, '> ').replace(/^> $/gm, '>')]
      }
      case 'pre':
        return [this.codeBlock(node)]
      case 'hr':
        return ['***']
      case 'table':
        return this.table(node)
      case 'img':
        return this.photo(node)
      case 'figcaption':
        return []
      case 'iframe':
      case 'video':
      case 'audio':
        return this.embed(node)
      case 'figure': {
        const blocks = this.blocks(node.children)
        // A figure whose image became a photo shows the photo's own caption; otherwise its
        // caption is all that is left of it, kept as a paragraph.
        const hasPhoto = blocks.some((block) => block.startsWith('!['))
        const caption = node.children.find((c) => typeof c !== 'string' && c.tag === 'figcaption')
        if (hasPhoto || caption === undefined || typeof caption === 'string') return blocks
        return [...blocks, ...this.blocks(caption.children)]
      }
      default:
        return this.blocks(node.children)
    }
  }

  private inline(node: HtmlElement): string {
    const tag = node.tag
    const marker = EMPHASIS[tag]
    if (marker !== undefined) return wrapInline(marker, this.inlineOf(node.children))
    if (STRIKE.has(tag)) return wrapInline('~~', this.inlineOf(node.children))
    switch (tag) {
      case 'br':
        return '\\\n'
      case 'code':
      case 'kbd':
      case 'samp':
      case 'tt': {
        const text = collapse(textOf(node))
        return text.trim() === '' ? text : codeSpan(text)
      }
      case 'a': {
        const text = this.inlineOf(node.children)
        const href = node.attrs.href?.trim() ?? ''
        if (text.trim() === '' || !LINK_SCHEME.test(href)) return text
        return `[${text}](${destination(href)})`
      }
      case 'img':
        this.pendingPhotos.push(...this.photo(node))
        return ''
      default:
        // Unknown or presentational tags (span, font, u, sup, abbr…) give their text.
        return this.inlineOf(node.children)
    }
  }

  private inlineOf(nodes: readonly HtmlNode[]): string {
    return nodes
      .map((node) => (typeof node === 'string' ? escapeInline(collapse(node)) : this.inline(node)))
      .join('')
  }

  private takePhotos(): string[] {
    const photos = this.pendingPhotos
    this.pendingPhotos = []
    return photos
  }

  private list(node: HtmlElement): string {
    const ordered = node.tag === 'ol'
    let number = Number.parseInt(node.attrs.start ?? '1', 10)
    if (!Number.isSafeInteger(number) || number < 0) number = 1
    const items: string[] = []
    for (const child of node.children) {
      if (typeof child === 'string') continue
      const blocks = child.tag === 'li' ? this.blocks(child.children) : this.block(child)
      // A nested list follows its item's text directly, so the list stays tight.
      const body = blocks
        .map((block, i) => (i === 0 ? block : `${NESTED_LIST.test(block) ? '\n' : '\n\n'}${block}`))
        .join('')
        .trim()
      if (body === '') continue
      const marker = ordered ? `${number++}. ` : '- '
      const indent = ' '.repeat(marker.length)
      items.push(marker + body.replace(/\n(?=.)/g, `\n${indent}`))
    }
    return items.join('\n')
  }

  private codeBlock(node: HtmlElement): string {
    const text = textOf(node).replace(/^\n/, '').replace(/\s+$/, '')
    const code = node.children.find((c): c is HtmlElement => typeof c !== 'string')
    const language = /(?:^|\s)(?:language|lang)-([\w+-]+)/.exec(
      `${code?.attrs.class ?? ''} ${node.attrs.class ?? ''}`,
    )?.[1]
    const fence = codeFence(text)
    return `${fence}${language ?? ''}\n${text}\n${fence}`
  }

  private table(node: HtmlElement): string[] {
    const rows: string[][] = []
    const walk = (element: HtmlElement): void => {
      for (const child of element.children) {
        if (typeof child === 'string') continue
        if (child.tag === 'tr') {
          rows.push(
            child.children
              .filter((c): c is HtmlElement => typeof c !== 'string' && /^t[hd]$/.test(c.tag))
              .map((cell) => this.inlineOf(cell.children).replace(/\\?\n/g, ' ').trim()),
          )
        } else if (['thead', 'tbody', 'tfoot'].includes(child.tag)) walk(child)
      }
    }
    walk(node)
    const width = Math.max(0, ...rows.map((row) => row.length))
    if (width === 0) return []
    const line = (cells: string[]): string =>
      `| ${Array.from({ length: width }, (_, i) => (cells[i] ?? '').replace(/\|/g, '\\|')).join(' | ')} |`
    const [head = [], ...body] = rows
    const separator = `| ${Array.from({ length: width }, () => '---').join(' | ')} |`
    return [[line(head), separator, ...body.map(line)].join('\n'), ...this.takePhotos()]
  }

  private photo(node: HtmlElement): string[] {
    const src = node.attrs.src?.trim() ?? ''
    if (src === '') return []
    const id = this.options.photoFor?.(src)
    if (id === undefined) {
      this.dropped.push(src)
      return []
    }
    const alt = collapse(node.attrs.alt ?? '')
      .trim()
      .replace(/[[\]\\]/g, '\\$&')
    return [`![${alt}](photo:${id})`]
  }

  /** Embedded players are not carried over; a link to what they showed is. */
  private embed(node: HtmlElement): string[] {
    const src = node.attrs.src?.trim() ?? ''
    if (!/^https?:\/\//i.test(src)) return []
    return [`[${escapeInline(src)}](${destination(src)})`]
  }
}

/** Whitespace runs (HTML's insignificant spacing) as one space. */
function collapse(text: string): string {
  return text.replace(/\s+/g, ' ')
}

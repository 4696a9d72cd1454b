/** Branded HTML strings: everything is escaped on the way in unless it is already SafeHtml. */

import { escapeHtml } from '../../lib/html-escape.js'

/** A string of HTML that is known to be safe to send as-is. */
export class SafeHtml {
  readonly value: string
  constructor(value: string) {
    this.value = value
  }
  toString(): string {
    return this.value
  }
}

/**
 * Marks trusted HTML (sanitized article bodies, JSON-LD already escaped) as safe.
 * Every call is an exception a reviewer must be able to justify: grep for `raw(`.
 * @example raw(article.bodyHtml)
 */
export function raw(html: string): SafeHtml {
  return new SafeHtml(html)
}

/** Anything a view may place in the tree. */
export type Child = SafeHtml | string | number | boolean | null | undefined | readonly Child[]

/** Appends `child` to `out`, escaping text. */
export function renderChild(child: Child): string {
  if (child === null || child === undefined || child === false || child === true) return ''
  if (typeof child === 'string') return escapeHtml(child)
  if (typeof child === 'number') return String(child)
  if (child instanceof SafeHtml) return child.value
  let out = ''
  for (const item of child) out += renderChild(item)
  return out
}

/** A full document: the doctype followed by the rendered root. */
export function renderDocument(root: SafeHtml): string {
  return '<!doctype html>' + root.value
}

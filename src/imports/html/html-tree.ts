/** Parses an HTML fragment from another platform into a small tree (htmlparser2, forgiving). */

import { Parser } from 'htmlparser2'

/** An element with its lower-case name, attributes and children. */
export interface HtmlElement {
  tag: string
  attrs: Record<string, string>
  children: HtmlNode[]
}

/** Text (entities decoded) or an element. */
export type HtmlNode = string | HtmlElement

/** Content that is never text a reader should see. */
const DROPPED = new Set(['script', 'style', 'noscript', 'template', 'head', 'title', 'object'])

/**
 * The fragment `html` as a tree; broken markup is repaired the way browsers do (unclosed tags
 * close at their parent's end), comments and scripts are dropped.
 * @example parseHtml('<p>Hi <em>there</em></p>') // → [{ tag: 'p', attrs: {}, children: ['Hi ', { tag: 'em', … }] }]
 */
export function parseHtml(html: string): HtmlNode[] {
  const root: HtmlElement = { tag: '#root', attrs: {}, children: [] }
  const stack: HtmlElement[] = [root]
  let dropping = 0
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        if (dropping > 0 || DROPPED.has(name)) {
          dropping++
          return
        }
        const element: HtmlElement = { tag: name, attrs, children: [] }
        stack[stack.length - 1]?.children.push(element)
        stack.push(element)
      },
      onclosetag() {
        if (dropping > 0) dropping--
        else if (stack.length > 1) stack.pop()
      },
      ontext(text) {
        if (dropping > 0) return
        const children = stack[stack.length - 1]?.children
        if (children === undefined) return
        const last = children[children.length - 1]
        if (typeof last === 'string') children[children.length - 1] = last + text
        else children.push(text)
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  )
  parser.end(html)
  return root.children
}

/** Every text inside `node`, as is (for code blocks). */
export function textOf(node: HtmlNode): string {
  return typeof node === 'string' ? node : node.children.map(textOf).join('')
}

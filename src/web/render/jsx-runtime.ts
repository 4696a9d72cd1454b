/** Our JSX runtime: renders elements straight to escaped strings (SafeHtml), with no virtual DOM. */

import { escapeHtml } from '../../lib/html-escape.js'
import { type Child, renderChild, SafeHtml } from './html.js'

const VOID_ELEMENTS = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'source',
  'track',
  'wbr',
])

type AttributeValue = string | number | boolean | null | undefined

/** The props every intrinsic element accepts; attribute names are HTML's own (`class`, `for`). */
export type IntrinsicProps = { children?: Child } & Record<string, AttributeValue | Child>

type Component<P> = (props: P) => SafeHtml

/** Renders one element or component call. */
export function jsx(type: string | Component<any>, props: Record<string, unknown>): SafeHtml {
  if (typeof type === 'function') return type(props)
  let out = '<' + type
  for (const name in props) {
    if (name === 'children') continue
    const value = props[name] as AttributeValue
    if (value === null || value === undefined || value === false) continue
    out += value === true ? ' ' + name : ' ' + name + '="' + escapeHtml(String(value)) + '"'
  }
  out += '>'
  if (VOID_ELEMENTS.has(type)) return new SafeHtml(out)
  return new SafeHtml(out + renderChild(props.children as Child) + '</' + type + '>')
}

export const jsxs = jsx
export const jsxDEV = jsx

/** `<>…</>`: renders its children only. */
export function Fragment(props: { children?: Child }): SafeHtml {
  return new SafeHtml(renderChild(props.children))
}

export declare namespace JSX {
  type Element = SafeHtml
  interface ElementChildrenAttribute {
    children: unknown
  }
  interface IntrinsicElements {
    [name: string]: IntrinsicProps
  }
}

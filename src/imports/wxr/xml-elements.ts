/**
 * Streams an XML file and hands over, one at a time, the elements we care about (a WXR <item>,
 * <wp:author>, <wp:category>) as small trees with their line and what was wrong in them. Built on
 * htmlparser2's xml mode, which recovers from broken markup instead of stopping: one broken post
 * is reported and the rest of the file still imports (docs/decisions/0021-imports.md).
 */

import { Parser } from 'htmlparser2'

/** An element of a collected subtree: its text (CDATA included) and child elements. */
export interface XmlNode {
  name: string
  attrs: Record<string, string>
  text: string
  children: XmlNode[]
}

/** One collected element, where it starts, and the problems found inside it. */
export interface CollectedElement {
  /** Names from the root to the element, e.g. "rss/channel/item". */
  path: string
  node: XmlNode
  line: number
  problems: string[]
}

export interface XmlElementReader {
  /** Feeds the next piece of text; returns the elements completed by it. */
  write(text: string): CollectedElement[]
  /** Ends the input; returns the elements completed by the end (reported as cut short). */
  end(): CollectedElement[]
  /** Simple fields read outside collected elements, by path ("rss/channel/title" → text). */
  readonly fields: Map<string, string>
}

/**
 * A reader that collects the elements at the paths `collect` names (and records the text of
 * direct fields at the paths `fields` names).
 */
export function createXmlElementReader(
  collect: ReadonlySet<string>,
  fields: ReadonlySet<string> = new Set(),
): XmlElementReader {
  const lines = createLineCounter()
  const stack: string[] = []
  const fieldValues = new Map<string, string>()
  let done: CollectedElement[] = []
  let current: { element: CollectedElement; open: XmlNode[]; depth: number } | undefined
  let inCdata = false
  let fieldText: string | undefined

  const parser = new Parser(
    {
      onopentag(name, attrs) {
        stack.push(name)
        const path = stack.join('/')
        if (current !== undefined) {
          const node: XmlNode = { name, attrs, text: '', children: [] }
          current.open[current.open.length - 1]?.children.push(node)
          current.open.push(node)
        } else if (collect.has(path)) {
          const node: XmlNode = { name, attrs, text: '', children: [] }
          const line = lines.lineAt(parser.startIndex)
          current = { element: { path, node, line, problems: [] }, open: [node], depth: stack.length } // prettier-ignore
        } else if (fields.has(path)) {
          fieldText = ''
        }
      },
      onclosetag(name, isImplied) {
        const path = stack.join('/')
        stack.pop()
        if (current !== undefined) {
          if (isImplied) {
            current.element.problems.push(
              stack.length + 1 === current.depth
                ? `broken XML: <${name}> is not closed (the file ends inside it)`
                : `broken XML: <${name}> is not closed before its parent ends`,
            )
          }
          current.open.pop()
          if (stack.length < current.depth) {
            done.push(current.element)
            current = undefined
          }
        } else if (fieldText !== undefined) {
          if (!fieldValues.has(path)) fieldValues.set(path, fieldText.trim())
          fieldText = undefined
        }
      },
      ontext(text) {
        if (current !== undefined) {
          const node = current.open[current.open.length - 1]
          if (node !== undefined) node.text += text
          if (inCdata && text.includes('<![CDATA['))
            addProblem(current.element, 'CDATA inside CDATA (an inner "<![CDATA[" is not allowed)')
          else if (!inCdata && text.includes(']]>'))
            addProblem(current.element, 'CDATA inside CDATA (a "]]>" outside any CDATA section)')
        } else if (fieldText !== undefined) {
          fieldText += text
        }
      },
      oncdatastart() {
        inCdata = true
      },
      oncdataend() {
        inCdata = false
      },
    },
    { xmlMode: true, decodeEntities: true, recognizeCDATA: true },
  )

  const take = (): CollectedElement[] => {
    const out = done
    done = []
    return out
  }

  return {
    write(text) {
      lines.push(text)
      parser.write(text)
      return take()
    },
    end() {
      parser.end()
      return take()
    },
    fields: fieldValues,
  }
}

function addProblem(element: CollectedElement, problem: string): void {
  if (!element.problems.includes(problem)) element.problems.push(problem)
}

/**
 * Line numbers of character offsets, asked in increasing order while the text streams through:
 * only the text not yet counted is kept.
 */
function createLineCounter() {
  let kept = ''
  let keptFrom = 0
  let line = 1
  return {
    push(text: string) {
      kept += text
    },
    lineAt(offset: number): number {
      const upTo = Math.max(0, offset - keptFrom)
      for (let i = 0; i < upTo && i < kept.length; i++) if (kept.charCodeAt(i) === 10) line++
      kept = kept.slice(upTo)
      keptFrom += upTo
      return line
    },
  }
}

/** The first direct child named `name`, if any. */
export function childOf(node: XmlNode, name: string): XmlNode | undefined {
  return node.children.find((child) => child.name === name)
}

/** The trimmed text of the first direct child named `name` ('' when absent). */
export function textOfChild(node: XmlNode, name: string): string {
  return childOf(node, name)?.text.trim() ?? ''
}

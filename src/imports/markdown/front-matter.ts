/**
 * The YAML front matter of a Markdown file, for the subset static-site generators write: one
 * `key: value` per line with plain, 'single'- or "double"-quoted scalars, lists as `[a, b]` or
 * as `- a` lines below the key, `|` and `>` blocks, and # comments. Values stay text; what a
 * field means (a date, a flag) is the caller's business. Nested mappings are reported, not read.
 */

/** A front-matter value: text, a list of texts, or null (`~`, `null` or nothing). */
export type FrontValue = string | string[] | null

/** A line the parser could not read, by its 1-based line number in the file. */
export interface FrontProblem {
  line: number
  reason: string
}

export interface FrontMatter {
  fields: Map<string, FrontValue>
  /** The Markdown after the closing `---`. */
  body: string
  /** Line number (1-based) of the body's first line. */
  bodyLine: number
  problems: FrontProblem[]
}

const KEY_LINE = /^([A-Za-z_][\w-]*)\s*:(?:\s+(.*)|\s*)$/
const LIST_ITEM = /^\s+-\s+(.*)$|^-\s+(.*)$|^\s*-\s*$/

/** A quoted or plain scalar: quotes removed and escapes read; a trailing ` # comment` dropped. */
export function scalar(raw: string): string | null {
  const text = raw.trim()
  if (text.startsWith("'")) {
    const end = text.lastIndexOf("'")
    if (end > 0) return text.slice(1, end).replace(/''/g, "'")
  }
  if (text.startsWith('"')) {
    const match = /^"((?:[^"\\]|\\.)*)"/.exec(text)
    if (match?.[1] !== undefined) {
      try {
        return JSON.parse(`"${match[1].replace(/\\'/g, "'")}"`) as string
      } catch {
        return match[1]
      }
    }
  }
  const plain = text.replace(/\s+#.*$/, '').trim()
  return plain === '' || plain === '~' || plain === 'null' ? null : plain
}

/** `[a, "b, c", 'd']` → its items (commas inside quotes kept). */
function flowList(text: string): string[] {
  const inner = text.trim().slice(1, -1)
  const items: string[] = []
  let current = ''
  let quote = ''
  for (const ch of inner) {
    if (quote !== '') {
      if (ch === quote) quote = ''
      current += ch
    } else if (ch === '"' || ch === "'") {
      quote = ch
      current += ch
    } else if (ch === ',') {
      items.push(current)
      current = ''
    } else current += ch
  }
  items.push(current)
  return items.map(scalar).filter((item): item is string => item !== null)
}

/** Reads a `|` (keep lines) or `>` (fold lines) block from the indented lines after `at`. */
function block(
  lines: readonly string[],
  at: number,
  fold: boolean,
): { text: string; next: number } {
  const taken: string[] = []
  let i = at
  while (i < lines.length && (/^\s+\S/.test(lines[i] ?? '') || (lines[i] ?? '').trim() === '')) {
    taken.push(lines[i] ?? '')
    i++
  }
  const indent = Math.min(
    ...taken.filter((l) => l.trim() !== '').map((l) => /^\s*/.exec(l)?.[0].length ?? 0),
  )
  const body = taken
    .map((l) => l.slice(Number.isFinite(indent) ? indent : 0))
    .join('\n')
    .trim()
  return { text: fold ? body.replace(/\n(?!\n)/g, ' ').replace(/\n\n/g, '\n') : body, next: i }
}

/** Parses the lines between the `---` fences; see the file header. */
function parseFields(
  lines: readonly string[],
  firstLine: number,
): Omit<FrontMatter, 'body' | 'bodyLine'> {
  const fields = new Map<string, FrontValue>()
  const problems: FrontProblem[] = []
  let i = 0
  while (i < lines.length) {
    const line = lines[i] ?? ''
    const number = firstLine + i
    i++
    if (line.trim() === '' || line.trimStart().startsWith('#')) continue
    const match = KEY_LINE.exec(line)
    if (match === null) {
      problems.push({
        line: number,
        reason: `not a "key: value" line: ${JSON.stringify(line.trim().slice(0, 60))}`,
      })
      continue
    }
    const key = (match[1] ?? '').toLowerCase()
    const rest = (match[2] ?? '').trim()
    if (rest === '|' || rest === '>' || /^[|>][+-]$/.test(rest)) {
      const read = block(lines, i, rest.startsWith('>'))
      fields.set(key, read.text)
      i = read.next
    } else if (rest.startsWith('[')) {
      if (!rest.replace(/\s+#.*$/, '').endsWith(']'))
        problems.push({ line: number, reason: `unclosed list in "${key}"` })
      else fields.set(key, flowList(rest.replace(/\s+#.*$/, '')))
    } else if (rest === '' || rest.startsWith('#')) {
      const items: string[] = []
      while (i < lines.length && LIST_ITEM.test(lines[i] ?? '')) {
        const item = LIST_ITEM.exec(lines[i] ?? '')
        const value = scalar(item?.[1] ?? item?.[2] ?? '')
        if (value !== null) items.push(value)
        i++
      }
      if (items.length > 0) fields.set(key, items)
      else if (i < lines.length && /^\s+\S+\s*:/.test(lines[i] ?? '')) {
        problems.push({ line: number, reason: `"${key}" is a nested mapping, which is not read` })
        while (i < lines.length && /^\s+\S/.test(lines[i] ?? '')) i++
      } else fields.set(key, null)
    } else fields.set(key, scalar(rest))
  }
  return { fields, problems }
}

/**
 * Splits `text` into front matter and body. Undefined when the file does not start with a
 * `---` line; a front matter never closed gives a problem and no body.
 * @example frontMatter('---\ntitle: Hello\n---\nBody').fields.get('title') // → 'Hello'
 */
export function frontMatter(text: string): FrontMatter | undefined {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/)
  if ((lines[0] ?? '').trimEnd() !== '---') return undefined
  const close = lines.findIndex((line, index) => index > 0 && /^(---|\.\.\.)\s*$/.test(line))
  if (close === -1) {
    return {
      fields: new Map(),
      body: '',
      bodyLine: lines.length + 1,
      problems: [{ line: 1, reason: 'the front matter is never closed by a "---" line' }],
    }
  }
  const parsed = parseFields(lines.slice(1, close), 2)
  return { ...parsed, body: lines.slice(close + 1).join('\n'), bodyLine: close + 2 }
}

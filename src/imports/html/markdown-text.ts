/** Plain text made safe to stand in Markdown: what would be read as markup is escaped. */

/** `text` with Markdown's inline markup characters escaped (collapsing is the caller's job). */
export function escapeInline(text: string): string {
  return (
    text
      .replace(/[\\`*[\]]/g, '\\$&')
      // Underscores inside words are no emphasis for markdown-it; only those at a word's edge are.
      .replace(/(^|[^\p{L}\p{N}])_|_(?=[^\p{L}\p{N}]|$)/gu, (match) => match.replace('_', '\\_'))
      .replace(/~~/g, '\\~\\~')
      // markdown-it decodes entities in text: "&amp;" written by an author must stay as typed.
      .replace(/&(?=#?\w+;)/g, '\\&')
  )
}

/** A paragraph whose first characters would start a heading, list, quote or rule, made plain. */
export function escapeLineStart(line: string): string {
  if (/^(#{1,6}(\s|$)|>|[-+*](\s|$)|=+\s*$|-{3,}\s*$)/.test(line)) return `\\${line}`
  const ordered = /^(\d{1,9})([.)])(\s|$)/.exec(line)
  if (ordered?.[1] !== undefined) return `${ordered[1]}\\${line.slice(ordered[1].length)}`
  return line
}

/** A code span for `text`, with a fence of backticks longer than any run inside it. */
export function codeSpan(text: string): string {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length))
  const fence = '`'.repeat(longest + 1)
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : ''
  return `${fence}${pad}${text}${pad}${fence}`
}

/** The fence for a code block holding `text`: three backticks, or more than the longest run. */
export function codeFence(text: string): string {
  const longest = Math.max(
    0,
    ...(text.match(/^ {0,3}`{3,}/gm) ?? []).map((run) => run.trim().length),
  )
  return '`'.repeat(Math.max(3, longest + 1))
}

/** A link or image destination: spaces and parentheses encoded so Markdown keeps it whole. */
export function destination(url: string): string {
  return url.trim().replace(/[\s()<>]/g, (c) => encodeURIComponent(c))
}

/** `inner` wrapped in `marker`, with surrounding spaces moved outside (`*a* ` not `*a *`). */
export function wrapInline(marker: string, inner: string): string {
  const match = /^(\s*)([\s\S]*?)(\s*)$/.exec(inner)
  const [lead, core, trail] = [match?.[1] ?? '', match?.[2] ?? '', match?.[3] ?? '']
  return core === '' ? inner : `${lead}${marker}${core}${marker}${trail}`
}

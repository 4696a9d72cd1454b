/**
 * Highlighted text for results: the words a query matched, found by the same analysis the index
 * uses, returned as plain-text parts (the view wraps the marked ones in <mark> and escapes all).
 */

import { type Token, tokenize } from './analysis.js'

/** A run of text, marked when it is a word the query matched. */
export interface TextPart {
  text: string
  mark: boolean
}

/** A term to highlight; a prefix term marks every word whose term starts with it. */
export interface HighlightTerm {
  term: string
  prefix: boolean
}

/** Words in a snippet. */
const SNIPPET_WORDS = 30

const matcher =
  (terms: readonly HighlightTerm[]) =>
  (token: Token): boolean =>
    terms.some((t) => (t.prefix ? token.term.startsWith(t.term) : token.term === t.term))

/** `text[from, to)` cut into parts, the matched tokens inside it marked. */
function partsOf(
  text: string,
  tokens: readonly Token[],
  hits: readonly boolean[],
  from: number,
  to: number,
): TextPart[] {
  const parts: TextPart[] = []
  let at = from
  tokens.forEach((token, i) => {
    if (!hits[i] || token.start < from || token.end > to) return
    if (token.start > at) parts.push({ text: text.slice(at, token.start), mark: false })
    parts.push({ text: text.slice(token.start, token.end), mark: true })
    at = token.end
  })
  if (at < to) parts.push({ text: text.slice(at, to), mark: false })
  return parts
}

/**
 * The whole of `text` (a headline) with the matched words marked.
 * @example highlightAll('Ferries stop', [{ term: 'ferry', prefix: false }]) // [{ text: 'Ferries', mark: true }, { text: ' stop', mark: false }]
 */
export function highlightAll(text: string, terms: readonly HighlightTerm[]): TextPart[] {
  const tokens = tokenize(text)
  return partsOf(text, tokens, tokens.map(matcher(terms)), 0, text.length)
}

/**
 * About SNIPPET_WORDS words of the first of `texts` that holds a match (the densest window of
 * it), matched words marked, with an ellipsis where the text was cut. Falls back to the opening
 * words of the first non-empty text when no field holds a match (a tag or byline matched).
 */
export function snippetOf(texts: readonly string[], terms: readonly HighlightTerm[]): TextPart[] {
  const isHit = matcher(terms)
  let fallback: { text: string; tokens: Token[] } | undefined
  for (const text of texts) {
    const tokens = tokenize(text)
    if (tokens.length === 0) continue
    fallback ??= { text, tokens }
    const hits = tokens.map(isHit)
    if (!hits.includes(true)) continue
    // The window of SNIPPET_WORDS tokens with the most hits, earliest on a tie.
    let best = 0
    let bestCount = -1
    let count = 0
    for (let i = 0; i < tokens.length; i++) {
      if (hits[i]) count += 1
      const leaving = i - SNIPPET_WORDS
      if (leaving >= 0 && hits[leaving]) count -= 1
      const start = Math.max(0, i - SNIPPET_WORDS + 1)
      if (count > bestCount) {
        bestCount = count
        best = start
      }
    }
    // Start a few words before the first hit in the window, so it reads in context.
    const firstHit = hits.indexOf(true, best)
    const startToken = Math.max(0, Math.min(best, firstHit - 3))
    return window(text, tokens, hits, startToken)
  }
  if (fallback === undefined) return []
  return window(
    fallback.text,
    fallback.tokens,
    fallback.tokens.map(() => false),
    0,
  )
}

function window(
  text: string,
  tokens: readonly Token[],
  hits: readonly boolean[],
  first: number,
): TextPart[] {
  const last = Math.min(tokens.length - 1, first + SNIPPET_WORDS - 1)
  const from = first === 0 ? 0 : (tokens[first]?.start ?? 0)
  const to = last === tokens.length - 1 ? text.length : (tokens[last]?.end ?? text.length)
  const parts = partsOf(text, tokens, hits, from, to)
  if (from > 0) parts.unshift({ text: '… ', mark: false })
  if (to < text.length) parts.push({ text: ' …', mark: false })
  return parts
}

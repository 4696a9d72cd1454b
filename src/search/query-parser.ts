/**
 * Reads what a reader typed into a small, safe query tree. Nothing the reader typed reaches the
 * database as syntax: the tree holds only analysed terms, and each index compiles it itself.
 */

import { termOfWord, termsOf } from './analysis.js'

/** One thing to find: a word (optionally a prefix, `ship*`) or a phrase in quotes. */
export type QueryUnit =
  { kind: 'term'; term: string; prefix: boolean } | { kind: 'phrase'; terms: string[] }

/** Every group must match (AND); a group matches when any of its units does (OR). */
export interface SearchQuery {
  groups: QueryUnit[][]
  /** Units no result may contain (`-word`, `NOT word`). */
  excluded: QueryUnit[]
}

/** The longest query read; longer ones are refused with a clear message, not cut silently. */
export const MAX_QUERY_LENGTH = 256
/** At most this many units are used: each one costs the index a lookup. */
export const MAX_QUERY_UNITS = 12
/** A shorter prefix (`a*`) would match most of the index; it is searched as a plain word. */
const MIN_PREFIX_LENGTH = 2

type Piece =
  | { kind: 'operator'; operator: 'AND' | 'OR' | 'NOT' }
  | { kind: 'unit'; unit: QueryUnit; negated: boolean }

/**
 * Parses `input` (any text: control characters are spaces, unbalanced quotes are ignored, bare
 * operators are dropped). The result may have no groups: the query had nothing to search for.
 * @example parseQuery('"tidal power" ferr* -strike') // two groups, one excluded term
 */
export function parseQuery(input: string): SearchQuery {
  const pieces = piecesOf(input.replace(/[\p{Cc}\p{Cs}]/gu, ' '))
  const groups: QueryUnit[][] = []
  const excluded: QueryUnit[] = []
  let units = 0
  let joinNext = false
  let negateNext = false
  for (const piece of pieces) {
    if (piece.kind === 'operator') {
      if (piece.operator === 'OR') joinNext = groups.length > 0
      if (piece.operator === 'NOT') negateNext = true
      continue
    }
    if (units >= MAX_QUERY_UNITS) break
    units += 1
    if (piece.negated || negateNext) excluded.push(piece.unit)
    else if (joinNext) groups[groups.length - 1]?.push(piece.unit)
    else groups.push([piece.unit])
    joinNext = false
    negateNext = false
  }
  return { groups, excluded }
}

/** Splits the text into quoted phrases, operators and words. */
function piecesOf(text: string): Piece[] {
  const pieces: Piece[] = []
  let at = 0
  while (at < text.length) {
    const char = text[at] ?? ''
    if (/\s/.test(char)) {
      at += 1
      continue
    }
    const negated = (char === '-' || char === '−') && text[at + 1] !== undefined
    const start = negated ? at + 1 : at
    if (text[start] === '"') {
      const close = text.indexOf('"', start + 1)
      if (close !== -1) {
        const unit = phraseOf(termsOf(text.slice(start + 1, close)))
        if (unit !== undefined) pieces.push({ kind: 'unit', unit, negated })
        at = close + 1
        continue
      }
      // An unbalanced quote: ignored, its words are read as words.
      at = start + 1
      continue
    }
    let end = start
    while (end < text.length && !/\s/.test(text[end] ?? '') && text[end] !== '"') end += 1
    const word = text.slice(start, end)
    at = Math.max(end, start + 1)
    if (!negated && (word === 'AND' || word === 'OR' || word === 'NOT')) {
      pieces.push({ kind: 'operator', operator: word })
      continue
    }
    const unit = wordUnit(word)
    if (unit !== undefined) pieces.push({ kind: 'unit', unit, negated })
  }
  return pieces
}

/** A word as typed: `ship*` is a prefix, `e-mail` a phrase of its parts, `*` or `(` nothing. */
function wordUnit(word: string): QueryUnit | undefined {
  const prefix = /[\p{L}\p{N}\p{M}]\*+$/u.test(word)
  const terms = termsOf(word)
  if (terms.length === 0) return undefined
  if (terms.length === 1 && prefix) {
    const bare = termOfWord(word.replace(/\*+$/, ''))
    if (bare.length >= MIN_PREFIX_LENGTH) return { kind: 'term', term: bare, prefix: true }
  }
  return phraseOf(terms)
}

function phraseOf(terms: string[]): QueryUnit | undefined {
  if (terms.length === 0) return undefined
  if (terms.length === 1) return { kind: 'term', term: terms[0] ?? '', prefix: false }
  return { kind: 'phrase', terms: terms.slice(0, MAX_QUERY_UNITS) }
}

/** Every term a result could be highlighted for, with whether it is a prefix. */
export function highlightTerms(query: SearchQuery): { term: string; prefix: boolean }[] {
  const out: { term: string; prefix: boolean }[] = []
  for (const unit of query.groups.flat()) {
    if (unit.kind === 'term') out.push({ term: unit.term, prefix: unit.prefix })
    else for (const term of unit.terms) out.push({ term, prefix: false })
  }
  return out
}

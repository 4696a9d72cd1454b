/** Search's text analysis: words with their offsets, folded and stemmed into the terms both indexes store. */

import { lightStem } from '../lib/text-analysis.js'

/** A word: letters and digits of any script, with the combining marks that belong to them. */
const WORD = /[\p{L}\p{N}][\p{L}\p{N}\p{M}]*/gu
/** Longer "words" (a pasted hash, a run of digits) are cut: no reader searches for them whole. */
const MAX_TERM_LENGTH = 64

const ASCII_WORD = /^[A-Za-z0-9]+$/

/** One word of a text: its term and where it sits (UTF-16 offsets, end exclusive). */
export interface Token {
  term: string
  start: number
  end: number
}

/**
 * The index term of one word: accents removed (café → cafe), lower case, then the related-stories
 * engine's light English stemmer (ferries → ferry). Empty when nothing searchable is left.
 * @example termOfWord('Ferries') // 'ferry'
 */
export function termOfWord(word: string): string {
  // Most words are plain ASCII: no accents to fold (the common path of indexing a body).
  if (ASCII_WORD.test(word)) return lightStem(word.toLowerCase().slice(0, MAX_TERM_LENGTH))
  const folded = word
    .normalize('NFKD')
    .replace(/[^\p{L}\p{N}]/gu, '')
    .toLowerCase()
    .slice(0, MAX_TERM_LENGTH)
  return folded === '' ? '' : lightStem(folded)
}

/** The words of `text` with their terms and offsets, in order. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = []
  for (const match of text.matchAll(WORD)) {
    const term = termOfWord(match[0])
    if (term !== '') tokens.push({ term, start: match.index, end: match.index + match[0].length })
  }
  return tokens
}

/** The terms of `text`, in order (what the indexes store for one field). */
export function termsOf(text: string): string[] {
  return tokenize(text).map((token) => token.term)
}

/** Pure rules for a reader's comment: trimming, length in graphemes and code points, marks, characters and e-mail. */

import {
  commentBodyRequired,
  commentEmailInvalid,
  commentInvalidCharacters,
  commentNameRequired,
  commentNameTooLong,
  commentTooLong,
  commentTooManyCodePoints,
  commentTooManyMarks,
} from './errors.js'
import { hasInvisibleCharacter } from './name-rules.js'
import {
  COMMENT_MAX_CODE_POINTS,
  COMMENT_MAX_LENGTH,
  COMMENT_MAX_MARKS_PER_CHARACTER,
  COMMENT_NAME_MAX_LENGTH,
} from './types.js'

// Made on the first comment: a segmenter maps ICU break data (~1 MiB) that reading never needs.
let graphemes: Intl.Segmenter | undefined

const TAB = 0x09
const NEWLINE = 0x0a
const EMAIL = /^[^\s@<>(),;:"]+@[^\s@<>(),;:"]+\.[^\s@<>(),;:"]+$/

/**
 * The number of user-perceived characters in `text` (an emoji flag or a family emoji counts as one).
 * @example graphemeLength('🇯🇵 ok') // → 4
 */
export function graphemeLength(text: string): number {
  let count = 0
  graphemes ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' })
  for (const _ of graphemes.segment(text)) count++
  return count
}

/** A comment after validation, ready to store. */
export interface ValidComment {
  authorName: string
  authorEmail: string | null
  body: string
}

/** Trims and checks a comment's fields; throws the first COMMENT_* error, naming its field. */
export function validateComment(input: {
  authorName: string
  authorEmail?: string | null
  body: string
}): ValidComment {
  const authorName = wellFormed(input.authorName).normalize('NFC').trim()
  if (authorName === '') throw commentNameRequired()
  if (hasControlCharacter(authorName, []) || hasInvisibleCharacter(authorName))
    throw commentInvalidCharacters('authorName')
  checkSize(authorName, 'authorName')
  const nameLength = graphemeLength(authorName)
  if (nameLength > COMMENT_NAME_MAX_LENGTH)
    throw commentNameTooLong(COMMENT_NAME_MAX_LENGTH, nameLength)

  const email = input.authorEmail?.trim() ?? ''
  if (email !== '' && (email.length > 254 || !EMAIL.test(email))) throw commentEmailInvalid()

  // Browsers submit textarea line breaks as CRLF; store plain newlines.
  const body = wellFormed(input.body).replace(/\r\n?/g, '\n').normalize('NFC').trim()
  if (body === '') throw commentBodyRequired()
  if (hasControlCharacter(body, [TAB, NEWLINE])) throw commentInvalidCharacters('body')
  checkSize(body, 'body')
  const length = graphemeLength(body)
  if (length > COMMENT_MAX_LENGTH) throw commentTooLong(COMMENT_MAX_LENGTH, length)

  return { authorName, authorEmail: email === '' ? null : email.toLowerCase(), body }
}

/**
 * `text` with each lone surrogate (which JSON can carry but UTF-8 cannot store) replaced by
 * U+FFFD, so what is stored, shown and echoed is the same valid text.
 */
function wellFormed(text: string): string {
  return text.replace(LONE_SURROGATE, '\uFFFD')
}

/** A high surrogate not followed by a low one, or a low one not preceded by a high one. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g

/**
 * Refuses text whose graphemes hide bulk: more than COMMENT_MAX_CODE_POINTS code points, or a
 * character with more than COMMENT_MAX_MARKS_PER_CHARACTER combining marks ("a" and 31,000
 * marks is one grapheme, and 62 KB). Checked before graphemes are counted, so that stays cheap.
 */
function checkSize(text: string, field: 'authorName' | 'body'): void {
  // Code units bound code points from above: only count when it might matter.
  if (text.length > COMMENT_MAX_CODE_POINTS) {
    let points = 0
    for (const _ of text) points++
    if (points > COMMENT_MAX_CODE_POINTS)
      throw commentTooManyCodePoints(field, COMMENT_MAX_CODE_POINTS)
  }
  let run = 0
  for (const ch of text) {
    if (MARK.test(ch)) {
      run += 1
      if (run > COMMENT_MAX_MARKS_PER_CHARACTER)
        throw commentTooManyMarks(field, COMMENT_MAX_MARKS_PER_CHARACTER)
    } else {
      run = 0
    }
  }
}

/** A combining mark (Mn, Mc, Me): accents, vowel signs, enclosing marks. */
const MARK = /^\p{M}$/u

/** True when `text` holds a C0 or C1 control character other than those `allowed`. */
function hasControlCharacter(text: string, allowed: readonly number[]): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    if ((code < 0x20 || (code >= 0x7f && code <= 0x9f)) && !allowed.includes(code)) return true
  }
  return false
}

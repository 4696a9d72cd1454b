/** Pure rules for a reader's comment: trimming, length in graphemes, characters and e-mail. */

import {
  commentBodyRequired,
  commentEmailInvalid,
  commentInvalidCharacters,
  commentNameRequired,
  commentNameTooLong,
  commentTooLong,
} from './errors.js'
import { COMMENT_MAX_LENGTH, COMMENT_NAME_MAX_LENGTH } from './types.js'

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' })

const TAB = 0x09
const NEWLINE = 0x0a
const EMAIL = /^[^\s@<>(),;:"]+@[^\s@<>(),;:"]+\.[^\s@<>(),;:"]+$/

/**
 * The number of user-perceived characters in `text` (an emoji flag or a family emoji counts as one).
 * @example graphemeLength('🇯🇵 ok') // → 4
 */
export function graphemeLength(text: string): number {
  let count = 0
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
  const authorName = input.authorName.normalize('NFC').trim()
  if (authorName === '') throw commentNameRequired()
  if (hasControlCharacter(authorName, [])) throw commentInvalidCharacters('authorName')
  const nameLength = graphemeLength(authorName)
  if (nameLength > COMMENT_NAME_MAX_LENGTH)
    throw commentNameTooLong(COMMENT_NAME_MAX_LENGTH, nameLength)

  const email = input.authorEmail?.trim() ?? ''
  if (email !== '' && (email.length > 254 || !EMAIL.test(email))) throw commentEmailInvalid()

  // Browsers submit textarea line breaks as CRLF; store plain newlines.
  const body = input.body.replace(/\r\n?/g, '\n').normalize('NFC').trim()
  if (body === '') throw commentBodyRequired()
  if (hasControlCharacter(body, [TAB, NEWLINE])) throw commentInvalidCharacters('body')
  const length = graphemeLength(body)
  if (length > COMMENT_MAX_LENGTH) throw commentTooLong(COMMENT_MAX_LENGTH, length)

  return { authorName, authorEmail: email === '' ? null : email.toLowerCase(), body }
}

/** True when `text` holds a C0 or C1 control character other than those `allowed`. */
function hasControlCharacter(text: string, allowed: readonly number[]): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    if ((code < 0x20 || (code >= 0x7f && code <= 0x9f)) && !allowed.includes(code)) return true
  }
  return false
}

/** Pure moderation rules: banned-word matching, link spotting, and the status a new comment gets. */

import type { CommentStatus, CommentsMode, HoldReason } from './types.js'

/** Lower case, accents stripped, split into words of letters and digits. */
function words(text: string): string[] {
  return (
    text
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .toLocaleLowerCase('und')
      .match(/[\p{L}\p{N}]+/gu) ?? []
  )
}

/**
 * The form a banned word or phrase is stored and compared in: its words, lower case, accents
 * stripped, one space apart ("" when it has no letter or digit).
 * @example bannedWordKey('  Scoundrél  LOUT ') // → 'scoundrel lout'
 */
export function bannedWordKey(text: string): string {
  return words(text).join(' ')
}

/**
 * A matcher for whole banned words and phrases, ignoring case and accents.
 * @example createBannedWordMatcher(['idiot'])('You IDIÔT!') // → true
 */
export function createBannedWordMatcher(list: readonly string[]): (text: string) => boolean {
  const phrases = list.map(words).filter((p) => p.length > 0)
  if (phrases.length === 0) return () => false
  const single = new Set(phrases.filter((p) => p.length === 1).map((p) => p[0] ?? ''))
  const multi = phrases.filter((p) => p.length > 1)
  return (text) => {
    const tokens = words(text)
    for (let i = 0; i < tokens.length; i++) {
      if (single.has(tokens[i] ?? '')) return true
      for (const phrase of multi) {
        if (phrase.every((word, j) => tokens[i + j] === word)) return true
      }
    }
    return false
  }
}

// A scheme, "www.", or a host name ending in a top-level domain (all lower or all upper case)
// followed by a path, port or the end of the word ("example.com", "SPAM.COM/now"); "e.g.",
// "3.5" and a missing space after a full stop ("end.Start": a capitalised word) are not links.
const LINK =
  /(?:\b[A-Za-z][A-Za-z0-9+.-]*:\/\/|\b[Ww]{3}\.|\b[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.(?:[a-z]{2,24}|[A-Z]{2,24})(?=[/:?#]|\s|$|[),.!;]))/u

/** Dots that are not "." but read as one in a host name (ideographic and halfwidth full stops). */
const OTHER_DOTS = /[\u3002\uFF61]/g

/**
 * `text` as a link reads: compatibility forms folded (NFKC: fullwidth "ｓｐａｍ．ｃｏｍ" is
 * "spam.com"), invisible format characters dropped ("spam\u200B.com"), other full stops as ".".
 */
function linkView(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/\p{Cf}/gu, '')
    .replace(OTHER_DOTS, '.')
}

/** True when `text` contains something that looks like a link (a scheme, www., or a domain). */
export function containsLink(text: string): boolean {
  for (const match of linkView(text).matchAll(new RegExp(LINK, 'gu'))) {
    const found = match[0]
    // "i.e." and "e.g" style abbreviations: every label one letter.
    if (/^(?:[a-z]\.)+[a-z]$/iu.test(found)) continue
    return true
  }
  return false
}

/** What the checks found about a new comment. */
export interface ModerationFacts {
  mode: Exclude<CommentsMode, 'closed'>
  bannedWord: boolean
  link: boolean
  firstComment: boolean
  readerBanned: boolean
}

/** The status and hold reason of a new comment; a banned reader's go to spam, silently. */
export function initialStatus(facts: ModerationFacts): {
  status: CommentStatus
  holdReason: HoldReason | null
} {
  if (facts.readerBanned) return { status: 'spam', holdReason: 'banned_reader' }
  if (facts.bannedWord) return { status: 'held', holdReason: 'banned_word' }
  if (facts.link) return { status: 'held', holdReason: 'link' }
  if (facts.mode === 'premoderated') return { status: 'held', holdReason: 'premoderation' }
  if (facts.firstComment) return { status: 'held', holdReason: 'first_comment' }
  return { status: 'published', holdReason: null }
}

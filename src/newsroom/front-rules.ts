/** Pure rules of the front page's curation and the banner: sizes, moves, expiries, texts and links. */

import {
  bannerLinkInvalid,
  bannerTextRequired,
  bannerTextTooLong,
  frontExpiryInvalid,
  frontSlotInvalid,
  frontStoryNotListed,
} from './front-errors.js'

/** The front page shows this many top stories (editors may line up more, shown in order as ones ahead fall away). */
export const TOP_STORIES_SHOWN = 5
/** At most this many stories wait in the top stories order. */
export const TOP_STORIES_MAX = 12
/** The Must-Reads rail's slots. */
export const MUST_READ_SLOTS = 5
/** A banner's text: a headline, not an article. */
export const BANNER_TEXT_MAX = 300
/** A banner stays up at most this long: breaking news that is a week old is not breaking. */
export const BANNER_MAX_MS = 7 * 24 * 3600_000
/** Must-read expiries further ahead than this are refused (a typo in the year, most likely). */
export const PICK_EXPIRY_MAX_MS = 366 * 24 * 3600_000

/** `ids` with `id` moved one place up or down (unchanged at either end). */
export function moveOne(ids: readonly number[], id: number, direction: 'up' | 'down'): number[] {
  const at = ids.indexOf(id)
  if (at === -1) throw frontStoryNotListed(id)
  const to = direction === 'up' ? at - 1 : at + 1
  if (to < 0 || to >= ids.length) return [...ids]
  const next = [...ids]
  next[at] = ids[to]!
  next[to] = id
  return next
}

/** Whether `next` holds exactly the ids of `current`, in any order. */
export function isReordering(current: readonly number[], next: readonly number[]): boolean {
  if (current.length !== next.length) return false
  const left = new Set(current)
  return new Set(next).size === next.length && next.every((id) => left.has(id))
}

/** Checks a 1-based slot number; returns the 0-based position. */
export function slotPosition(slot: number): number {
  if (!Number.isInteger(slot) || slot < 1 || slot > MUST_READ_SLOTS)
    throw frontSlotInvalid(slot, MUST_READ_SLOTS)
  return slot - 1
}

/** Checks that `expiresAt` lies after `now` and no more than `maxMs` ahead. */
export function checkExpiry(field: string, expiresAt: Date, now: Date, maxMs: number): void {
  if (Number.isNaN(expiresAt.getTime()) || expiresAt <= now) throw frontExpiryInvalid(field, 'past')
  if (expiresAt.getTime() - now.getTime() > maxMs) throw frontExpiryInvalid(field, 'too-far')
}

/** The banner's text, trimmed and on one line; throws when empty or too long. */
export function bannerText(text: string): string {
  const clean = text.replace(/\s+/g, ' ').trim()
  if (clean === '') throw bannerTextRequired()
  if ([...clean].length > BANNER_TEXT_MAX) throw bannerTextTooLong(BANNER_TEXT_MAX)
  return clean
}

/**
 * The banner's link, or null when blank: a root-relative path of this site or an http(s) URL.
 * `//host` is refused (a protocol-relative link would leave the site while looking local).
 */
export function bannerLink(link: string): string | null {
  const clean = link.trim()
  if (clean === '') return null
  if (clean.length > 2000 || /\s/.test(clean)) throw bannerLinkInvalid()
  if (clean.startsWith('/')) {
    if (clean.startsWith('//') || clean.startsWith('/\\')) throw bannerLinkInvalid()
    return clean
  }
  let url: URL
  try {
    url = new URL(clean)
  } catch {
    throw bannerLinkInvalid()
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw bannerLinkInvalid()
  return url.href
}

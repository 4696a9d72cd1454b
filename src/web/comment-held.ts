/**
 * Why a comment waits for review, told to its author in plain words: their first comment, a
 * link, a word on the moderators' list (never which word), or a story reviewed in full. A banned
 * reader is told only that it waits, like anyone else: the ban stays silent.
 */

import type { HoldReason } from '../comments/index.js'

/** The reasons an author is told, as the site's `?notice=` values and the API's `heldBecause`. */
export const HELD_BECAUSE = ['first_comment', 'link', 'listed_word', 'review'] as const
export type HeldBecause = (typeof HELD_BECAUSE)[number]

const TOLD: Partial<Record<HoldReason, HeldBecause>> = {
  first_comment: 'first_comment',
  link: 'link',
  banned_word: 'listed_word',
  premoderation: 'review',
}

/** The reason to tell the author of a comment held for `reason` (undefined: say only that it waits). */
export function heldBecause(reason: HoldReason | null): HeldBecause | undefined {
  return reason === null ? undefined : TOLD[reason]
}

const WAITING = 'Thanks — your comment is waiting for review.'

const WHY: Record<HeldBecause, string> = {
  first_comment:
    'It is your first comment here, so a moderator reads it first; once it is approved, your next comments appear at once.',
  link: 'It contains a link, and links are checked by a moderator before they appear.',
  listed_word:
    'It contains a word our moderators check before it appears; it will appear if they approve it.',
  review: 'Every comment on this story is read by a moderator before it appears.',
}

/** "Thanks — your comment is waiting for review. It contains a link, …" */
export function heldMessage(because: HeldBecause | undefined): string {
  return because === undefined
    ? `${WAITING} It will appear once a moderator approves it.`
    : `${WAITING} ${WHY[because]}`
}

/** Words the moderation screens share: why a comment waits, what was done, the shortcuts. */

import type { HoldReason, QueueFilter } from '../../../comments/index.js'
import type { QueueAction } from './comment-schemas.js'

/** Why a comment waits, as a moderator reads it. */
export const HOLD_REASONS: Readonly<Record<HoldReason, string>> = {
  premoderation: 'Every comment on this story is reviewed',
  banned_word: 'Contains a banned word or phrase',
  link: 'Contains a link',
  first_comment: 'The reader’s first comment',
  reported: 'Hidden after readers’ reports',
  banned_reader: 'The author is banned',
}

export const FILTER_LABELS: Readonly<Record<QueueFilter, string>> = {
  held: 'Held',
  reported: 'Reported',
  spam: 'Spam',
}

/** The queue's empty state and heading words per filter. */
export const FILTER_NOUNS: Readonly<Record<QueueFilter, [string, string]>> = {
  held: ['held comment', 'held comments'],
  reported: ['reported comment', 'reported comments'],
  spam: ['comment marked as spam', 'comments marked as spam'],
}

/** The button text of each action. */
export const ACTION_LABELS: Readonly<Record<QueueAction, string>> = {
  approve: 'Approve',
  reject: 'Reject',
  spam: 'Spam',
  ban: 'Ban author',
}

/** What the notice says once an action is done. */
export const DONE_LABELS: Readonly<Record<QueueAction, string>> = {
  approve: 'approved: readers can see it',
  reject: 'rejected',
  spam: 'marked as spam',
  ban: 'marked as spam and its author banned',
}

/** The single key that runs each action on the selected comment (also aria-keyshortcuts). */
export const ACTION_KEYS: Readonly<Record<QueueAction, string>> = {
  approve: 'a',
  reject: 'r',
  spam: 's',
  ban: 'b',
}

/** The shortcut table the page shows (and docs/moderation-desk.md repeats). */
export const SHORTCUTS: readonly { keys: readonly string[]; does: string }[] = [
  { keys: ['j', 'n'], does: 'Select the next comment' },
  { keys: ['k', 'p'], does: 'Select the previous comment' },
  { keys: ['a'], does: 'Approve the selected comment' },
  { keys: ['r'], does: 'Reject the selected comment' },
  { keys: ['s'], does: 'Mark the selected comment as spam' },
  { keys: ['b'], does: 'Ban its author (and mark the comment as spam)' },
  { keys: ['?'], does: 'Show or hide this list' },
]

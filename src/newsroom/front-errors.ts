/** Errors of the front page's curation and the breaking-news banner (their own catalogue, beside errors.ts). */

import { type ErrorCatalogue, errorsOf, type MastheadError } from '../lib/errors.js'

/** This catalogue's codes and their kinds. */
export const FRONT_ERRORS = {
  FRONT_STORY_UNKNOWN: 'invalid',
  FRONT_STORY_NOT_LISTED: 'invalid',
  FRONT_STORY_ALREADY_LISTED: 'conflict',
  FRONT_TOP_STORIES_FULL: 'conflict',
  FRONT_ORDER_MISMATCH: 'conflict',
  FRONT_SLOT_INVALID: 'invalid',
  FRONT_EXPIRY_INVALID: 'invalid',
  BANNER_TEXT_REQUIRED: 'invalid',
  BANNER_TEXT_TOO_LONG: 'invalid',
  BANNER_LINK_INVALID: 'invalid',
} as const satisfies ErrorCatalogue

const fail = errorsOf(FRONT_ERRORS)

/** No story has this id. */
export function frontStoryUnknown(articleId: number): MastheadError {
  return fail('FRONT_STORY_UNKNOWN', 'There is no story with that number.', {
    details: { field: 'articleId', articleId },
  })
}

/** The story is not among the top stories (a move or removal of something not there). */
export function frontStoryNotListed(articleId: number): MastheadError {
  return fail('FRONT_STORY_NOT_LISTED', 'That story is not among the top stories.', {
    details: { field: 'articleId', articleId },
  })
}

/** The story is already among the top stories. */
export function frontStoryAlreadyListed(articleId: number): MastheadError {
  return fail('FRONT_STORY_ALREADY_LISTED', 'That story is already among the top stories.', {
    details: { field: 'articleId', articleId },
  })
}

/** The top stories list holds its maximum. */
export function frontTopStoriesFull(max: number): MastheadError {
  return fail('FRONT_TOP_STORIES_FULL', `The top stories hold at most ${max}; remove one first.`, {
    details: { max },
  })
}

/** A new order that is not a reordering of the current list (it changed meanwhile). */
export function frontOrderMismatch(): MastheadError {
  return fail(
    'FRONT_ORDER_MISMATCH',
    'The top stories changed since this page was loaded; reload it and try again.',
    { details: { field: 'order' } },
  )
}

/** A must-read slot outside 1…max. */
export function frontSlotInvalid(slot: number, max: number): MastheadError {
  return fail('FRONT_SLOT_INVALID', `Must-Read slots are numbered 1 to ${max}.`, {
    details: { field: 'slot', slot },
  })
}

/** An expiry in the past, or too far ahead. */
export function frontExpiryInvalid(field: string, reason: 'past' | 'too-far'): MastheadError {
  return fail(
    'FRONT_EXPIRY_INVALID',
    reason === 'past' ? 'The expiry must be in the future.' : 'The expiry is too far ahead.',
    { details: { field, reason } },
  )
}

/** The banner has no text. */
export function bannerTextRequired(): MastheadError {
  return fail('BANNER_TEXT_REQUIRED', 'The banner needs a text.', { details: { field: 'text' } })
}

/** The banner's text is longer than `max`. */
export function bannerTextTooLong(max: number): MastheadError {
  return fail('BANNER_TEXT_TOO_LONG', `The banner's text is at most ${max} characters.`, {
    details: { field: 'text', max },
  })
}

/** The banner's link is neither a path on this site nor an http(s) address. */
export function bannerLinkInvalid(): MastheadError {
  return fail(
    'BANNER_LINK_INVALID',
    'The link must be a path on this site (starting with /) or an http(s) address.',
    { details: { field: 'link' } },
  )
}

/** Errors of story labels and of correction and update notes (their own catalogue, beside errors.ts). */

import { type ErrorCatalogue, errorsOf, type MastheadError } from '../lib/errors.js'

/** This catalogue's codes and their kinds. */
export const STORY_NOTE_ERRORS = {
  ARTICLE_LABEL_INVALID: 'invalid',
  NOTE_KIND_INVALID: 'invalid',
  NOTE_TEXT_REQUIRED: 'invalid',
  NOTE_TEXT_TOO_LONG: 'invalid',
  NOTE_STORY_NOT_PUBLISHED: 'conflict',
} as const satisfies ErrorCatalogue

const fail = errorsOf(STORY_NOTE_ERRORS)

/** The label is not one of the known types of work. */
export function articleLabelInvalid(label: string, known: readonly string[]): MastheadError {
  return fail(
    'ARTICLE_LABEL_INVALID',
    `Unknown label "${label}"; use one of ${known.join(', ')}.`,
    {
      details: { field: 'label', label },
    },
  )
}

/** A note is a correction or an update, nothing else. */
export function noteKindInvalid(kind: string): MastheadError {
  return fail('NOTE_KIND_INVALID', `A note is a correction or an update, not "${kind}".`, {
    details: { field: 'kind', kind },
  })
}

/** The note's text is empty after trimming. */
export function noteTextRequired(): MastheadError {
  return fail('NOTE_TEXT_REQUIRED', 'A note needs its text.', { details: { field: 'text' } })
}

/** The note's text is longer than a note may be. */
export function noteTextTooLong(max: number, length: number): MastheadError {
  return fail('NOTE_TEXT_TOO_LONG', `A note may have at most ${max} characters.`, {
    details: { field: 'text', max, length },
  })
}

/** Notes are public, so only a story readers can see takes one. */
export function noteStoryNotPublished(articleId: number): MastheadError {
  return fail(
    'NOTE_STORY_NOT_PUBLISHED',
    'Only a published story takes a correction or update; edit a draft instead.',
    { details: { articleId } },
  )
}

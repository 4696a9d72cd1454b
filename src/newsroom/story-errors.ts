/** The story desk's error catalogue: versions, revisions and scheduling (the writing screens' failures). */

import { type ErrorCatalogue, errorsOf, type MastheadError } from '../lib/errors.js'

/** This catalogue's codes and their kinds. */
export const STORY_ERRORS = {
  STORY_VERSION_CONFLICT: 'conflict',
  STORY_VERSION_INVALID: 'invalid',
  STORY_REVISION_NOT_FOUND: 'not_found',
  STORY_SCHEDULE_IN_PAST: 'invalid',
  STORY_SEO_TOO_LONG: 'invalid',
  STORY_PHOTO_ALT_MISSING: 'invalid',
} as const satisfies ErrorCatalogue

const fail = errorsOf(STORY_ERRORS)

/** The words of a story as a save sends them and as a conflict shows them. */
export interface StoryWords {
  headline: string
  dek: string
  bodyMarkdown: string
}

/**
 * Someone saved the story since the version this save was based on. Both texts travel in the
 * details, so the writer sees theirs next to the newer one and nothing is silently overwritten.
 */
export function storyVersionConflict(conflict: {
  id: number
  baseVersion: number
  currentVersion: number
  current: StoryWords
  yours: Partial<StoryWords>
  savedBy: string | null
}): MastheadError {
  return fail(
    'STORY_VERSION_CONFLICT',
    `This story was saved by ${conflict.savedBy ?? 'someone else'} since you opened it (version ${conflict.currentVersion}, yours was based on ${conflict.baseVersion}). Your text was not saved over theirs.`,
    { details: conflict },
  )
}

/** A save named no version, or one that is not a positive integer. */
export function storyVersionInvalid(value: unknown): MastheadError {
  return fail('STORY_VERSION_INVALID', 'A save must say which version it was based on.', {
    details: { field: 'baseVersion', value: String(value) },
  })
}

/** The story has no revision with this version. */
export function storyRevisionNotFound(id: number, version: number): MastheadError {
  return fail('STORY_REVISION_NOT_FOUND', `Story ${id} has no revision ${version}.`, {
    details: { id, version },
  })
}

/** A story may only be scheduled for a time still to come. */
export function storyScheduleInPast(at: Date): MastheadError {
  return fail('STORY_SCHEDULE_IN_PAST', 'Choose a publication time in the future.', {
    details: { field: 'publishAt', at: at.toISOString() },
  })
}

/** The SEO title or description is longer than search engines show. */
export function storySeoTooLong(field: 'seoTitle' | 'seoDescription', max: number): MastheadError {
  return fail(
    'STORY_SEO_TOO_LONG',
    `The ${field === 'seoTitle' ? 'SEO title' : 'SEO description'} may have at most ${max} characters.`,
    {
      details: { field, max },
    },
  )
}

/**
 * A story may not be published or scheduled while a photo it shows has no alt text; the message
 * names the photos, and `field` is where the story shows the first.
 */
export function storyPhotoAltMissing(
  missing: readonly { photoId: number; field: 'leadPhotoId' | 'bodyMarkdown' }[],
): MastheadError {
  const ids = missing.map((m) => m.photoId)
  const named =
    ids.length === 1 ? `photo ${ids[0]}` : `photos ${ids.slice(0, -1).join(', ')} and ${ids.at(-1)}`
  return fail(
    'STORY_PHOTO_ALT_MISSING',
    `Add alt text to ${named} in the photo library (or a description in the body's ![description](photo:ID)) before this story can go live: readers who cannot see a photo are told what it shows.`,
    { details: { field: missing[0]?.field ?? 'leadPhotoId', photoIds: ids } },
  )
}

/** The newsroom's error catalogue: one small factory per stable code. */

import { type ErrorCatalogue, errorsOf, type MastheadError } from '../lib/errors.js'
import type { ArticleStatus } from './types.js'

/** This catalogue's codes and their kinds. */
export const NEWSROOM_ERRORS = {
  ARTICLE_NOT_FOUND: 'not_found',
  ARTICLE_HEADLINE_REQUIRED: 'invalid',
  ARTICLE_HEADLINE_TOO_LONG: 'invalid',
  ARTICLE_SLUG_INVALID: 'invalid',
  ARTICLE_SLUG_TAKEN: 'conflict',
  ARTICLE_SECTION_UNKNOWN: 'invalid',
  ARTICLE_AUTHORS_REQUIRED: 'invalid',
  ARTICLE_AUTHOR_UNKNOWN: 'invalid',
  ARTICLE_LEAD_PHOTO_UNKNOWN: 'invalid',
  ARTICLE_BODY_PHOTO_UNKNOWN: 'invalid',
  ARTICLE_BODY_PHOTO_INLINE: 'invalid',
  ARTICLE_STATUS_INVALID: 'invalid',
  ARTICLE_TRANSITION_INVALID: 'conflict',
  ARTICLE_SCHEDULE_TIME_REQUIRED: 'invalid',
  TAG_NAME_INVALID: 'invalid',
  SECTION_SLUG_INVALID: 'invalid',
  SECTION_SLUG_RESERVED: 'invalid',
  SECTION_SLUG_TAKEN: 'conflict',
  NEWSROOM_NAME_REQUIRED: 'invalid',
  SECTION_NOT_FOUND: 'not_found',
  AUTHOR_SLUG_INVALID: 'invalid',
  AUTHOR_SLUG_TAKEN: 'conflict',
  AUTHOR_EMAIL_INVALID: 'invalid',
  AUTHOR_PHOTO_UNKNOWN: 'invalid',
  AUTHOR_USER_UNKNOWN: 'invalid',
  PICK_LIST_UNKNOWN: 'invalid',
  PICK_ARTICLE_UNKNOWN: 'invalid',
} as const satisfies ErrorCatalogue

const fail = errorsOf(NEWSROOM_ERRORS)

/** No story has this id, or no story readers may see has this slug (the view API's 404). */
export function articleNotFound(story: { id: number } | { slug: string }): MastheadError {
  return 'id' in story
    ? fail('ARTICLE_NOT_FOUND', `There is no story with id ${story.id}.`, { details: story })
    : fail('ARTICLE_NOT_FOUND', 'There is no published story here.', { details: story })
}

/** The headline is empty after trimming. */
export function articleHeadlineRequired(): MastheadError {
  return fail('ARTICLE_HEADLINE_REQUIRED', 'A story needs a headline.', {
    details: { field: 'headline' },
  })
}

/** The headline is longer than the column allows. */
export function articleHeadlineTooLong(max: number, length: number): MastheadError {
  return fail('ARTICLE_HEADLINE_TOO_LONG', `The headline may have at most ${max} characters.`, {
    details: { field: 'headline', max, length },
  })
}

/** An explicit slug is not lower-case words joined by hyphens. */
export function articleSlugInvalid(slug: string): MastheadError {
  return fail(
    'ARTICLE_SLUG_INVALID',
    'A slug is lower-case letters and digits joined by hyphens, at most 80 characters.',
    { details: { field: 'slug', slug } },
  )
}

/** Another story already uses this slug. */
export function articleSlugTaken(slug: string): MastheadError {
  return fail('ARTICLE_SLUG_TAKEN', `The slug "${slug}" is taken.`, {
    details: { field: 'slug', slug },
  })
}

/** The section id does not exist. */
export function articleSectionUnknown(sectionId: number): MastheadError {
  return fail('ARTICLE_SECTION_UNKNOWN', 'That section does not exist.', {
    details: { field: 'sectionId', sectionId },
  })
}

/** A story must have at least one author. */
export function articleAuthorsRequired(): MastheadError {
  return fail('ARTICLE_AUTHORS_REQUIRED', 'A story needs an author.', {
    details: { field: 'authorIds' },
  })
}

/** One of the author ids does not exist. */
export function articleAuthorUnknown(authorIds: number[]): MastheadError {
  return fail('ARTICLE_AUTHOR_UNKNOWN', 'An author does not exist.', {
    details: { field: 'authorIds', authorIds },
  })
}

/** The lead photo id does not exist. */
export function articleLeadPhotoUnknown(photoId: number): MastheadError {
  return fail('ARTICLE_LEAD_PHOTO_UNKNOWN', 'The lead photo does not exist.', {
    details: { field: 'leadPhotoId', photoId },
  })
}

/** The body refers to photos that do not exist (`![…](photo:123)`). */
export function articleBodyPhotoUnknown(photoIds: number[]): MastheadError {
  return fail(
    'ARTICLE_BODY_PHOTO_UNKNOWN',
    `The body refers to photos that do not exist: ${photoIds.join(', ')}.`,
    { details: { field: 'bodyMarkdown', photoIds } },
  )
}

/** A `photo:` image sits inside running text; a photo needs a paragraph of its own. */
export function articleBodyPhotoInline(photoId: number): MastheadError {
  return fail(
    'ARTICLE_BODY_PHOTO_INLINE',
    'Put each photo on a line of its own, with blank lines around it.',
    { details: { field: 'bodyMarkdown', photoId } },
  )
}

/** The requested status is not one we know. */
export function articleStatusInvalid(status: string): MastheadError {
  return fail('ARTICLE_STATUS_INVALID', `Unknown status "${status}".`, {
    details: { field: 'status', status },
  })
}

/** The workflow does not allow this move (e.g. publishing a published story). */
export function articleTransitionInvalid(from: ArticleStatus, to: ArticleStatus): MastheadError {
  return fail('ARTICLE_TRANSITION_INVALID', `A ${from} story cannot become ${to}.`, {
    details: { from, to },
  })
}

/** A scheduled story needs a publication time. */
export function articleScheduleTimeRequired(): MastheadError {
  return fail('ARTICLE_SCHEDULE_TIME_REQUIRED', 'A scheduled story needs a publication time.', {
    details: { field: 'publishedAt' },
  })
}

/** A tag name has no letters or digits to make a slug from. */
export function tagNameInvalid(name: string): MastheadError {
  return fail('TAG_NAME_INVALID', `"${name}" cannot be used as a tag.`, {
    details: { field: 'tagNames', name },
  })
}

/** A section slug is not well formed. */
export function sectionSlugInvalid(slug: string): MastheadError {
  return fail(
    'SECTION_SLUG_INVALID',
    'A section slug is lower-case letters and digits joined by hyphens.',
    { details: { field: 'slug', slug } },
  )
}

/** A section slug would shadow another route (author, tag, api, …). */
export function sectionSlugReserved(slug: string): MastheadError {
  return fail(
    'SECTION_SLUG_RESERVED',
    `"${slug}" is reserved for another part of the site; choose another section slug.`,
    { details: { field: 'slug', slug } },
  )
}

/** Another section already uses this slug. */
export function sectionSlugTaken(slug: string): MastheadError {
  return fail('SECTION_SLUG_TAKEN', `The section "${slug}" exists.`, {
    details: { field: 'slug', slug },
  })
}

/** No section has this id (the sections screen's addresses). */
export function sectionNotFound(id: number): MastheadError {
  return fail('SECTION_NOT_FOUND', 'There is no such section.', { details: { id } })
}

/** A section or author name is empty after trimming. */
export function nameRequired(field: 'name'): MastheadError {
  return fail('NEWSROOM_NAME_REQUIRED', 'A name is required.', {
    details: { field },
  })
}

/** An explicit author slug is malformed. */
export function authorSlugInvalid(slug: string): MastheadError {
  return fail(
    'AUTHOR_SLUG_INVALID',
    'An author slug is lower-case letters and digits joined by hyphens.',
    { details: { field: 'slug', slug } },
  )
}

/** Another author already uses this slug. */
export function authorSlugTaken(slug: string): MastheadError {
  return fail('AUTHOR_SLUG_TAKEN', `The author slug "${slug}" is taken.`, {
    details: { field: 'slug', slug },
  })
}

/** The author's public e-mail is malformed. */
export function authorEmailInvalid(): MastheadError {
  return fail('AUTHOR_EMAIL_INVALID', 'That e-mail address is not valid.', {
    details: { field: 'email' },
  })
}

/** The author's photo id does not exist. */
export function authorPhotoUnknown(photoId: number): MastheadError {
  return fail('AUTHOR_PHOTO_UNKNOWN', 'The author photo does not exist.', {
    details: { field: 'photoId', photoId },
  })
}

/** The author's user id does not exist. */
export function authorUserUnknown(userId: number): MastheadError {
  return fail('AUTHOR_USER_UNKNOWN', 'That user does not exist.', {
    details: { field: 'userId', userId },
  })
}

/** The picks list name is unknown. */
export function pickListUnknown(list: string): MastheadError {
  return fail('PICK_LIST_UNKNOWN', `There is no picks list "${list}".`, {
    details: { field: 'list', list },
  })
}

/** Some picked article ids do not exist. */
export function pickArticleUnknown(articleIds: number[]): MastheadError {
  return fail('PICK_ARTICLE_UNKNOWN', 'Some picked stories do not exist.', {
    details: { field: 'articleIds', articleIds },
  })
}

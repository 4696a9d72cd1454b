/** The newsroom's error catalogue: one small factory per stable code. */

import { MastheadError } from '../lib/errors.js'
import type { ArticleStatus } from './types.js'

/** No article has this id. */
export function articleNotFound(id: number): MastheadError {
  return new MastheadError('ARTICLE_NOT_FOUND', 'not_found', `There is no article with id ${id}.`, {
    details: { id },
  })
}

/** The headline is empty after trimming. */
export function articleHeadlineRequired(): MastheadError {
  return new MastheadError('ARTICLE_HEADLINE_REQUIRED', 'invalid', 'A story needs a headline.', {
    details: { field: 'headline' },
  })
}

/** The headline is longer than the column allows. */
export function articleHeadlineTooLong(max: number, length: number): MastheadError {
  return new MastheadError(
    'ARTICLE_HEADLINE_TOO_LONG',
    'invalid',
    `The headline may have at most ${max} characters.`,
    { details: { field: 'headline', max, length } },
  )
}

/** An explicit slug is not lower-case words joined by hyphens. */
export function articleSlugInvalid(slug: string): MastheadError {
  return new MastheadError(
    'ARTICLE_SLUG_INVALID',
    'invalid',
    'A slug is lower-case letters and digits joined by hyphens, at most 80 characters.',
    { details: { field: 'slug', slug } },
  )
}

/** Another story already uses this slug. */
export function articleSlugTaken(slug: string): MastheadError {
  return new MastheadError('ARTICLE_SLUG_TAKEN', 'conflict', `The slug "${slug}" is taken.`, {
    details: { field: 'slug', slug },
  })
}

/** The section id does not exist. */
export function articleSectionUnknown(sectionId: number): MastheadError {
  return new MastheadError('ARTICLE_SECTION_UNKNOWN', 'invalid', 'That section does not exist.', {
    details: { field: 'sectionId', sectionId },
  })
}

/** A story must have at least one author. */
export function articleAuthorsRequired(): MastheadError {
  return new MastheadError('ARTICLE_AUTHORS_REQUIRED', 'invalid', 'A story needs an author.', {
    details: { field: 'authorIds' },
  })
}

/** One of the author ids does not exist. */
export function articleAuthorUnknown(authorIds: number[]): MastheadError {
  return new MastheadError('ARTICLE_AUTHOR_UNKNOWN', 'invalid', 'An author does not exist.', {
    details: { field: 'authorIds', authorIds },
  })
}

/** The lead photo id does not exist. */
export function articleLeadPhotoUnknown(photoId: number): MastheadError {
  return new MastheadError(
    'ARTICLE_LEAD_PHOTO_UNKNOWN',
    'invalid',
    'The lead photo does not exist.',
    {
      details: { field: 'leadPhotoId', photoId },
    },
  )
}

/** The body refers to photos that do not exist (`![…](photo:123)`). */
export function articleBodyPhotoUnknown(photoIds: number[]): MastheadError {
  return new MastheadError(
    'ARTICLE_BODY_PHOTO_UNKNOWN',
    'invalid',
    `The body refers to photos that do not exist: ${photoIds.join(', ')}.`,
    { details: { field: 'bodyMarkdown', photoIds } },
  )
}

/** A `photo:` image sits inside running text; a photo needs a paragraph of its own. */
export function articleBodyPhotoInline(photoId: number): MastheadError {
  return new MastheadError(
    'ARTICLE_BODY_PHOTO_INLINE',
    'invalid',
    'Put each photo on a line of its own, with blank lines around it.',
    { details: { field: 'bodyMarkdown', photoId } },
  )
}

/** The requested status is not one we know. */
export function articleStatusInvalid(status: string): MastheadError {
  return new MastheadError('ARTICLE_STATUS_INVALID', 'invalid', `Unknown status "${status}".`, {
    details: { field: 'status', status },
  })
}

/** The workflow does not allow this move (e.g. publishing a published story). */
export function articleTransitionInvalid(from: ArticleStatus, to: ArticleStatus): MastheadError {
  return new MastheadError(
    'ARTICLE_TRANSITION_INVALID',
    'conflict',
    `A ${from} story cannot become ${to}.`,
    { details: { from, to } },
  )
}

/** A scheduled story needs a publication time. */
export function articleScheduleTimeRequired(): MastheadError {
  return new MastheadError(
    'ARTICLE_SCHEDULE_TIME_REQUIRED',
    'invalid',
    'A scheduled story needs a publication time.',
    { details: { field: 'publishedAt' } },
  )
}

/** A tag name has no letters or digits to make a slug from. */
export function tagNameInvalid(name: string): MastheadError {
  return new MastheadError('TAG_NAME_INVALID', 'invalid', `"${name}" cannot be used as a tag.`, {
    details: { field: 'tagNames', name },
  })
}

/** A section slug is not well formed. */
export function sectionSlugInvalid(slug: string): MastheadError {
  return new MastheadError(
    'SECTION_SLUG_INVALID',
    'invalid',
    'A section slug is lower-case letters and digits joined by hyphens.',
    { details: { field: 'slug', slug } },
  )
}

/** A section slug would shadow another route (author, tag, api, …). */
export function sectionSlugReserved(slug: string): MastheadError {
  return new MastheadError(
    'SECTION_SLUG_RESERVED',
    'invalid',
    `"${slug}" is reserved for another part of the site; choose another section slug.`,
    { details: { field: 'slug', slug } },
  )
}

/** Another section already uses this slug. */
export function sectionSlugTaken(slug: string): MastheadError {
  return new MastheadError('SECTION_SLUG_TAKEN', 'conflict', `The section "${slug}" exists.`, {
    details: { field: 'slug', slug },
  })
}

/** A section or author name is empty after trimming. */
export function nameRequired(field: 'name'): MastheadError {
  return new MastheadError('NEWSROOM_NAME_REQUIRED', 'invalid', 'A name is required.', {
    details: { field },
  })
}

/** An explicit author slug is malformed. */
export function authorSlugInvalid(slug: string): MastheadError {
  return new MastheadError(
    'AUTHOR_SLUG_INVALID',
    'invalid',
    'An author slug is lower-case letters and digits joined by hyphens.',
    { details: { field: 'slug', slug } },
  )
}

/** Another author already uses this slug. */
export function authorSlugTaken(slug: string): MastheadError {
  return new MastheadError('AUTHOR_SLUG_TAKEN', 'conflict', `The author slug "${slug}" is taken.`, {
    details: { field: 'slug', slug },
  })
}

/** The author's public e-mail is malformed. */
export function authorEmailInvalid(): MastheadError {
  return new MastheadError('AUTHOR_EMAIL_INVALID', 'invalid', 'That e-mail address is not valid.', {
    details: { field: 'email' },
  })
}

/** The author's photo id does not exist. */
export function authorPhotoUnknown(photoId: number): MastheadError {
  return new MastheadError('AUTHOR_PHOTO_UNKNOWN', 'invalid', 'The author photo does not exist.', {
    details: { field: 'photoId', photoId },
  })
}

/** The author's user id does not exist. */
export function authorUserUnknown(userId: number): MastheadError {
  return new MastheadError('AUTHOR_USER_UNKNOWN', 'invalid', 'That user does not exist.', {
    details: { field: 'userId', userId },
  })
}

/** The picks list name is unknown. */
export function pickListUnknown(list: string): MastheadError {
  return new MastheadError('PICK_LIST_UNKNOWN', 'invalid', `There is no picks list "${list}".`, {
    details: { field: 'list', list },
  })
}

/** Some picked article ids do not exist. */
export function pickArticleUnknown(articleIds: number[]): MastheadError {
  return new MastheadError('PICK_ARTICLE_UNKNOWN', 'invalid', 'Some picked stories do not exist.', {
    details: { field: 'articleIds', articleIds },
  })
}

/** The comments error catalogue; every error names its form field so the message can sit next to it. */

import { type ErrorCatalogue, errorsOf, type MastheadError } from '../lib/errors.js'

/** This catalogue's codes and their kinds. */
export const COMMENTS_ERRORS = {
  COMMENT_NAME_REQUIRED: 'invalid',
  COMMENT_NAME_TOO_LONG: 'invalid',
  COMMENT_BODY_REQUIRED: 'invalid',
  COMMENT_TOO_LONG: 'invalid',
  COMMENT_INVALID_CHARACTERS: 'invalid',
  COMMENT_EMAIL_INVALID: 'invalid',
  COMMENT_ARTICLE_NOT_FOUND: 'not_found',
  COMMENT_PARENT_INVALID: 'invalid',
  COMMENTS_CLOSED: 'forbidden',
  COMMENT_RATE_LIMITED: 'rate_limited',
  COMMENT_DUPLICATE: 'conflict',
  COMMENT_FORM_EXPIRED: 'invalid',
  COMMENT_SUBMITTED_TOO_FAST: 'invalid',
  COMMENT_NOT_FOUND: 'not_found',
  COMMENT_MODERATION_INVALID: 'invalid',
  COMMENT_REPORT_RATE_LIMITED: 'rate_limited',
  COMMENT_TOO_MANY_CODE_POINTS: 'invalid',
  COMMENT_TOO_MANY_MARKS: 'invalid',
  COMMENT_NAME_RESERVED: 'invalid',
  COMMENT_BANNED_WORD_INVALID: 'invalid',
  COMMENT_BANNED_WORD_NOT_FOUND: 'not_found',
  COMMENT_READER_NOT_BANNED: 'not_found',
} as const satisfies ErrorCatalogue

const fail = errorsOf(COMMENTS_ERRORS)

/** The display name is empty. */
export function commentNameRequired(): MastheadError {
  return fail('COMMENT_NAME_REQUIRED', 'Please enter a name.', {
    details: { field: 'authorName' },
  })
}

/** The display name is too long. */
export function commentNameTooLong(max: number, length: number): MastheadError {
  return fail('COMMENT_NAME_TOO_LONG', `A name may have at most ${max} characters.`, {
    details: { field: 'authorName', max, length },
  })
}

/** The comment is empty or only whitespace. */
export function commentBodyRequired(): MastheadError {
  return fail('COMMENT_BODY_REQUIRED', 'Please write a comment.', {
    details: { field: 'body' },
  })
}

/** The comment is longer than the limit (counted in user-perceived characters). */
export function commentTooLong(max: number, length: number): MastheadError {
  return fail(
    'COMMENT_TOO_LONG',
    `A comment may have at most ${max} characters; this one has ${length}.`,
    { details: { field: 'body', max, length } },
  )
}

/** A field holds control characters. */
export function commentInvalidCharacters(field: 'authorName' | 'body'): MastheadError {
  return fail('COMMENT_INVALID_CHARACTERS', 'The text contains characters that cannot be shown.', {
    details: { field },
  })
}

/** The optional e-mail address is malformed. */
export function commentEmailInvalid(): MastheadError {
  return fail('COMMENT_EMAIL_INVALID', 'That e-mail address is not valid.', {
    details: { field: 'authorEmail' },
  })
}

/**
 * The story does not exist or readers cannot see it: named by id when posting, by slug in the
 * API's addresses.
 */
export function commentArticleNotFound(
  story: { articleId: number } | { slug: string },
): MastheadError {
  return 'articleId' in story
    ? fail('COMMENT_ARTICLE_NOT_FOUND', 'This story cannot take comments.', {
        details: { field: 'articleId', articleId: story.articleId },
      })
    : fail('COMMENT_ARTICLE_NOT_FOUND', 'There is no such story.', {
        details: { slug: story.slug },
      })
}

/** The comment replied to is not a visible top-level comment of the same story. */
export function commentParentInvalid(parentId: number): MastheadError {
  return fail('COMMENT_PARENT_INVALID', 'You can only reply to a comment on this story.', {
    details: { field: 'parentId', parentId },
  })
}

/** The story (or the whole site) takes no new comments. */
export function commentsClosed(articleId: number): MastheadError {
  return fail('COMMENTS_CLOSED', 'Comments are closed on this story.', {
    details: { articleId },
  })
}

/** The reader, or all readers of their address together, posted too many comments lately. */
export function commentRateLimited(
  window: 'minute' | 'day',
  limit: number,
  retryAfterSeconds: number,
  per: 'reader' | 'address' = 'reader',
): MastheadError {
  const whom = per === 'reader' ? 'You can' : 'Readers at your address can'
  return fail(
    'COMMENT_RATE_LIMITED',
    `${whom} post ${limit} comments a ${window}. Please try again later.`,
    { details: { window, limit, retryAfterSeconds, per } },
  )
}

/** The reader already posted this very comment on this story a moment ago. */
export function commentDuplicate(): MastheadError {
  return fail('COMMENT_DUPLICATE', 'You have already posted this comment.', {
    details: { field: 'body' },
  })
}

/** The form's signed stamp is missing, forged or more than a day old. */
export function commentFormExpired(): MastheadError {
  return fail(
    'COMMENT_FORM_EXPIRED',
    'This form has expired. Please check your comment and post it again.',
  )
}

/** The form came back faster than a person can fill it in. */
export function commentSubmittedTooFast(): MastheadError {
  return fail(
    'COMMENT_SUBMITTED_TOO_FAST',
    'That was quick! Please check your comment and post it again.',
  )
}

/** No comment has this id (or readers cannot see it). */
export function commentNotFound(commentId: number): MastheadError {
  return fail('COMMENT_NOT_FOUND', 'There is no such comment.', {
    details: { commentId },
  })
}

/** A moderation request names no comment, reader or known action. */
export function moderationInvalid(reason: string): MastheadError {
  return fail('COMMENT_MODERATION_INVALID', reason)
}

/** The address sent more reports this hour than allowed. */
export function commentReportRateLimited(limit: number): MastheadError {
  return fail(
    'COMMENT_REPORT_RATE_LIMITED',
    `Reports from your address are limited to ${limit} an hour. Please try again later.`,
    { details: { limit, retryAfterSeconds: 3600 } },
  )
}

/** The text has more code points than any comment may (a grapheme may hide thousands). */
export function commentTooManyCodePoints(field: 'authorName' | 'body', max: number): MastheadError {
  return fail(
    'COMMENT_TOO_MANY_CODE_POINTS',
    'The text is too long once its accents and symbols are counted.',
    { details: { field, max } },
  )
}

/** A character carries more combining marks than any writing system needs. */
export function commentTooManyMarks(field: 'authorName' | 'body', max: number): MastheadError {
  return fail('COMMENT_TOO_MANY_MARKS', `A character may carry at most ${max} accents or marks.`, {
    details: { field, max },
  })
}

/** The display name imitates the site's name or a staff member's. */
export function commentNameReserved(): MastheadError {
  return fail(
    'COMMENT_NAME_RESERVED',
    'Please choose a name that is not the site’s or one of its journalists’.',
    { details: { field: 'authorName' } },
  )
}

/** A banned word or phrase the list cannot hold (empty of letters, or too long). */
export function bannedWordInvalid(reason: string): MastheadError {
  return fail('COMMENT_BANNED_WORD_INVALID', reason, { details: { field: 'word' } })
}

/** The word to remove is not on the database list. */
export function bannedWordNotFound(word: string): MastheadError {
  return fail('COMMENT_BANNED_WORD_NOT_FOUND', `“${word}” is not on the banned-word list.`, {
    details: { word },
  })
}

/** The reader to unban is not banned. */
export function readerNotBanned(): MastheadError {
  return fail('COMMENT_READER_NOT_BANNED', 'This reader is not banned (any more).')
}

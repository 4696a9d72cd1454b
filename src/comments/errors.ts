/** The comments error catalogue; every error names its form field so the message can sit next to it. */

import { MastheadError } from '../lib/errors.js'

/** The display name is empty. */
export function commentNameRequired(): MastheadError {
  return new MastheadError('COMMENT_NAME_REQUIRED', 'invalid', 'Please enter a name.', {
    details: { field: 'authorName' },
  })
}

/** The display name is too long. */
export function commentNameTooLong(max: number, length: number): MastheadError {
  return new MastheadError(
    'COMMENT_NAME_TOO_LONG',
    'invalid',
    `A name may have at most ${max} characters.`,
    {
      details: { field: 'authorName', max, length },
    },
  )
}

/** The comment is empty or only whitespace. */
export function commentBodyRequired(): MastheadError {
  return new MastheadError('COMMENT_BODY_REQUIRED', 'invalid', 'Please write a comment.', {
    details: { field: 'body' },
  })
}

/** The comment is longer than the limit (counted in user-perceived characters). */
export function commentTooLong(max: number, length: number): MastheadError {
  return new MastheadError(
    'COMMENT_TOO_LONG',
    'invalid',
    `A comment may have at most ${max} characters; this one has ${length}.`,
    { details: { field: 'body', max, length } },
  )
}

/** A field holds control characters. */
export function commentInvalidCharacters(field: 'authorName' | 'body'): MastheadError {
  return new MastheadError(
    'COMMENT_INVALID_CHARACTERS',
    'invalid',
    'The text contains characters that cannot be shown.',
    { details: { field } },
  )
}

/** The optional e-mail address is malformed. */
export function commentEmailInvalid(): MastheadError {
  return new MastheadError(
    'COMMENT_EMAIL_INVALID',
    'invalid',
    'That e-mail address is not valid.',
    {
      details: { field: 'authorEmail' },
    },
  )
}

/** The story does not exist or is not published. */
export function commentArticleNotFound(articleId: number): MastheadError {
  return new MastheadError(
    'COMMENT_ARTICLE_NOT_FOUND',
    'not_found',
    'This story cannot take comments.',
    {
      details: { field: 'articleId', articleId },
    },
  )
}

/** The comment replied to is not a visible top-level comment of the same story. */
export function commentParentInvalid(parentId: number): MastheadError {
  return new MastheadError(
    'COMMENT_PARENT_INVALID',
    'invalid',
    'You can only reply to a comment on this story.',
    {
      details: { field: 'parentId', parentId },
    },
  )
}

/** The story (or the whole site) takes no new comments. */
export function commentsClosed(articleId: number): MastheadError {
  return new MastheadError('COMMENTS_CLOSED', 'forbidden', 'Comments are closed on this story.', {
    details: { articleId },
  })
}

/** The reader posted too many comments lately. */
export function commentRateLimited(
  window: 'minute' | 'day',
  limit: number,
  retryAfterSeconds: number,
): MastheadError {
  return new MastheadError(
    'COMMENT_RATE_LIMITED',
    'rate_limited',
    `You can post ${limit} comments a ${window}. Please try again later.`,
    { details: { window, limit, retryAfterSeconds } },
  )
}

/** The reader already posted this very comment on this story a moment ago. */
export function commentDuplicate(): MastheadError {
  return new MastheadError(
    'COMMENT_DUPLICATE',
    'conflict',
    'You have already posted this comment.',
    { details: { field: 'body' } },
  )
}

/** The form's signed stamp is missing, forged or more than a day old. */
export function commentFormExpired(): MastheadError {
  return new MastheadError(
    'COMMENT_FORM_EXPIRED',
    'invalid',
    'This form has expired. Please check your comment and post it again.',
  )
}

/** The form came back faster than a person can fill it in. */
export function commentSubmittedTooFast(): MastheadError {
  return new MastheadError(
    'COMMENT_SUBMITTED_TOO_FAST',
    'invalid',
    'That was quick! Please check your comment and post it again.',
  )
}

/** No comment has this id (or readers cannot see it). */
export function commentNotFound(commentId: number): MastheadError {
  return new MastheadError('COMMENT_NOT_FOUND', 'not_found', 'There is no such comment.', {
    details: { commentId },
  })
}

/** A moderation request names no comment, reader or known action. */
export function moderationInvalid(reason: string): MastheadError {
  return new MastheadError('COMMENT_MODERATION_INVALID', 'invalid', reason)
}

/** No published story has this slug (the API names stories by slug). */
export function commentStoryNotFound(slug: string): MastheadError {
  return new MastheadError('COMMENT_ARTICLE_NOT_FOUND', 'not_found', 'There is no such story.', {
    details: { slug },
  })
}

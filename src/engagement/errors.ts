/** The engagement error catalogue. */

import { type ErrorCatalogue, errorsOf, type MastheadError } from '../lib/errors.js'

/** This catalogue's codes and their kinds. */
export const ENGAGEMENT_ERRORS = {
  ENGAGEMENT_VIEWS_INVALID: 'invalid',
  ENGAGEMENT_ARTICLE_UNKNOWN: 'invalid',
  VIEW_TOKEN_INVALID: 'forbidden',
} as const satisfies ErrorCatalogue

const fail = errorsOf(ENGAGEMENT_ERRORS)

/** A view count must be a positive whole number at a valid time. */
export function viewsInvalid(views: number): MastheadError {
  return fail(
    'ENGAGEMENT_VIEWS_INVALID',
    'Views are counted in positive whole numbers at a valid time.',
    { details: { views } },
  )
}

/** Views were added for a story that does not exist (one of `articleIds`, when several). */
export function viewsArticleUnknown(articleIds: readonly number[]): MastheadError {
  const message =
    articleIds.length === 1
      ? `There is no story with id ${articleIds[0]} to count views for.`
      : `One of the stories with ids ${articleIds.slice(0, 10).join(', ')}${articleIds.length > 10 ? ', …' : ''} does not exist; no views were added.`
  return fail('ENGAGEMENT_ARTICLE_UNKNOWN', message, {
    details:
      articleIds.length === 1
        ? { articleId: articleIds[0] }
        : { articleIds: articleIds.slice(0, 10) },
  })
}

/** A view beacon came without a genuine, fresh token from a page this site rendered. */
export function viewTokenInvalid(): MastheadError {
  return fail(
    'VIEW_TOKEN_INVALID',
    'This view cannot be counted: its page token is missing, forged or expired.',
  )
}

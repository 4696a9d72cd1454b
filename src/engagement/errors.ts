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

/** Views were added for a story that does not exist. */
export function viewsArticleUnknown(articleId: number): MastheadError {
  return fail(
    'ENGAGEMENT_ARTICLE_UNKNOWN',
    `There is no story with id ${articleId} to count views for.`,
    { details: { articleId } },
  )
}

/** A view beacon came without a genuine, fresh token from a page this site rendered. */
export function viewTokenInvalid(): MastheadError {
  return fail(
    'VIEW_TOKEN_INVALID',
    'This view cannot be counted: its page token is missing, forged or expired.',
  )
}

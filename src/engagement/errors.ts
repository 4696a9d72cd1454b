/** The engagement error catalogue. */

import { MastheadError } from '../lib/errors.js'

/** A view count must be a positive whole number at a valid time. */
export function viewsInvalid(views: number): MastheadError {
  return new MastheadError(
    'ENGAGEMENT_VIEWS_INVALID',
    'invalid',
    'Views are counted in positive whole numbers at a valid time.',
    { details: { views } },
  )
}

/** Views were added for a story that does not exist. */
export function viewsArticleUnknown(articleId: number): MastheadError {
  return new MastheadError(
    'ENGAGEMENT_ARTICLE_UNKNOWN',
    'invalid',
    `There is no story with id ${articleId} to count views for.`,
    { details: { articleId } },
  )
}

/** No published story has this slug (the view endpoints answer it as a 404). */
export function articleSlugNotFound(slug: string): MastheadError {
  return new MastheadError('ARTICLE_NOT_FOUND', 'not_found', 'There is no published story here.', {
    details: { slug },
  })
}

/** Error catalogue of the rankings API (what the request named does not exist). */

import { type ErrorCatalogue, errorsOf, type MastheadError } from '../../lib/errors.js'

/** This catalogue's codes and their kinds. */
export const RANKINGS_ERRORS = {
  RANKINGS_SECTION_NOT_FOUND: 'not_found',
  RANKINGS_ARTICLE_NOT_FOUND: 'not_found',
} as const satisfies ErrorCatalogue

const fail = errorsOf(RANKINGS_ERRORS)

/** No section has this slug. */
export const rankingSectionNotFound = (slug: string): MastheadError =>
  fail('RANKINGS_SECTION_NOT_FOUND', 'There is no such section.', {
    details: { section: slug },
  })

/** No published story has this slug. */
export const rankingArticleNotFound = (slug: string): MastheadError =>
  fail('RANKINGS_ARTICLE_NOT_FOUND', 'There is no such story.', {
    details: { slug },
  })

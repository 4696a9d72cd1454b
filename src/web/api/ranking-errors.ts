/** Error catalogue of the rankings API (what the request named does not exist). */

import { MastheadError } from '../../lib/errors.js'

/** No section has this slug. */
export const rankingSectionNotFound = (slug: string): MastheadError =>
  new MastheadError('RANKINGS_SECTION_NOT_FOUND', 'not_found', 'There is no such section.', {
    details: { section: slug },
  })

/** No published story has this slug. */
export const rankingArticleNotFound = (slug: string): MastheadError =>
  new MastheadError('RANKINGS_ARTICLE_NOT_FOUND', 'not_found', 'There is no such story.', {
    details: { slug },
  })

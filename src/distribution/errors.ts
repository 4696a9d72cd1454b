/** Distribution's error catalogue: feeds and sitemap files that do not exist. */

import { type ErrorCatalogue, errorsOf, type MastheadError } from '../lib/errors.js'

/** This catalogue's codes and their kinds. */
export const DISTRIBUTION_ERRORS = {
  FEED_NOT_FOUND: 'not_found',
  SITEMAP_NOT_FOUND: 'not_found',
} as const satisfies ErrorCatalogue

const fail = errorsOf(DISTRIBUTION_ERRORS)

/** No section, author or tag has this slug, so it has no feed. */
export function feedNotFound(scope: { kind: string; slug: string }): MastheadError {
  return fail('FEED_NOT_FOUND', `There is no ${scope.kind} with a feed here.`, { details: scope })
}

/** No sitemap file has this name (or its block of ids has nothing readers may see). */
export function sitemapNotFound(name: string): MastheadError {
  return fail('SITEMAP_NOT_FOUND', 'There is no such sitemap.', { details: { name } })
}

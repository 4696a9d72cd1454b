/** Error catalogue of the Content API's requests (filters and cursors that name nothing). */

import { type ErrorCatalogue, errorsOf, type MastheadError } from '../../lib/errors.js'

/** This catalogue's codes and their kinds. */
export const CONTENT_API_ERRORS = {
  CONTENT_FILTER_NOT_FOUND: 'not_found',
  CONTENT_CURSOR_INVALID: 'invalid',
  CONTENT_FIELDS_INVALID: 'invalid',
  CONTENT_ARTICLE_NOT_FOUND: 'not_found',
} as const satisfies ErrorCatalogue

const fail = errorsOf(CONTENT_API_ERRORS)

/** A section, tag or author filter names nothing. */
export const contentFilterNotFound = (filter: string, slug: string): MastheadError =>
  fail('CONTENT_FILTER_NOT_FOUND', `There is no ${filter} "${slug}".`, {
    details: { field: filter, slug },
  })

/** The cursor was not one this API gave out. */
export const contentCursorInvalid = (): MastheadError =>
  fail(
    'CONTENT_CURSOR_INVALID',
    'The cursor is not valid: pass back the "next" value as it came.',
    {
      details: { field: 'cursor' },
    },
  )

/** `fields` names a field articles do not have. */
export const contentFieldsInvalid = (
  unknown: readonly string[],
  known: readonly string[],
): MastheadError =>
  fail('CONTENT_FIELDS_INVALID', `Unknown field(s): ${unknown.join(', ')}.`, {
    details: { field: 'fields', unknown: [...unknown], known: [...known] },
  })

/** No published story has this slug. */
export const contentArticleNotFound = (slug: string): MastheadError =>
  fail('CONTENT_ARTICLE_NOT_FOUND', 'There is no such story.', { details: { slug } })

/** Loads the search page: the form's values, and the results or the reason there are none. */

import type { Author } from '../../../newsroom/index.js'
import type { SearchResults } from '../../../search/index.js'
import { isMastheadError } from '../../../lib/errors.js'
import { filtersOf, type SearchFields } from '../../search-request.js'
import { frameOf, type PageContext, type SiteFrame } from '../page-context.js'

/** Results per page. */
export const RESULTS_PER_PAGE = 10

/** What the page shows under the form. */
export type SearchOutcome =
  | { kind: 'blank' }
  | { kind: 'refused'; code: string; message: string }
  | { kind: 'results'; results: SearchResults }

export interface SearchPageProps {
  frame: SiteFrame
  fields: SearchFields
  /** The author the search is narrowed to, when the `author` filter names one. */
  author: Author | undefined
  outcome: SearchOutcome
}

/** Loads `/search?q=…`; a query search cannot read is a message on the page, not an error page. */
export async function loadSearchPage(
  ctx: PageContext,
  fields: SearchFields,
): Promise<SearchPageProps> {
  const { newsroom, search } = ctx.services
  const [sections, author] = await Promise.all([
    newsroom.listSections(),
    fields.author === undefined || fields.author === ''
      ? undefined
      : newsroom.getAuthor(fields.author),
  ])
  const frame = frameOf(ctx, sections)
  const text = fields.q ?? ''
  if (text.trim() === '') return { frame, fields, author, outcome: { kind: 'blank' } }
  try {
    const results = await search.search({
      text,
      ...filtersOf(fields),
      page: fields.page ?? 1,
      perPage: RESULTS_PER_PAGE,
    })
    return { frame, fields, author, outcome: { kind: 'results', results } }
  } catch (error) {
    if (isMastheadError(error) && error.code.startsWith('SEARCH_'))
      return {
        frame,
        fields,
        author,
        outcome: { kind: 'refused', code: error.code, message: error.message },
      }
    throw error
  }
}

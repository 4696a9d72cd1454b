/** The search parameters the page and the API share: their schema and their reading into a request. */

import { type Static, Type } from '@sinclair/typebox'
import type { SearchFilters } from '../search/index.js'

/** Results pages a reader can reach; deeper pages cost the database more than they help. */
export const MAX_SEARCH_PAGE = 100
/** A calendar day; an empty value (a form field left blank) means no limit. */
const Day = Type.Union([
  Type.Literal(''),
  Type.String({ pattern: '^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$' }),
])
/** A section or author slug; empty means any. */
const SlugFilter = Type.Union([
  Type.Literal(''),
  Type.String({ pattern: '^[a-z0-9]+(?:-[a-z0-9]+)*$', maxLength: 80 }),
])

/**
 * The filter fields. `q` has no length limit here: search refuses an over-long query with its
 * own code and message (SEARCH_QUERY_TOO_LONG), which the page shows in place.
 */
export const SEARCH_FIELDS = {
  q: Type.Optional(Type.String({ maxLength: 20_000 })),
  section: Type.Optional(SlugFilter),
  author: Type.Optional(SlugFilter),
  from: Type.Optional(Day),
  to: Type.Optional(Day),
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_SEARCH_PAGE })),
}
/** The parsed filter fields, as a route hands them over. */
export type SearchFields = Static<ReturnType<typeof Type.Object<typeof SEARCH_FIELDS>>>

const DAY_MS = 86_400_000

/** The filters of `fields`: days are UTC, `to` includes its whole day. */
export function filtersOf(fields: SearchFields): SearchFilters {
  const day = (value: string | undefined): Date | undefined =>
    value === undefined || value === '' ? undefined : new Date(`${value}T00:00:00.000Z`)
  const to = day(fields.to)
  return {
    section: fields.section === '' ? undefined : fields.section,
    author: fields.author === '' ? undefined : fields.author,
    from: day(fields.from),
    until: to === undefined ? undefined : new Date(to.getTime() + DAY_MS),
  }
}

/** The query string of `fields` with `page` (blank fields left out), for links between pages. */
export function searchQueryString(fields: SearchFields, page: number): string {
  const params = new URLSearchParams()
  for (const name of ['q', 'section', 'author', 'from', 'to'] as const) {
    const value = fields[name]
    if (value !== undefined && value !== '') params.set(name, value)
  }
  if (page > 1) params.set('page', String(page))
  return params.toString()
}

/** Site search's public surface: createSearch and the types other layers use. */

export { createSearch } from './search.js'
export type { Search, SearchDeps, SearchHit, SearchRequest, SearchResults } from './search.js'
export type { SearchFilters } from './search-queries.js'
export type { TextPart } from './snippets.js'
export { MAX_QUERY_LENGTH } from './query-parser.js'

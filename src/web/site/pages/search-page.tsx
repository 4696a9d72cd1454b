/** The search page: the form (query echoed, filters), the result count, marked results, paging, help. */

import type { SearchHit, TextPart } from '../../../search/index.js'
import { formatCount, formatDate } from '../../render/format.js'
import type { SafeHtml } from '../../render/html.js'
import { Layout } from '../../render/layout.js'
import { searchQueryString } from '../../search-request.js'
import { Pagination } from '../components/pagination.js'
import { articlePath } from '../site-urls.js'
import type { SearchOutcome, SearchPageProps } from './load-search-page.js'

/** Text parts with the matched words in <mark>; every part is escaped as text. */
function Marked(props: { parts: readonly TextPart[] }): SafeHtml {
  return <>{props.parts.map((part) => (part.mark ? <mark>{part.text}</mark> : part.text))}</>
}

/** "3 results", "1 result", "No results", "Over 1,000 results". */
function countSentence(total: number, more = false): string {
  if (total === 0) return 'No results'
  if (more) return `Over ${formatCount(total)} results`
  return `${formatCount(total)} ${total === 1 ? 'result' : 'results'}`
}

/** Renders the search page document. */
export function SearchPage(props: SearchPageProps): SafeHtml {
  const { frame, fields, outcome } = props
  const q = fields.q ?? ''
  const title =
    outcome.kind === 'results'
      ? `Search: ${q} (${countSentence(outcome.results.total, outcome.results.more).toLowerCase()}${
          outcome.results.page > 1 ? `, page ${outcome.results.page}` : ''
        })`
      : q.trim() === ''
        ? 'Search'
        : `Search: ${q.slice(0, 80)}`
  return (
    <Layout
      frame={frame}
      meta={{
        title,
        description: `Search the stories of ${frame.site.name}.`,
        // Results pages are not for search engines; /search itself has nothing to index either.
        noindex: true,
      }}
    >
      <header class="list-header">
        <h1>Search</h1>
      </header>
      <SearchForm {...props} />
      <Outcome outcome={outcome} props={props} />
    </Layout>
  )
}

function SearchForm(props: SearchPageProps): SafeHtml {
  const { fields, frame, author } = props
  return (
    <form
      class="search-form"
      role="search"
      aria-label="Search stories"
      action="/search"
      method="get"
    >
      <div class="field">
        <label for="search-q">Search for</label>
        <input
          id="search-q"
          type="search"
          name="q"
          value={fields.q ?? ''}
          maxlength="256"
          aria-describedby="search-q-hint"
        />
        <p class="field-hint" id="search-q-hint">
          Put a phrase in quotes ("tidal power"), end a word with * to find words that start with it
          (ferr*), and put - before a word to leave it out.
        </p>
      </div>
      <fieldset class="search-filters">
        <legend>Narrow the results (optional)</legend>
        <div class="field">
          <label for="search-section">Section</label>
          <select id="search-section" name="section">
            <option value="">All sections</option>
            {frame.sections.map((section) => (
              <option value={section.slug} selected={section.slug === fields.section}>
                {section.name}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="search-from">Published from</label>
          <input id="search-from" type="date" name="from" value={fields.from ?? ''} />
        </div>
        <div class="field">
          <label for="search-to">Published until</label>
          <input id="search-to" type="date" name="to" value={fields.to ?? ''} />
        </div>
        {author === undefined ? null : (
          <p class="search-author">
            <input type="hidden" name="author" value={author.slug} />
            Only stories by {author.name}.{' '}
            <a href={`/search?${searchQueryString({ ...fields, author: '' }, 1)}`}>
              Search all authors
            </a>
          </p>
        )}
      </fieldset>
      <button class="button" type="submit">
        Search
      </button>
    </form>
  )
}

function Outcome(props: { outcome: SearchOutcome; props: SearchPageProps }): SafeHtml {
  const { outcome } = props
  const language = props.props.frame.site.language
  if (outcome.kind === 'blank')
    return (
      <p class="search-status" role="status">
        Type one or more words to search every story.
      </p>
    )
  if (outcome.kind === 'refused')
    return (
      <div class="search-status search-refused" role="status">
        <p>{outcome.message}</p>
        <SearchHelp />
      </div>
    )
  const { results } = outcome
  const fields = props.props.fields
  return (
    <section aria-labelledby="search-results-title">
      <h2 class="visually-hidden" id="search-results-title">
        Results
      </h2>
      <p class="search-status" role="status">
        {countSentence(results.total, results.more)} for “{fields.q ?? ''}”
        {results.totalPages > 1 ? ` · page ${results.page} of ${results.totalPages}` : ''}
      </p>
      {results.more ? (
        <p class="field-hint">
          Showing the {formatCount(results.total)} most relevant. Add words to narrow the search.
        </p>
      ) : null}
      {results.hits.length === 0 ? (
        <div class="search-empty">
          {results.total > 0 ? (
            <p>
              There are no results on this page.{' '}
              <a href={`/search?${searchQueryString(fields, 1)}`}>Go to the first page</a>
            </p>
          ) : (
            <SearchHelp />
          )}
        </div>
      ) : (
        <ol class="search-results" start={(results.page - 1) * results.perPage + 1}>
          {results.hits.map((hit) => (
            <li>
              <Result hit={hit} language={language} />
            </li>
          ))}
        </ol>
      )}
      <Pagination
        basePath="/search"
        page={results.page}
        totalPages={results.totalPages}
        href={(n) => `/search?${searchQueryString(fields, n)}`}
      />
    </section>
  )
}

function Result(props: { hit: SearchHit; language: string }): SafeHtml {
  const { story } = props.hit
  return (
    <article class="search-result">
      <p class="section-label">
        <a href={`/${story.section.slug}`}>{story.section.name}</a>
      </p>
      <h3 class="search-result-headline">
        <a href={articlePath(story)}>
          <Marked parts={props.hit.headline} />
        </a>
      </h3>
      {props.hit.snippet.length === 0 ? null : (
        <p class="search-result-snippet">
          <Marked parts={props.hit.snippet} />
        </p>
      )}
      <p class="story-card-meta">
        {story.authors.length === 0 ? null : (
          <span>{story.authors.map((a) => a.name).join(', ')} · </span>
        )}
        <time datetime={story.publishedAt.toISOString()}>
          {formatDate(story.publishedAt, props.language)}
        </time>
      </p>
    </article>
  )
}

/** What to try when nothing was found. */
function SearchHelp(): SafeHtml {
  return (
    <>
      <p>Some things to try:</p>
      <ul class="search-help">
        <li>Check the spelling, or use fewer words.</li>
        <li>Use a more general word (“ferry” rather than “catamaran”).</li>
        <li>Remove the section or date filters.</li>
        <li>Browse the sections listed at the top of the page.</li>
      </ul>
    </>
  )
}

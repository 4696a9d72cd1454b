/** The story list: filters by status, section, author and headline words; last changed first; paged. */

import type { DeskStorySummary, Page, Section } from '../../../newsroom/index.js'
import type { SafeHtml } from '../../render/html.js'
import { formatWhen, STATUS_LABELS } from './story-labels.js'
import { STATUS_FILTERS } from './story-schemas.js'
import { Pagination } from '../../site/components/pagination.js'

export interface StoryListFilters {
  status: string
  section: string
  author: string
  q: string
}

export interface StoryListProps {
  stories: Page<DeskStorySummary>
  filters: StoryListFilters
  sections: Section[]
  authors: { id: number; name: string }[]
  canCreate: boolean
}

/** The list's address for `page` with the current filters. */
export function listHref(filters: StoryListFilters, page: number): string {
  const query = new URLSearchParams()
  for (const key of ['q', 'status', 'section', 'author'] as const)
    if (filters[key] !== '') query.set(key, filters[key])
  if (page > 1) query.set('page', String(page))
  const text = query.toString()
  return text === '' ? '/newsroom/stories' : `/newsroom/stories?${text}`
}

/** The story list's `<main>` content. */
export function StoryListPage(props: StoryListProps): SafeHtml {
  const { stories, filters } = props
  const filtered = Object.values(filters).some((v) => v !== '')
  return (
    <>
      <h1>Stories</h1>
      {props.canCreate ? (
        <p>
          <a class="button" href="/newsroom/stories/new">
            New story
          </a>
        </p>
      ) : null}
      <form
        method="get"
        action="/newsroom/stories"
        class="nr-filters"
        role="search"
        aria-label="Filter stories"
      >
        <div class="field">
          <label for="filter-q">Headline</label>
          <input id="filter-q" name="q" type="search" value={filters.q} />
        </div>
        <div class="field">
          <label for="filter-status">Status</label>
          <select id="filter-status" name="status">
            <option value="">Any status</option>
            {STATUS_FILTERS.map((s) => (
              <option value={s} selected={filters.status === s}>
                {STATUS_LABELS[s]}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="filter-section">Section</label>
          <select id="filter-section" name="section">
            <option value="">Any section</option>
            {props.sections.map((s) => (
              <option value={String(s.id)} selected={filters.section === String(s.id)}>
                {s.name}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="filter-author">Author</label>
          <select id="filter-author" name="author">
            <option value="">Any author</option>
            {props.authors.map((a) => (
              <option value={String(a.id)} selected={filters.author === String(a.id)}>
                {a.name}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" class="button">
          Filter
        </button>
        {filtered ? <a href="/newsroom/stories">Clear filters</a> : null}
      </form>
      <p role="status">
        {stories.total === 0
          ? 'No stories match.'
          : `${stories.total.toLocaleString('en')} ${stories.total === 1 ? 'story' : 'stories'}, last changed first.`}
      </p>
      {stories.items.length === 0 ? null : (
        <table class="nr-table">
          <caption class="visually-hidden">Stories, last changed first</caption>
          <thead>
            <tr>
              <th scope="col">Headline</th>
              <th scope="col">Status</th>
              <th scope="col">Section</th>
              <th scope="col">Authors</th>
              <th scope="col">Last change</th>
            </tr>
          </thead>
          <tbody>
            {stories.items.map((story) => (
              <tr>
                <th scope="row">
                  <a href={`/newsroom/stories/${story.id}`}>{story.headline}</a>
                </th>
                <td>
                  <span class="nr-status" data-status={story.status}>
                    {STATUS_LABELS[story.status]}
                  </span>
                  {story.status === 'scheduled' && story.publishedAt !== null ? (
                    <> for {formatWhen(story.publishedAt)}</>
                  ) : null}
                </td>
                <td>{story.section.name}</td>
                <td>{story.authors.map((a) => a.name).join(', ')}</td>
                <td>{formatWhen(story.modifiedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Pagination
        basePath="/newsroom/stories"
        page={stories.page}
        totalPages={stories.totalPages}
        href={(n) => listHref(filters, n)}
      />
    </>
  )
}

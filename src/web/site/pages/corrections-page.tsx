/** The public record of corrections: what was wrong, when it was put right, and where. */

import { formatCount } from '../../render/format.js'
import type { SafeHtml } from '../../render/html.js'
import { absoluteUrl, Layout } from '../../render/layout.js'
import { pageSuffix } from '../components/paged-stories.js'
import { Pagination } from '../components/pagination.js'
import { NoteText } from '../components/story-notes.js'
import { breadcrumbData, collectionPageData } from '../metadata/site-data.js'
import { articlePath, CORRECTIONS_PATH, pagePath, sectionPath } from '../site-urls.js'
import type { CorrectionsPageProps } from './load-corrections-page.js'

/** Renders the corrections page document. */
export function CorrectionsPage(props: CorrectionsPageProps): SafeHtml {
  const { list, frame } = props
  const language = frame.site.language
  const path = pagePath(CORRECTIONS_PATH, list.page)
  const description = `Every correction ${frame.site.name} has made to a published story, newest first.`
  return (
    <Layout
      frame={frame}
      meta={{
        title: 'Corrections' + pageSuffix(list.page),
        description,
        canonicalPath: path,
        jsonLd: [
          collectionPageData(frame.site, {
            name: 'Corrections',
            description,
            path,
            stories: list.items.map(({ story }) => ({
              url: absoluteUrl(frame.site, articlePath(story)),
            })),
          }),
          breadcrumbData(frame.site, [{ name: 'Corrections', path: CORRECTIONS_PATH }]),
        ],
      }}
    >
      <header class="list-header">
        <h1>Corrections</h1>
        <p class="list-description">
          When we get something wrong, we correct the story and say so at its top. This page lists
          every correction, newest first.
        </p>
      </header>
      {list.total === 0 ? (
        <p class="list-empty">No story has needed a correction yet.</p>
      ) : (
        <>
          <p class="list-position">
            {formatCount(list.total)} {list.total === 1 ? 'correction' : 'corrections'}
            {list.totalPages > 1 ? ` · page ${list.page} of ${list.totalPages}` : ''}
          </p>
          <ul class="corrections-list">
            {list.items.map(({ note, story }) => (
              <li>
                <article>
                  <p class="section-label">
                    <a href={sectionPath(story.section)}>{story.section.name}</a>
                  </p>
                  <h2>
                    <a href={`${articlePath(story)}#note-${note.id}`}>{story.headline}</a>
                  </h2>
                  <NoteText note={note} language={language} />
                </article>
              </li>
            ))}
          </ul>
          <Pagination basePath={CORRECTIONS_PATH} page={list.page} totalPages={list.totalPages} />
        </>
      )}
    </Layout>
  )
}

/** The 404 page: says so plainly and offers the front page, the sections and the latest stories. */

import type { SafeHtml } from '../../render/html.js'
import { Layout } from '../../render/layout.js'
import { articlePath, sectionPath } from '../site-urls.js'
import type { NotFoundPageProps } from './load-not-found-page.js'

/** Renders the 404 page document (or the 410 page of a story taken down). */
export function NotFoundPage(props: NotFoundPageProps): SafeHtml {
  const { frame, gone = false } = props
  return (
    <Layout
      frame={frame}
      meta={{
        title: gone ? 'Story removed' : 'Page not found',
        description: gone
          ? `The story at this address was removed from ${frame.site.name}.`
          : `There is no page at this address on ${frame.site.name}.`,
        noindex: true,
      }}
    >
      <div class="message-page">
        <h1>{gone ? 'This story has been removed' : "We couldn't find that page"}</h1>
        {gone ? (
          <p>
            The newsroom took this story down. Try the <a href="/">front page</a>, one of our
            sections, or a recent story.
          </p>
        ) : (
          <p>
            The story may have moved, or the address may be mistyped. Try the{' '}
            <a href="/">front page</a>, one of our sections, or a recent story.
          </p>
        )}
        {frame.sections.length === 0 ? null : (
          <section aria-labelledby="nf-sections">
            <h2 id="nf-sections">Sections</h2>
            <ul class="link-list">
              {frame.sections.map((section) => (
                <li>
                  <a href={sectionPath(section)}>{section.name}</a>
                </li>
              ))}
            </ul>
          </section>
        )}
        {props.latest.length === 0 ? null : (
          <section aria-labelledby="nf-latest">
            <h2 id="nf-latest">Latest stories</h2>
            <ul class="link-list">
              {props.latest.map((story) => (
                <li>
                  <a href={articlePath(story)}>{story.headline}</a>
                </li>
              ))}
            </ul>
          </section>
        )}
      </div>
    </Layout>
  )
}

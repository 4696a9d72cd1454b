/** A section's front: its name, description and a page of its newest stories. */

import type { SafeHtml } from '../../render/html.js'
import { Layout } from '../../render/layout.js'
import { PagedStories, pageSuffix } from '../components/paged-stories.js'
import { breadcrumbData, collectionPageData, storyUrls } from '../metadata/site-data.js'
import { pagePath, sectionPath } from '../site-urls.js'
import type { SectionPageProps } from './load-section-page.js'

/** Renders a section page document. */
export function SectionPage(props: SectionPageProps): SafeHtml {
  const { section, list, frame } = props
  const base = sectionPath(section)
  const path = pagePath(base, list.page)
  const description =
    section.description === ''
      ? `The latest ${section.name} stories from ${frame.site.name}.`
      : section.description
  return (
    <Layout
      frame={frame}
      activeSection={section.slug}
      meta={{
        title: section.name + pageSuffix(list.page),
        description,
        canonicalPath: path,
        jsonLd: [
          collectionPageData(frame.site, {
            name: section.name,
            description,
            path,
            stories: storyUrls(frame.site, list.items),
          }),
          breadcrumbData(frame.site, [{ name: section.name, path: base }]),
        ],
      }}
    >
      <header class="list-header">
        <h1>{section.name}</h1>
        {section.description === '' ? null : <p class="list-description">{section.description}</p>}
      </header>
      <PagedStories list={list} basePath={base} language={frame.site.language} />
    </Layout>
  )
}

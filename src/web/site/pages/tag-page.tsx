/** A tag's page: every story on one topic, newest first. */

import type { SafeHtml } from '../../render/html.js'
import { Layout } from '../../render/layout.js'
import { PagedStories, pageSuffix } from '../components/paged-stories.js'
import { breadcrumbData, collectionPageData, storyUrls } from '../metadata/site-data.js'
import { pagePath, tagPath } from '../site-urls.js'
import type { TagPageProps } from './load-tag-page.js'

/** Renders a tag page document. */
export function TagPage(props: TagPageProps): SafeHtml {
  const { tag, list, frame } = props
  const base = tagPath(tag)
  const path = pagePath(base, list.page)
  const description = `Stories about ${tag.name} from ${frame.site.name}.`
  return (
    <Layout
      frame={frame}
      meta={{
        title: `${tag.name}${pageSuffix(list.page)}`,
        description,
        canonicalPath: path,
        jsonLd: [
          collectionPageData(frame.site, {
            name: tag.name,
            description,
            path,
            stories: storyUrls(frame.site, list.items),
          }),
          breadcrumbData(frame.site, [{ name: tag.name, path: base }]),
        ],
      }}
    >
      <header class="list-header">
        <h1>
          <span class="list-kicker">Topic:</span> {tag.name}
        </h1>
      </header>
      <PagedStories list={list} basePath={base} language={frame.site.language} />
    </Layout>
  )
}

/** A tag's page: every story on one topic, newest first. */

import type { SafeHtml } from '../../render/html.js'
import { Layout } from '../../render/layout.js'
import { PagedStories, pageSuffix } from '../components/paged-stories.js'
import { pagePath, tagPath } from '../site-urls.js'
import type { TagPageProps } from './load-tag-page.js'

/** Renders a tag page document. */
export function TagPage(props: TagPageProps): SafeHtml {
  const { tag, list, frame } = props
  const base = tagPath(tag)
  return (
    <Layout
      frame={frame}
      meta={{
        title: `${tag.name}${pageSuffix(list.page)}`,
        description: `Stories about ${tag.name} from ${frame.site.name}.`,
        canonicalPath: pagePath(base, list.page),
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

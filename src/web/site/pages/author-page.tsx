/** An author's page: the author box (photo, job title, bio, e-mail) and a page of their stories. */

import type { SafeHtml } from '../../render/html.js'
import { Layout } from '../../render/layout.js'
import { AuthorBox } from '../components/author-box.js'
import { PagedStories, pageSuffix } from '../components/paged-stories.js'
import { breadcrumbData, profilePageData } from '../metadata/site-data.js'
import { authorPath, pagePath } from '../site-urls.js'
import type { AuthorPageProps } from './load-author-page.js'

/** Renders an author page document. */
export function AuthorPage(props: AuthorPageProps): SafeHtml {
  const { author, list, frame } = props
  const base = authorPath(author)
  const path = pagePath(base, list.page)
  return (
    <Layout
      frame={frame}
      meta={{
        title: author.name + pageSuffix(list.page),
        description:
          author.bio === ''
            ? `Stories by ${author.name} for ${frame.site.name}.`
            : `${author.name}: ${author.bio}`,
        canonicalPath: path,
        jsonLd: [
          profilePageData(frame.site, author, { path, stories: list.items }),
          breadcrumbData(frame.site, [{ name: author.name, path: base }]),
        ],
      }}
    >
      <header class="list-header author-header">
        <h1>
          <span class="list-kicker">Stories by</span> {author.name}
        </h1>
        <AuthorBox author={author} level={2} linkName={false} />
      </header>
      <PagedStories list={list} basePath={base} language={frame.site.language} />
    </Layout>
  )
}

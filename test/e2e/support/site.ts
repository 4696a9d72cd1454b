/** Starts the real application on a loopback port, seeded with demo stories, for the browser. */

import type { AddressInfo } from 'node:net'
import { startJobs } from '../../../src/app.js'
import type { Clock } from '../../../src/lib/clock.js'
import { buildTestApp, type TestApp } from '../../helpers/build-test-app.js'

/** One URL of each kind of page the reader site serves. */
export interface SiteUrls {
  front: string
  section: string
  article: string
  author: string
  tag: string
  /** Search results for a word of the story's headline. */
  search: string
  /** A path no page lives at (answers 404). */
  missing: string
}

export interface RunningSite {
  /** `http://127.0.0.1:<port>`, no trailing slash. */
  origin: string
  urls: SiteUrls
  /** The headline of the story at `urls.article`. */
  headline: string
  testApp: TestApp
  close(): Promise<void>
}

/** How a suite's site differs from the default one. */
export interface SiteOptions {
  /** Demo stories to seed (default 40). */
  articles?: number
  /** More settings (MASTHEAD_* variables). */
  env?: Record<string, string>
  /** The app's clock (default: one standing still at TEST_NOW); a test may move it. */
  clock?: Clock
  /** Runs the background jobs (scheduled publishing among them) as the server would. */
  jobs?: boolean
}

/** Builds the app with demo stories and serves it on 127.0.0.1 at a free port. */
export async function startSite(options: SiteOptions = {}): Promise<RunningSite> {
  // The test clock stands still, so a form's age is always 0: the time-to-submit check is off.
  const testApp = await buildTestApp({
    articles: options.articles ?? 40,
    env: { MASTHEAD_COMMENTS_MIN_SUBMIT_SECONDS: '0', ...options.env },
    ...(options.clock === undefined ? {} : { clock: options.clock }),
  })
  const jobs = options.jobs === true ? startJobs(testApp.app.services) : undefined
  const close = async () => {
    await jobs?.stop()
    await testApp.dispose()
  }
  try {
    const { app } = testApp
    await app.web.listen({ host: '127.0.0.1', port: 0 })
    const { port } = app.web.server.address() as AddressInfo
    const origin = `http://127.0.0.1:${port}`
    const newsroom = app.services.newsroom
    // The newest story that has a tag, so the tag page has something to show.
    const { items } = await newsroom.listArticles({}, 1, 20)
    for (const summary of items) {
      const found = await newsroom.findPublishedArticle(summary.slug)
      if (found?.kind !== 'found') continue
      const { article } = found
      const tag = article.tags[0]
      const author = article.authors[0]
      if (tag === undefined || author === undefined) continue
      const urls: SiteUrls = {
        front: `${origin}/`,
        section: `${origin}/${article.section.slug}`,
        article: `${origin}/${article.section.slug}/${article.slug}`,
        author: `${origin}/author/${author.slug}`,
        tag: `${origin}/tag/${tag.slug}`,
        search: `${origin}/search?q=${encodeURIComponent(article.headline.split(' ')[0] ?? 'news')}`,
        missing: `${origin}/${article.section.slug}/no-story-lives-here`,
      }
      return { origin, urls, headline: article.headline, testApp, close }
    }
    throw new Error('the demo content has no published story with an author and a tag')
  } catch (error) {
    await close()
    throw error
  }
}

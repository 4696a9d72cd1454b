/** Starts the real app with 30 demo stories for site tests, and fetches pages parsed for assertions. */

import type { Article } from '../../../src/newsroom/index.js'
import { buildTestApp, type TestApp } from '../../helpers/build-test-app.js'
import { parsePage } from '../../helpers/html.js'

/** One answered request, with the HTML parsed. */
export interface Fetched {
  status: number
  headers: Record<string, string | string[] | number | undefined>
  html: string
  doc: Document
}

export interface SiteApp {
  testApp: TestApp
  /** A published story with a lead photo, authors and tags (the newest such). */
  article: Article
  /** `/{section}/{slug}` of `article`. */
  articlePath: string
  get(url: string, headers?: Record<string, string>): Promise<Fetched>
  request(options: {
    method: string
    url: string
    payload?: string
    headers?: Record<string, string>
    /** The client's address (inject's default is 127.0.0.1). */
    remoteAddress?: string
  }): Promise<Fetched>
  close(): Promise<void>
}

/** Builds the app with demo content and picks the story the tests read. */
export async function startSiteApp(env: Record<string, string> = {}): Promise<SiteApp> {
  const testApp = await buildTestApp({ articles: 30, env })
  const { app } = testApp
  const request: SiteApp['request'] = async (options) => {
    const response = await app.web.inject({
      method: options.method as 'GET',
      url: options.url,
      headers: { accept: 'text/html', ...options.headers },
      ...(options.payload === undefined ? {} : { payload: options.payload }),
      ...(options.remoteAddress === undefined ? {} : { remoteAddress: options.remoteAddress }),
    })
    return {
      status: response.statusCode,
      headers: response.headers,
      html: response.body,
      doc: parsePage(response.body),
    }
  }
  try {
    const { items } = await app.services.newsroom.listArticles({}, 1, 30)
    for (const summary of items) {
      const found = await app.services.newsroom.findPublishedArticle(summary.slug)
      if (found?.kind !== 'found') continue
      const { article } = found
      if (article.leadPhoto === null || article.tags.length === 0 || article.authors.length === 0)
        continue
      return {
        testApp,
        article,
        articlePath: `/${article.section.slug}/${article.slug}`,
        get: (url, headers) => request({ method: 'GET', url, ...(headers ? { headers } : {}) }),
        request,
        close: () => testApp.dispose(),
      }
    }
    throw new Error('the demo has no story with a lead photo, an author and a tag')
  } catch (error) {
    await testApp.dispose()
    throw error
  }
}

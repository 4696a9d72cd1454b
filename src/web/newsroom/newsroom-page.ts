/** reply.newsroomPage: renders a screen inside the newsroom layout and sends it privately. */

import type { FastifyInstance, FastifyReply } from 'fastify'
import type { Child } from '../render/html.js'
import { renderDocument } from '../render/html.js'
import type { SiteIdentity } from '../render/layout.js'
import { navFor, type NewsroomScreen } from './nav.js'
import { type NewsroomAssets, NewsroomLayout } from './newsroom-layout.js'
import { markPrivate } from './session-guard.js'

/** One newsroom page. */
export interface NewsroomPageOptions {
  /** The page title (the layout adds "Newsroom" and the site name). */
  title: string
  /** The screen the navigation marks as current. */
  current?: NewsroomScreen | undefined
  /** What goes inside `<main>`; it starts with the page's h1. */
  main: Child
  /** The HTTP status (default 200). */
  status?: number
  /** Scripts the page needs (loaded with defer). */
  scripts?: readonly string[]
}

/** Adds reply.newsroomPage to the newsroom plugin's context (and so to every screen inside it). */
export function decorateNewsroomPage(
  app: FastifyInstance,
  { site, assets }: { site: SiteIdentity; assets: NewsroomAssets },
): void {
  // The navigation links only screens that exist; the router knows them once all are registered.
  const exists = (href: string): boolean => app.hasRoute({ method: 'GET', url: href })
  app.decorateReply(
    'newsroomPage',
    function newsroomPage(this: FastifyReply, page: NewsroomPageOptions) {
      const { actor, newsroomSession } = this.request
      const shell =
        actor === null || newsroomSession === null
          ? undefined
          : { actor, csrfToken: newsroomSession.csrfToken, nav: navFor(actor, exists) }
      const html = renderDocument(
        NewsroomLayout({
          site,
          assets,
          title: page.title,
          shell,
          current: page.current,
          scripts: page.scripts ?? [],
          children: page.main,
        }),
      )
      markPrivate(this)
      return this.code(page.status ?? 200)
        .type('text/html; charset=utf-8')
        .send(html)
    },
  )
}

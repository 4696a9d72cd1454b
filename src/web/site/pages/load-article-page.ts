/** Loads everything the article page shows: the story, its counts, comments and the five rails. */

import type { Article } from '../../../newsroom/index.js'
import { type CommentsView, loadCommentsBlock, type RefusedComment } from '../comment-block.js'
import type { CommentsProps } from '../components/comments.js'
import type { RailStory } from '../components/rail.js'
import { frameOf, type LoadedPage, type PageContext, type SiteFrame } from '../page-context.js'
import { articlePath } from '../site-urls.js'

/** Everything the article view renders. */
export interface ArticlePageProps {
  frame: SiteFrame
  article: Article
  canonicalPath: string
  views: number
  /** The signed token the view beacon sends back (made now, so a cached copy carries it too). */
  viewToken: string
  /** The comments block: count, threads, form state. */
  comments: CommentsProps
  /** Set when the page answers a refused comment: the reader's text and what was wrong. */
  refused: RefusedComment | undefined
  latest: RailStory[]
  weeklyBest: RailStory[]
  related: RailStory[]
  popularNow: RailStory[]
  mustReads: RailStory[]
  /** How many of `mustReads` are editors' picks (the rest top the list up from Weekly Best). */
  mustReadsPicked: number
}

/** What the article route does next. */
export type ArticleLoad =
  | { kind: 'page'; page: LoadedPage<ArticlePageProps> }
  | { kind: 'redirect'; location: string }
  | { kind: 'missing' }
  /** The story was taken down: readers get 410 Gone. */
  | { kind: 'gone' }

export type { CommentsView, RefusedComment }

/** Loads `/{section}/{slug}`: a page, a redirect to the canonical path, or missing. */
export async function loadArticlePage(
  ctx: PageContext,
  params: { section: string; slug: string },
  refused?: RefusedComment,
  commentsView?: CommentsView,
): Promise<ArticleLoad> {
  const { newsroom, engagement } = ctx.services
  const [lookup, sections] = await Promise.all([
    newsroom.findPublishedArticle(params.slug),
    newsroom.listSections(),
  ])
  if (lookup === undefined)
    return (await newsroom.wasUnpublished(params.slug)) ? { kind: 'gone' } : { kind: 'missing' }
  if (lookup.kind === 'moved') return { kind: 'redirect', location: articlePath(lookup) }
  const { article } = lookup
  const canonicalPath = articlePath(article)
  if (article.section.slug !== params.section) return { kind: 'redirect', location: canonicalPath }

  // Every rail comes from the engagement engine's memory, assembled there without repeats.
  const [views, viewToken, commentsBlock, rails] = await Promise.all([
    engagement.viewCount(article.id),
    engagement.viewToken(article.id),
    loadCommentsBlock(ctx, article.id, canonicalPath, commentsView, refused),
    engagement.articleRails(article.id),
  ])

  return {
    kind: 'page',
    page: {
      props: {
        frame: frameOf(ctx, sections, { kind: 'section', ...article.section }),
        article,
        canonicalPath,
        views,
        viewToken,
        comments: commentsBlock,
        refused,
        ...rails,
      },
      cacheTags: [
        `article:${article.id}`,
        `section:${article.section.slug}`,
        ...article.authors.map((a) => `author:${a.id}`),
        ...article.tags.map((t) => `tag:${t.id}`),
        'picks',
        'rails',
      ],
      lastModified: article.modifiedAt,
    },
  }
}

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
  /** What the page shows beside the story; every rail comes from the engine's memory. */
  const extrasOf = (articleId: number, canonicalPath: string) =>
    Promise.all([
      engagement.viewCount(articleId),
      engagement.viewToken(articleId),
      loadCommentsBlock(ctx, articleId, canonicalPath, commentsView, refused),
      engagement.articleRails(articleId),
    ])
  // The engine's catalogue knows a published story's id by its slug (from memory): the
  // comments and counts are read alongside the story instead of after it, two database round
  // trips fewer on a miss. A story the catalogue does not know yet waits for the lookup.
  const known = await engagement.storyBySlug(params.slug)
  const early = known === undefined ? undefined : extrasOf(known.id, articlePath(known))
  // Not awaited when the lookup finds a redirect, a missing story or another story.
  early?.catch(() => undefined)
  const [lookup, sections] = await Promise.all([
    newsroom.findPublishedArticle(params.slug, known?.id),
    newsroom.listSections(),
  ])
  if (lookup === undefined)
    return (await newsroom.wasUnpublished(params.slug)) ? { kind: 'gone' } : { kind: 'missing' }
  if (lookup.kind === 'moved') return { kind: 'redirect', location: articlePath(lookup) }
  const { article } = lookup
  const canonicalPath = articlePath(article)
  if (article.section.slug !== params.section) return { kind: 'redirect', location: canonicalPath }
  const [views, viewToken, commentsBlock, rails] =
    early !== undefined && known?.id === article.id && articlePath(known) === canonicalPath
      ? await early
      : await extrasOf(article.id, canonicalPath)

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

/** Loads everything the article page shows: the story, its counts, comments and the five rails. */

import type { Article, ArticleSummary } from '../../../newsroom/index.js'
import { type CommentsView, loadCommentsBlock, type RefusedComment } from '../comment-block.js'
import type { CommentsProps } from '../components/comments.js'
import {
  frameOf,
  type LoadedPage,
  type PageContext,
  pickDistinct,
  type SiteFrame,
} from '../page-context.js'
import { articlePath } from '../site-urls.js'

/** Everything the article view renders. */
export interface ArticlePageProps {
  frame: SiteFrame
  article: Article
  canonicalPath: string
  views: number
  /** The comments block: count, threads, form state. */
  comments: CommentsProps
  /** Set when the page answers a refused comment: the reader's text and what was wrong. */
  refused: RefusedComment | undefined
  latest: ArticleSummary[]
  weeklyBest: ArticleSummary[]
  related: ArticleSummary[]
  popularNow: ArticleSummary[]
  mustReads: ArticleSummary[]
  /** How many of `mustReads` are editors' picks (the rest top the list up from Weekly Best). */
  mustReadsPicked: number
}

/** What the article route does next. */
export type ArticleLoad =
  | { kind: 'page'; page: LoadedPage<ArticlePageProps> }
  | { kind: 'redirect'; location: string }
  | { kind: 'missing' }

export type { CommentsView, RefusedComment }

const LATEST = 6
const WEEKLY_BEST = 12
const RAIL = 5
/** Rails are fetched deeper than shown, so repeats can be avoided across them. */
const CANDIDATES = 40

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
  if (lookup === undefined) return { kind: 'missing' }
  if (lookup.kind === 'moved') return { kind: 'redirect', location: articlePath(lookup) }
  const { article } = lookup
  const canonicalPath = articlePath(article)
  if (article.section.slug !== params.section) return { kind: 'redirect', location: canonicalPath }

  const sectionId = sections.find((s) => s.slug === article.section.slug)?.id
  const self = [article.id]
  const [views, commentsBlock, latest, weekly, related, popular, picks] = await Promise.all([
    engagement.viewCount(article.id),
    loadCommentsBlock(ctx, article.id, canonicalPath, commentsView, refused),
    sectionId === undefined
      ? Promise.resolve([])
      : newsroom.latestArticles({ sectionId, limit: LATEST, excludeIds: self }),
    engagement.weeklyBest({ limit: CANDIDATES, excludeIds: self }),
    engagement.related(article.id, { limit: CANDIDATES, excludeIds: self }),
    engagement.popularNow({ limit: CANDIDATES, excludeIds: self }),
    newsroom.pickedArticles('must-reads', RAIL + 1),
  ])

  // The section's latest and the editors' picks are shown as they are; the ranked rails then
  // avoid repeating them (and each other) while enough other stories exist.
  const taken = new Set<number>([article.id, ...latest.map((s) => s.id)])
  const picked = pickDistinct(
    picks.filter((s) => s.id !== article.id),
    RAIL,
    new Set(),
  )
  for (const story of picked) taken.add(story.id)
  // On a young site few stories share a tag or section; suggestions then continue with what
  // readers are reading, so the rail always offers five.
  const relatedShown = pickDistinct([...related, ...popular, ...weekly], RAIL, taken)
  const popularShown = pickDistinct(popular, RAIL, taken)
  const topUp = pickDistinct(weekly, RAIL - picked.length, taken)
  const weeklyShown = pickDistinct(weekly, WEEKLY_BEST, taken)

  return {
    kind: 'page',
    page: {
      props: {
        frame: frameOf(ctx, sections),
        article,
        canonicalPath,
        views,
        comments: commentsBlock,
        refused,
        latest,
        weeklyBest: weeklyShown,
        related: relatedShown,
        popularNow: popularShown,
        mustReads: [...picked, ...topUp],
        mustReadsPicked: picked.length,
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

/** Loads everything the article page shows: the story, its counts, comments and the five rails. */

import type { Comment } from '../../../comments/index.js'
import { COMMENT_MAX_LENGTH, COMMENT_NAME_MAX_LENGTH } from '../../../comments/index.js'
import type { Article, ArticleSummary } from '../../../newsroom/index.js'
import type { CommentDraft, CommentFormError } from '../components/comments.js'
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
  commentCount: number
  comments: Comment[]
  commentLimits: { body: number; name: number }
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

/** A refused comment to show again in the form. */
export interface RefusedComment {
  draft: CommentDraft
  errors: CommentFormError[]
}

const LATEST = 6
const WEEKLY_BEST = 12
const RAIL = 5
/** Rails are fetched deeper than shown, so repeats can be avoided across them. */
const CANDIDATES = 40
const COMMENTS_SHOWN = 200

/** Loads `/{section}/{slug}`: a page, a redirect to the canonical path, or missing. */
export async function loadArticlePage(
  ctx: PageContext,
  params: { section: string; slug: string },
  refused?: RefusedComment,
): Promise<ArticleLoad> {
  const { newsroom, engagement, comments } = ctx.services
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
  const [views, commentCount, commentList, latest, weekly, related, popular, picks] =
    await Promise.all([
      engagement.viewCount(article.id),
      comments.countVisible(article.id),
      comments.listVisible(article.id, { limit: COMMENTS_SHOWN }),
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
        commentCount,
        comments: commentList,
        commentLimits: { body: COMMENT_MAX_LENGTH, name: COMMENT_NAME_MAX_LENGTH },
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

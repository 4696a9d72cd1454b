/** Loads the comments block of a story page: its mode, a page of threads, the reply target, a fresh form stamp. */

import {
  COMMENT_MAX_LENGTH,
  COMMENT_NAME_MAX_LENGTH,
  type CommentOrder,
} from '../../comments/index.js'
import type {
  CommentDraft,
  CommentFormError,
  CommentNotice,
  CommentsProps,
} from './components/comments.js'
import type { HeldBecause } from '../comment-held.js'
import type { PageContext } from './page-context.js'

/** How the reader asked to see the comments (the article URL's query string). */
export interface CommentsView {
  order?: CommentOrder | undefined
  page?: number | undefined
  /** `?reply=ID`: show the form as a reply to this top-level comment. */
  replyTo?: number | undefined
  notice?: CommentNotice | undefined
  /** With the "held" notice: the reason its author is told. */
  heldBecause?: HeldBecause | undefined
}

/** A refused comment to show again in the form, with what was wrong. */
export interface RefusedComment {
  draft: CommentDraft
  errors: CommentFormError[]
  parentId?: number | null | undefined
}

/** The props of the comments block of story `articleId` at `canonicalPath`. */
export async function loadCommentsBlock(
  ctx: PageContext,
  articleId: number,
  canonicalPath: string,
  view: CommentsView = {},
  refused?: RefusedComment,
): Promise<CommentsProps> {
  const { comments } = ctx.services
  const replyId = refused?.parentId ?? view.replyTo
  const [page, mode, stamp, replyTarget] = await Promise.all([
    comments.listThreads(articleId, { order: view.order ?? 'newest', page: view.page ?? 1 }),
    comments.modeFor(articleId),
    comments.issueFormToken(),
    replyId === undefined || replyId === null ? undefined : comments.findVisible(replyId),
  ])
  // Only a visible top-level comment of this story can be replied to; anything else is ignored.
  const replyTo =
    replyTarget !== undefined &&
    replyTarget.articleId === articleId &&
    replyTarget.parentId === null
      ? replyTarget
      : undefined
  return {
    count: page.totalComments,
    threads: page.threads,
    order: page.order,
    page: page.page,
    totalPages: page.totalPages,
    mode: mode ?? 'closed',
    canonicalPath,
    stamp,
    maxLength: COMMENT_MAX_LENGTH,
    nameMaxLength: COMMENT_NAME_MAX_LENGTH,
    language: ctx.site.language,
    replyTo,
    notice: view.notice,
    heldBecause: view.heldBecause,
    draft: refused?.draft,
    errors: refused?.errors,
  }
}

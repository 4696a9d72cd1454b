/** The comments block: heading with the count, notices, the form (or "closed"), the threads and their pages. */

import type {
  Comment,
  CommentBadge,
  CommentOrder,
  CommentsMode,
  CommentThread,
} from '../../../comments/index.js'
import { type HeldBecause, heldMessage } from '../../comment-held.js'
import { formatDateTime } from '../../render/format.js'
import type { SafeHtml } from '../../render/html.js'
import { CommentForm, type CommentDraft, type CommentFormError } from './comment-form.js'

export type { CommentDraft, CommentField, CommentFormError } from './comment-form.js'

/** A message shown after a redirect (`?notice=`): the reader learns what became of their action. */
export type CommentNotice = 'held' | 'reported'

const REPORTED = 'Thanks for your report. Our moderators will take a look.'

export interface CommentsProps {
  /** Visible comments, replies included. */
  count: number
  threads: readonly CommentThread[]
  order: CommentOrder
  page: number
  totalPages: number
  mode: CommentsMode
  /** The story's path: the form posts to it + /comments. */
  canonicalPath: string
  stamp: string
  maxLength: number
  nameMaxLength: number
  language: string
  replyTo?: Comment | undefined
  notice?: CommentNotice | undefined
  /** With the "held" notice: why the comment waits (see web/comment-held.ts). */
  heldBecause?: HeldBecause | undefined
  draft?: CommentDraft | undefined
  errors?: readonly CommentFormError[] | undefined
}

/** The query string of a comments view (default order and first page drop out). */
export function commentsQuery(order: CommentOrder, page: number): string {
  const params = new URLSearchParams()
  if (order !== 'newest') params.set('order', order)
  if (page > 1) params.set('cpage', String(page))
  const query = params.toString()
  return query === '' ? '' : `?${query}`
}

/** The comments section of a story. */
export function CommentsSection(props: CommentsProps): SafeHtml {
  const base = props.canonicalPath
  return (
    <section class="comments" aria-labelledby="comments-title">
      <h2 id="comments-title" class="block-title">
        Comments <span class="comment-count">{props.count}</span>
      </h2>
      {props.notice === undefined ? null : (
        <p class="comment-notice" role="status">
          {props.notice === 'held' ? heldMessage(props.heldBecause) : REPORTED}
        </p>
      )}
      {props.mode === 'closed' ? (
        <p class="comments-closed">Comments are closed on this story.</p>
      ) : (
        <>
          {props.mode === 'premoderated' ? (
            <p class="field-hint">Comments on this story appear once a moderator approves them.</p>
          ) : null}
          <CommentForm
            action={`${base}/comments`}
            canonicalPath={base}
            stamp={props.stamp}
            maxLength={props.maxLength}
            nameMaxLength={props.nameMaxLength}
            replyTo={props.replyTo}
            draft={props.draft}
            errors={props.errors ?? []}
          />
        </>
      )}
      {props.count === 0 ? (
        <p class="comments-empty">
          {props.mode === 'closed'
            ? 'There are no comments on this story.'
            : 'No comments yet. Be the first to share your view.'}
        </p>
      ) : (
        <>
          <p class="comment-order">
            Show:{' '}
            <OrderLink base={base} order="newest" current={props.order} label="newest first" /> ·{' '}
            <OrderLink base={base} order="oldest" current={props.order} label="oldest first" />
          </p>
          <ol class="comment-list">
            {props.threads.map((thread) => (
              <CommentItem
                comment={thread}
                replies={thread.replies}
                base={base}
                language={props.language}
                canReply={props.mode !== 'closed'}
                stamp={props.stamp}
              />
            ))}
          </ol>
          <CommentPages
            base={base}
            order={props.order}
            page={props.page}
            totalPages={props.totalPages}
          />
        </>
      )}
    </section>
  )
}

function OrderLink(props: {
  base: string
  order: CommentOrder
  current: CommentOrder
  label: string
}): SafeHtml {
  const href = `${props.base}${commentsQuery(props.order, 1)}#comments-title`
  return (
    <a href={href} aria-current={props.order === props.current ? 'true' : undefined}>
      {props.label}
    </a>
  )
}

function CommentPages(props: {
  base: string
  order: CommentOrder
  page: number
  totalPages: number
}): SafeHtml {
  const { page, totalPages } = props
  if (totalPages <= 1) return <></>
  const href = (n: number) => `${props.base}${commentsQuery(props.order, n)}#comments-title`
  return (
    <nav class="pagination comment-pages" aria-label="Comment pages">
      <ul>
        {page > 1 ? (
          <li>
            <a href={href(page - 1)} rel="prev">
              ‹ Previous<span class="visually-hidden"> comments</span>
            </a>
          </li>
        ) : null}
        <li>
          <span aria-current="page">
            Page {page} of {totalPages}
          </span>
        </li>
        {page < totalPages ? (
          <li>
            <a href={href(page + 1)} rel="next">
              More<span class="visually-hidden"> comments</span> ›
            </a>
          </li>
        ) : null}
      </ul>
    </nav>
  )
}

/** What a staff reply's badge says; set only from a newsroom session, so readers cannot fake it. */
export const BADGE_LABELS: Readonly<Record<CommentBadge, string>> = {
  author: 'Author',
  staff: 'Staff',
}

function CommentItem(props: {
  comment: Comment
  replies: readonly Comment[]
  base: string
  language: string
  canReply: boolean
  /** The page's signed stamp: a report needs it, like a comment. */
  stamp: string
}): SafeHtml {
  const { comment, base } = props
  const isTop = comment.parentId === null
  return (
    <li class="comment" id={`comment-${comment.id}`}>
      <p class="comment-meta">
        <span class="comment-author">{comment.authorName}</span>{' '}
        {comment.badge === null ? null : (
          <>
            <span class={`comment-badge comment-badge-${comment.badge}`}>
              {BADGE_LABELS[comment.badge]}
            </span>{' '}
          </>
        )}
        <time datetime={comment.createdAt.toISOString()}>
          {formatDateTime(comment.createdAt, props.language)}
        </time>
      </p>
      {/* Plain text, escaped by the renderer; links stay text (never clickable). */}
      <p class="comment-body">{comment.body}</p>
      <div class="comment-actions">
        {isTop && props.canReply ? (
          <a class="comment-reply" href={`${base}?reply=${comment.id}#comment-form`}>
            Reply<span class="visually-hidden"> to {comment.authorName}</span>
          </a>
        ) : null}
        <form method="post" action={`${base}/comments/${comment.id}/report`} class="comment-report">
          <input type="hidden" name="stamp" value={props.stamp} />
          <button type="submit" class="link-button">
            Report<span class="visually-hidden"> the comment by {comment.authorName}</span>
          </button>
        </form>
      </div>
      {props.replies.length === 0 ? null : (
        <ol class="comment-replies">
          {props.replies.map((reply) => (
            <CommentItem
              comment={reply}
              replies={[]}
              base={base}
              language={props.language}
              canReply={false}
              stamp={props.stamp}
            />
          ))}
        </ol>
      )}
    </li>
  )
}

/** The moderation queue: held, reported or spam comments, oldest first, each with why and its actions. */

import type { QueuedComment, QueueFilter } from '../../../comments/index.js'
import type { SafeHtml } from '../../render/html.js'
import { Notice } from '../components/form-messages.js'
import { formatWhen } from '../stories/story-labels.js'
import { QUEUE_ACTIONS, type QueueAction } from './comment-schemas.js'
import {
  ACTION_KEYS,
  ACTION_LABELS,
  FILTER_LABELS,
  FILTER_NOUNS,
  HOLD_REASONS,
} from './moderation-labels.js'
import { ModerationNav, queueHref, ShortcutHelp } from './moderation-nav.js'
import { Pagination } from '../../site/components/pagination.js'

/** The story a comment belongs to, when readers can open it. */
export interface QueueStory {
  headline: string
  href: string
}

export interface QueuePageProps {
  filter: QueueFilter
  queue: { items: QueuedComment[]; total: number; page: number; totalPages: number }
  stories: ReadonlyMap<number, QueueStory>
  notice: string | undefined
  csrfField: SafeHtml
}

/** The actions a comment offers in a filter (spam is not offered on what is spam already). */
function actionsFor(filter: QueueFilter, comment: QueuedComment): QueueAction[] {
  return QUEUE_ACTIONS.filter(
    (action) =>
      !(action === 'spam' && filter === 'spam') && !(action === 'ban' && comment.readerBanned),
  )
}

/** The queue's `<main>` content. */
export function QueuePage(props: QueuePageProps): SafeHtml {
  const { filter, queue } = props
  const [one, many] = FILTER_NOUNS[filter]
  return (
    <>
      <h1>Comments: {FILTER_LABELS[filter]}</h1>
      <ModerationNav current={filter} />
      <Notice message={props.notice} />
      <ShortcutHelp />
      <p class="nr-queue-count">
        {queue.total === 0
          ? `No ${many}. All done.`
          : `${queue.total.toLocaleString('en')} ${queue.total === 1 ? one : many}, oldest first.`}
      </p>
      {queue.items.length === 0 ? null : (
        <ol class="nr-queue" data-moderation-queue="">
          {queue.items.map((comment, index) => (
            <QueueItem
              comment={comment}
              index={index}
              filter={filter}
              page={queue.page}
              story={props.stories.get(comment.articleId)}
              csrfField={props.csrfField}
            />
          ))}
        </ol>
      )}
      <Pagination
        basePath="/newsroom/comments"
        page={queue.page}
        totalPages={queue.totalPages}
        href={(n) => queueHref(filter, n)}
      />
    </>
  )
}

function QueueItem(props: {
  comment: QueuedComment
  index: number
  filter: QueueFilter
  page: number
  story: QueueStory | undefined
  csrfField: SafeHtml
}): SafeHtml {
  const { comment, filter } = props
  const titleId = `queue-comment-${comment.id}-title`
  return (
    <li
      class="nr-queue-item"
      id={`queue-comment-${comment.id}`}
      data-comment-id={String(comment.id)}
      tabindex="-1"
      aria-labelledby={titleId}
    >
      <h2 id={titleId} class="nr-queue-title">
        Comment {comment.id} by {comment.authorName}
      </h2>
      <p class="nr-queue-meta">
        On{' '}
        {props.story === undefined ? (
          `story ${comment.articleId}`
        ) : (
          <a href={props.story.href}>{props.story.headline}</a>
        )}{' '}
        · <time datetime={comment.createdAt.toISOString()}>{formatWhen(comment.createdAt)}</time>
        {comment.parentId === null ? null : <> · a reply to comment {comment.parentId}</>}
      </p>
      <p class="nr-queue-reason">
        {comment.holdReason === null ? null : (
          <>
            <strong>Why it waits:</strong> {HOLD_REASONS[comment.holdReason]}.{' '}
          </>
        )}
        {comment.reportCount > 0 ? (
          <>
            Reported by {comment.reportCount} {comment.reportCount === 1 ? 'reader' : 'readers'}
            .{' '}
          </>
        ) : null}
        {comment.status === 'published' ? 'Still shown to readers. ' : null}
        {comment.readerBanned && comment.holdReason !== 'banned_reader'
          ? 'Its author is banned.'
          : null}
      </p>
      <blockquote class="nr-queue-body">
        <p>{comment.body}</p>
      </blockquote>
      <div class="nr-queue-actions">
        {actionsFor(filter, comment).map((action) => (
          <form method="post" action={`/newsroom/comments/${comment.id}/${action}`}>
            {props.csrfField}
            {filter === 'held' ? null : <input type="hidden" name="filter" value={filter} />}
            {props.page > 1 ? <input type="hidden" name="page" value={String(props.page)} /> : null}
            <input type="hidden" name="at" value={String(props.index)} />
            <button
              type="submit"
              class={action === 'approve' ? 'button' : 'button button-secondary'}
              data-action={action}
              aria-keyshortcuts={ACTION_KEYS[action]}
            >
              {ACTION_LABELS[action]}
              <span class="visually-hidden"> comment {comment.id}</span>
            </button>
          </form>
        ))}
      </div>
    </li>
  )
}

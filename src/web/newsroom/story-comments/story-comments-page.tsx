/**
 * A published story's comments as the newsroom sees them, with a form to comment as staff and a
 * reply form under each top-level comment. What is posted here appears at once on the story with
 * the writer's name and an "Author" or "Staff" badge.
 */

import type { Comment, CommentThread, ThreadPage } from '../../../comments/index.js'
import type { SafeHtml } from '../../render/html.js'
import { formatWhen } from '../stories/story-labels.js'
import { Field } from '../components/field.js'
import { FormError, Notice } from '../components/form-messages.js'
import { BADGE_LABELS } from '../../site/components/comments.js'
import { Pagination } from '../../site/components/pagination.js'

export interface StoryCommentsPageProps {
  story: { id: number; headline: string; publicPath: string }
  threads: ThreadPage
  /** The badge the signed-in user's comments get on this story. */
  badge: 'author' | 'staff'
  /** The comment just published, for the notice and its link. */
  posted: number | undefined
  /** A refused post: the message, the comment it answered (or null), and the text kept. */
  problem: { message: string; parent: number | null; body: string } | undefined
  /** False when the story takes no comments (closed): the forms are not shown. */
  open: boolean
  csrfField: SafeHtml
}

/** The screen's `<main>` content. */
export function StoryCommentsPage(props: StoryCommentsPageProps): SafeHtml {
  const { story, threads, problem } = props
  const base = `/newsroom/stories/${story.id}/comments`
  // A refused reply goes back under its comment; one whose comment is not on this page (gone,
  // or never there) goes back into the top form, so no text is lost.
  const shownIds = new Set(threads.threads.map((thread) => thread.id))
  const keptParent =
    problem?.parent !== null && problem?.parent !== undefined && shownIds.has(problem.parent)
      ? problem.parent
      : null
  const keptFor = (parent: number | null): string =>
    problem !== undefined && keptParent === parent ? problem.body : ''
  return (
    <>
      <h1>Comments on “{story.headline}”</h1>
      <p class="nr-links">
        <a href={`/newsroom/stories/${story.id}`}>Back to the story</a>{' '}
        <a href={story.publicPath}>See the story as readers do</a>
      </p>
      <Notice
        message={
          props.posted === undefined
            ? undefined
            : `Your comment ${props.posted} is published with the ${BADGE_LABELS[props.badge]} badge.`
        }
      />
      {props.posted === undefined ? null : (
        <p>
          <a href={`${story.publicPath}#comment-${props.posted}`}>See your comment on the story</a>
        </p>
      )}
      <FormError
        title="The comment was not published"
        message={problem === undefined ? undefined : problem.message}
      />
      <p>
        {threads.totalComments === 0
          ? 'No reader has commented yet.'
          : `${threads.totalComments} visible ${threads.totalComments === 1 ? 'comment' : 'comments'}.`}{' '}
        What you write here is published at once under your name with the{' '}
        <strong>{BADGE_LABELS[props.badge]}</strong> badge, which readers cannot give themselves.
      </p>
      {props.open ? (
        <StaffForm
          action={base}
          parent={null}
          id="staff-comment"
          label="Comment as staff"
          body={keptFor(null)}
          csrfField={props.csrfField}
        />
      ) : (
        <p>Comments are closed on this story.</p>
      )}
      {threads.threads.length === 0 ? null : (
        <ol class="nr-comment-threads">
          {threads.threads.map((thread) => (
            <ThreadItem
              thread={thread}
              base={base}
              open={props.open}
              kept={keptFor(thread.id)}
              csrfField={props.csrfField}
            />
          ))}
        </ol>
      )}
      <Pagination
        basePath={base}
        page={threads.page}
        totalPages={threads.totalPages}
        href={(n) => `${base}?page=${n}`}
      />
    </>
  )
}

function ThreadItem(props: {
  thread: CommentThread
  base: string
  open: boolean
  kept: string
  csrfField: SafeHtml
}): SafeHtml {
  const { thread } = props
  return (
    <li class="nr-comment" id={`comment-${thread.id}`}>
      <CommentText comment={thread} />
      {thread.replies.length === 0 ? null : (
        <ol class="nr-comment-replies">
          {thread.replies.map((reply) => (
            <li class="nr-comment">
              <CommentText comment={reply} />
            </li>
          ))}
        </ol>
      )}
      {props.open ? (
        <details open={props.kept === '' ? undefined : true}>
          <summary>
            Reply<span class="visually-hidden"> to {thread.authorName}</span>
          </summary>
          <StaffForm
            action={props.base}
            parent={thread.id}
            id={`reply-${thread.id}`}
            label={`Your reply to ${thread.authorName}`}
            body={props.kept}
            csrfField={props.csrfField}
          />
        </details>
      ) : null}
    </li>
  )
}

function CommentText(props: { comment: Comment }): SafeHtml {
  const { comment } = props
  return (
    <>
      <p class="nr-comment-meta">
        <strong>{comment.authorName}</strong>{' '}
        {comment.badge === null ? null : (
          <span class="nr-badge">{BADGE_LABELS[comment.badge]}</span>
        )}{' '}
        <time datetime={comment.createdAt.toISOString()}>{formatWhen(comment.createdAt)}</time>
      </p>
      <p class="nr-comment-body">{comment.body}</p>
    </>
  )
}

function StaffForm(props: {
  action: string
  parent: number | null
  id: string
  label: string
  body: string
  csrfField: SafeHtml
}): SafeHtml {
  return (
    <form method="post" action={props.action} class="nr-form">
      {props.csrfField}
      {props.parent === null ? null : (
        <input type="hidden" name="parent" value={String(props.parent)} />
      )}
      <Field id={props.id} label={props.label}>
        <textarea id={props.id} name="body" rows={4} required>
          {props.body}
        </textarea>
      </Field>
      <button type="submit">{props.parent === null ? 'Publish comment' : 'Publish reply'}</button>
    </form>
  )
}

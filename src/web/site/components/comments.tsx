/** The comments block: heading with the count, the posting form (with its errors), and the list. */

import type { Comment } from '../../../comments/index.js'
import { formatDateTime } from '../../render/format.js'
import type { SafeHtml } from '../../render/html.js'

/** The form fields a reader typed, kept when the form comes back with an error. */
export interface CommentDraft {
  name: string
  email: string
  body: string
  /** Grapheme count of `body`, for the counter's first paint. */
  bodyLength: number
}

/** The form's fields, by the name the domain's error details use. */
export type CommentField = 'name' | 'email' | 'body'

/** One message of a refused comment; `field` places it next to its input. */
export interface CommentFormError {
  field: CommentField | undefined
  message: string
}

export interface CommentsProps {
  count: number
  comments: readonly Comment[]
  /** Where the form posts. */
  action: string
  maxLength: number
  nameMaxLength: number
  language: string
  draft?: CommentDraft | undefined
  errors?: readonly CommentFormError[]
}

const FIELD_IDS: Record<CommentField, string> = {
  name: 'comment-name',
  email: 'comment-email',
  body: 'comment-body',
}

/** The comments section of a story. */
export function CommentsSection(props: CommentsProps): SafeHtml {
  const errors = props.errors ?? []
  const errorFor = (field: CommentField) => errors.find((e) => e.field === field)
  const describedBy = (field: CommentField, ...ids: string[]) =>
    [...ids, errorFor(field) === undefined ? '' : `${FIELD_IDS[field]}-error`]
      .filter((id) => id !== '')
      .join(' ') || undefined
  const draft = props.draft ?? { name: '', email: '', body: '', bodyLength: 0 }
  const replies = new Map<number, Comment[]>()
  for (const comment of props.comments) {
    if (comment.parentId === null) continue
    replies.set(comment.parentId, [...(replies.get(comment.parentId) ?? []), comment])
  }
  const topLevel = props.comments.filter(
    (c) => c.parentId === null || !props.comments.some((p) => p.id === c.parentId),
  )
  return (
    <section class="comments" aria-labelledby="comments-title">
      <h2 id="comments-title" class="block-title">
        Comments <span class="comment-count">{props.count}</span>
      </h2>
      <form class="comment-form" id="comment-form" method="post" action={props.action}>
        {errors.length === 0 ? null : (
          <div class="error-summary" role="alert" aria-labelledby="error-summary-title">
            <h3 id="error-summary-title">Your comment was not posted</h3>
            <ul>
              {errors.map((error) => (
                <li>
                  {error.field === undefined ? (
                    error.message
                  ) : (
                    <a href={`#${FIELD_IDS[error.field]}`}>{error.message}</a>
                  )}
                </li>
              ))}
            </ul>
          </div>
        )}
        <div class="field">
          <label for="comment-name">Name</label>
          <span class="field-hint" id="comment-name-hint">
            Shown with your comment; up to {props.nameMaxLength} characters.
          </span>
          <FieldError field="name" error={errorFor('name')} />
          <input
            type="text"
            id="comment-name"
            name="name"
            required
            autocomplete="nickname"
            value={draft.name}
            aria-describedby={describedBy('name', 'comment-name-hint')}
            aria-invalid={errorFor('name') === undefined ? undefined : 'true'}
          />
        </div>
        <div class="field">
          <label for="comment-email">E-mail (optional)</label>
          <span class="field-hint" id="comment-email-hint">
            Never shown; used only if a moderator needs to reach you.
          </span>
          <FieldError field="email" error={errorFor('email')} />
          <input
            type="email"
            id="comment-email"
            name="email"
            autocomplete="email"
            value={draft.email}
            aria-describedby={describedBy('email', 'comment-email-hint')}
            aria-invalid={errorFor('email') === undefined ? undefined : 'true'}
          />
        </div>
        <div class="field">
          <label for="comment-body">Comment</label>
          <span class="field-hint">
            Up to {props.maxLength} characters:{' '}
            <span id="comment-body-counter" data-grapheme-counter>
              {draft.bodyLength}/{props.maxLength}
            </span>
          </span>
          <FieldError field="body" error={errorFor('body')} />
          {/* No maxlength: browsers count UTF-16 units, the limit is in characters (graphemes). */}
          <textarea
            id="comment-body"
            name="body"
            rows="5"
            required
            data-grapheme-limit={props.maxLength}
            aria-describedby={describedBy('body', 'comment-body-counter')}
            aria-invalid={errorFor('body') === undefined ? undefined : 'true'}
          >
            {draft.body}
          </textarea>
        </div>
        <div class="visually-hidden" aria-hidden="true">
          <label for="comment-website">Leave this field empty</label>
          <input
            type="url"
            id="comment-website"
            name="website"
            class="honeypot"
            tabindex="-1"
            autocomplete="off"
            value=""
          />
        </div>
        <button type="submit" class="button">
          Post comment
        </button>
      </form>
      {topLevel.length === 0 ? (
        <p class="comments-empty">No comments yet. Be the first to share your view.</p>
      ) : (
        <ol class="comment-list">
          {topLevel.map((comment) => (
            <CommentItem
              comment={comment}
              replies={replies.get(comment.id) ?? []}
              language={props.language}
            />
          ))}
        </ol>
      )}
    </section>
  )
}

function FieldError(props: { field: CommentField; error: CommentFormError | undefined }) {
  if (props.error === undefined) return <></>
  return (
    <span class="field-error" id={`${FIELD_IDS[props.field]}-error`}>
      {props.error.message}
    </span>
  )
}

function CommentItem(props: { comment: Comment; replies: readonly Comment[]; language: string }) {
  const { comment } = props
  return (
    <li class="comment" id={`comment-${comment.id}`}>
      <p class="comment-meta">
        <span class="comment-author">{comment.authorName}</span>{' '}
        <time datetime={comment.createdAt.toISOString()}>
          {formatDateTime(comment.createdAt, props.language)}
        </time>
      </p>
      <p class="comment-body">{comment.body}</p>
      {props.replies.length === 0 ? null : (
        <ol class="comment-replies">
          {props.replies.map((reply) => (
            <CommentItem comment={reply} replies={[]} language={props.language} />
          ))}
        </ol>
      )}
    </li>
  )
}

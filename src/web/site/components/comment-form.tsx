/** The comment form: name, e-mail, body with its live counter, the honeypot and the signed stamp. */

import type { Comment } from '../../../comments/index.js'
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

export interface CommentFormProps {
  action: string
  /** The story's path, for the "cancel reply" link. */
  canonicalPath: string
  /** The signed "served at" stamp the server checks against bots. */
  stamp: string
  maxLength: number
  nameMaxLength: number
  /** The top-level comment being replied to (`?reply=ID`), if any. */
  replyTo: Comment | undefined
  draft: CommentDraft | undefined
  errors: readonly CommentFormError[]
}

const FIELD_IDS: Record<CommentField, string> = {
  name: 'comment-name',
  email: 'comment-email',
  body: 'comment-body',
}

/** The posting form; it works with JavaScript off, the counter script only adds live counting. */
export function CommentForm(props: CommentFormProps): SafeHtml {
  const { errors } = props
  const errorFor = (field: CommentField) => errors.find((e) => e.field === field)
  const describedBy = (field: CommentField, ...ids: string[]) =>
    [...ids, errorFor(field) === undefined ? '' : `${FIELD_IDS[field]}-error`]
      .filter((id) => id !== '')
      .join(' ') || undefined
  const draft = props.draft ?? { name: '', email: '', body: '', bodyLength: 0 }
  const replyTo = props.replyTo
  return (
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
      {replyTo === undefined ? null : (
        <p class="comment-replying">
          Replying to <a href={`#comment-${replyTo.id}`}>{replyTo.authorName}</a>.{' '}
          <a href={`${props.canonicalPath}#comment-form`}>Cancel reply</a>
          <input type="hidden" name="parent_id" value={String(replyTo.id)} />
        </p>
      )}
      <input type="hidden" name="stamp" value={props.stamp} />
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
        <label for="comment-body">{replyTo === undefined ? 'Comment' : 'Reply'}</label>
        <span class="field-hint">
          Up to {props.maxLength} characters, plain text (links are held for review):{' '}
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
        {replyTo === undefined ? 'Post comment' : 'Post reply'}
      </button>
    </form>
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

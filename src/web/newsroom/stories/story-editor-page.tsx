/** The story editor: every field with a visible label, the workflow buttons the user may press, the log. */

import {
  ARTICLE_LABELS,
  type DeskStory,
  type Section,
  type StoryEvent,
} from '../../../newsroom/index.js'
import type { Photo } from '../../../media/index.js'
import type { SafeHtml } from '../../render/html.js'
import { Field } from '../components/field.js'
import { thumbnailOf } from '../photos/photo-library-page.js'
import type { StoryFormValues } from './story-form.js'
import { type EditorProblem, FIELD_IDS, ProblemBox } from './story-problem.js'
import { MAX_BYLINES } from './story-schemas.js'
import { formatWhen, STATUS_LABELS } from './story-labels.js'

export interface StoryEditorProps {
  /** undefined for a new story. */
  story: DeskStory | undefined
  values: StoryFormValues
  sections: Section[]
  authors: { id: number; name: string }[]
  events: StoryEvent[]
  problem: EditorProblem | undefined
  /** A notice after a successful action ("Saved", "Submitted for review"). */
  notice: string | undefined
  csrfField: SafeHtml
  /** The lead photo in the field (saved, or just picked in the library), shown under it. */
  leadPhoto: Photo | undefined
  /** Photos picked in the library are filled in but not saved yet (autosave starts at once). */
  unsaved?: boolean
  /** The Markdown of a photo just added at the end of the body (the script moves it to the cursor). */
  insertedPhoto?: string | undefined
  /** The form's target. */
  action: string
}

/** How many byline pickers the form offers (the first is required). */
const BYLINE_SLOTS = 4

const BODY_HINT =
  'Markdown: a blank line between paragraphs, ## for a subheading, **bold**, [link](https://…), ' +
  'and ![description](photo:ID) for a photo from the library.'
const PHOTO_HINT =
  'The number of a photo in the library; leave empty for none. It needs alt text before the ' +
  'story can be published.'
const SLUG_HINT =
  'Made from the headline when empty. After a change, the old address keeps redirecting here.'
const PUBLISH_AT_HINT = 'For "Schedule": the story goes live by itself at this time.'

/** The editor's `<main>` content. */
export function StoryEditorPage(props: StoryEditorProps): SafeHtml {
  const { story, values, problem } = props
  const actions = story?.actions
  const invalid = (field: string): boolean =>
    problem?.field !== undefined && FIELD_IDS[problem.field] === FIELD_IDS[field]
  const described = (field: string, hint?: string): string | undefined => {
    const ids = [hint, invalid(field) ? 'story-problem' : undefined].filter(Boolean)
    return ids.length === 0 ? undefined : ids.join(' ')
  }
  /** A control's aria-invalid and aria-describedby for `field` (with its hint's id, if any). */
  const aria = (field: string, hint?: string) => ({
    'aria-invalid': invalid(field) ? 'true' : undefined,
    'aria-describedby': described(field, hint),
  })
  const authorSlots = Array.from(
    { length: Math.min(MAX_BYLINES, Math.max(BYLINE_SLOTS, values.authorIds.length + 1)) },
    (_, i) => values.authorIds[i] ?? '',
  )
  return (
    <>
      <h1>{story === undefined ? 'New story' : 'Edit story'}</h1>
      {story === undefined ? null : (
        <p class="nr-story-meta">
          <span class="nr-status" data-status={story.status}>
            {STATUS_LABELS[story.status]}
          </span>{' '}
          · version <span data-story-version>{story.version}</span> · last change{' '}
          {formatWhen(story.modifiedAt)}
          {story.status === 'scheduled' && story.publishedAt !== null ? (
            <> · goes live {formatWhen(story.publishedAt)}</>
          ) : null}{' '}
          · <a href={`/newsroom/stories/${story.id}/revisions`}>Revisions</a> ·{' '}
          <a href={`/newsroom/stories/${story.id}/figures`}>Figures</a>
          {story.status === 'published' ? (
            <>
              {' '}
              · <a href={`/newsroom/stories/${story.id}/comments`}>Comments</a>
            </>
          ) : null}
        </p>
      )}
      {props.notice === undefined ? null : (
        <p class="nr-notice" role="status">
          {props.notice}
        </p>
      )}
      {problem === undefined ? null : <ProblemBox problem={problem} values={values} />}
      <p id="autosave-status" class="nr-autosave" role="status" aria-live="polite"></p>
      <div id="autosave-conflict" class="nr-conflict" hidden></div>
      <form
        method="post"
        action={props.action}
        class="nr-editor"
        novalidate
        data-unsaved={props.unsaved === true ? 'true' : undefined}
        data-inserted-photo={props.insertedPhoto}
        data-autosave={story === undefined ? undefined : `/newsroom/stories/${story.id}/autosave`}
        data-live-preview={
          story?.actions.edit === true ? `/newsroom/stories/${story.id}/preview` : undefined
        }
      >
        {props.csrfField}
        <input type="hidden" name="baseVersion" value={values.baseVersion} data-base-version />
        <Field id="story-headline" label="Headline">
          <input
            id="story-headline"
            name="headline"
            type="text"
            required
            maxlength={200}
            value={values.headline}
            {...aria('headline')}
          />
        </Field>
        <Field id="story-dek" label="Dek">
          <textarea id="story-dek" name="dek" rows={2} {...aria('dek')}>
            {values.dek}
          </textarea>
        </Field>
        <Field id="story-body" label="Body" hint={BODY_HINT}>
          <textarea
            id="story-body"
            name="bodyMarkdown"
            rows={24}
            class="nr-body"
            {...aria('bodyMarkdown', 'story-body-hint')}
          >
            {values.bodyMarkdown}
          </textarea>
        </Field>
        <div class="nr-editor-columns">
          <Field id="story-section" label="Section">
            <select id="story-section" name="sectionId" required {...aria('sectionId')}>
              <option value="">Choose a section</option>
              {props.sections.map((s) => (
                <option value={String(s.id)} selected={values.sectionId === String(s.id)}>
                  {s.name}
                </option>
              ))}
            </select>
          </Field>
          <Field id="story-label" label="Label">
            <select id="story-label" name="label" {...aria('label')}>
              {ARTICLE_LABELS.map((label) => (
                <option value={label} selected={values.label === label}>
                  {label.charAt(0).toUpperCase() + label.slice(1)}
                </option>
              ))}
            </select>
          </Field>
          <Field id="story-tags" label="Tags" hint="Separated by commas.">
            <input
              id="story-tags"
              name="tags"
              type="text"
              value={values.tags}
              {...aria('tags', 'story-tags-hint')}
            />
          </Field>
        </div>
        <fieldset class="nr-fieldset" aria-describedby="story-authors-hint">
          <legend>Authors</legend>
          <p class="field-hint" id="story-authors-hint">
            In byline order; the first is required.
          </p>
          {authorSlots.map((selected, i) => (
            <Field id={`story-author-${i + 1}`} label={`Author ${i + 1}`}>
              <select
                id={`story-author-${i + 1}`}
                name={`author${i + 1}`}
                aria-invalid={i === 0 && invalid('authorIds') ? 'true' : undefined}
              >
                <option value="">{i === 0 ? 'Choose an author' : 'None'}</option>
                {props.authors.map((a) => (
                  <option value={String(a.id)} selected={selected === String(a.id)}>
                    {a.name}
                  </option>
                ))}
              </select>
            </Field>
          ))}
        </fieldset>
        <fieldset class="nr-fieldset">
          <legend>Lead photo</legend>
          <Field id="story-photo" label="Lead photo" hint={PHOTO_HINT}>
            <input
              id="story-photo"
              name="leadPhotoId"
              type="text"
              inputmode="numeric"
              pattern="[0-9]*"
              value={values.leadPhotoId}
              {...aria('leadPhotoId', 'story-photo-hint')}
            />
          </Field>
          <p>
            {story === undefined ? (
              <>
                Save the draft first to choose from the <a href="/newsroom/photos">photo library</a>
                .
              </>
            ) : (
              <a href={`/newsroom/photos?story=${story.id}`} data-photo-library>
                Choose or upload a photo in the library
              </a>
            )}{' '}
            (it can be the lead photo or go into the body; save your changes before you go).
          </p>
          {props.leadPhoto === undefined ? null : (
            <img
              class="nr-photo-thumb"
              src={thumbnailOf(props.leadPhoto).src}
              width={thumbnailOf(props.leadPhoto).width}
              height={thumbnailOf(props.leadPhoto).height}
              alt=""
            />
          )}
          {props.leadPhoto === undefined ? null : (
            <dl class="nr-photo-facts">
              <dt>Alt text</dt>
              <dd>
                {props.leadPhoto.alt === '' ? (
                  <>
                    None yet:{' '}
                    <a href={`/newsroom/photos/${props.leadPhoto.id}`}>add it in the library</a>
                  </>
                ) : (
                  props.leadPhoto.alt
                )}
              </dd>
              <dt>Caption</dt>
              <dd>{props.leadPhoto.caption === '' ? 'None' : props.leadPhoto.caption}</dd>
              <dt>Credit</dt>
              <dd>{props.leadPhoto.credit === '' ? 'None' : props.leadPhoto.credit}</dd>
            </dl>
          )}
        </fieldset>
        <fieldset class="nr-fieldset">
          <legend>Address and search engines</legend>
          <Field id="story-slug" label="Slug" hint={SLUG_HINT}>
            <input
              id="story-slug"
              name="slug"
              type="text"
              value={values.slug}
              {...aria('slug', 'story-slug-hint')}
            />
          </Field>
          <Field id="story-seo-title" label="SEO title">
            <input
              id="story-seo-title"
              name="seoTitle"
              type="text"
              value={values.seoTitle}
              {...aria('seoTitle')}
            />
          </Field>
          <Field id="story-seo-description" label="SEO description">
            <textarea
              id="story-seo-description"
              name="seoDescription"
              rows={2}
              {...aria('seoDescription')}
            >
              {values.seoDescription}
            </textarea>
          </Field>
        </fieldset>
        <div class="nr-editor-columns">
          <Field id="story-comments" label="Comments">
            <select id="story-comments" name="commentsMode">
              {(
                [
                  ['', 'Site default'],
                  ['open', 'Open'],
                  ['premoderated', 'Held for moderation'],
                  ['closed', 'Closed'],
                ] as const
              ).map(([value, label]) => (
                <option value={value} selected={values.commentsMode === value}>
                  {label}
                </option>
              ))}
            </select>
          </Field>
          {actions?.schedule === true ? (
            <Field id="story-publish-at" label="Publish at (UTC)" hint={PUBLISH_AT_HINT}>
              <input
                id="story-publish-at"
                name="publishAt"
                type="datetime-local"
                value={values.publishAt}
                {...aria('publishAt', 'story-publish-at-hint')}
              />
            </Field>
          ) : null}
        </div>
        <div class="nr-editor-buttons">
          <button type="submit" class="button" name="action" value="save">
            Save draft
          </button>
          <button type="submit" class="button button-secondary" name="action" value="preview">
            Preview
          </button>
          {actions?.submit === true ? (
            <button type="submit" class="button button-secondary" name="action" value="submit">
              Submit for review
            </button>
          ) : null}
          {actions?.returnToDraft === true && story?.status !== 'published' ? (
            <button type="submit" class="button button-secondary" name="action" value="draft">
              Back to draft
            </button>
          ) : null}
          {actions?.schedule === true ? (
            <button type="submit" class="button button-secondary" name="action" value="schedule">
              Schedule
            </button>
          ) : null}
          {actions?.publish === true ? (
            <button type="submit" class="button button-secondary" name="action" value="publish">
              Publish
            </button>
          ) : null}
          {actions?.unpublish === true ? (
            <button type="submit" class="button button-danger" name="action" value="unpublish">
              Unpublish
            </button>
          ) : null}
        </div>
      </form>
      {props.events.length === 0 ? null : (
        <section aria-labelledby="story-log" class="nr-log">
          <h2 id="story-log">History</h2>
          <ol>
            {props.events.map((e) => (
              <li>
                {e.from === null ? 'Created as ' : `${STATUS_LABELS[e.from]} → `}
                {STATUS_LABELS[e.to]} by {e.userName ?? 'the scheduler'}, {formatWhen(e.at)}
              </li>
            ))}
          </ol>
        </section>
      )}
    </>
  )
}

export type { EditorProblem }

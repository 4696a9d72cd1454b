/** One photo in the library: a larger view, its facts, its Markdown, and its texts to edit. */

import {
  type LibraryPhoto,
  PHOTO_FIELD_LIMITS,
  variantPath,
  variantWidths,
} from '../../../media/index.js'
import type { SafeHtml } from '../../render/html.js'
import { formatWhen } from '../stories/story-labels.js'
import { photoMarkdown } from './photo-markdown.js'

export interface PhotoPageProps {
  photo: LibraryPhoto
  /** The texts typed in (after a refused save), else the photo's own. */
  values: { alt: string; caption: string; credit: string }
  /** The story a photo is being chosen for, if any. */
  story: number | undefined
  notice: string | undefined
  /** Why the save was refused, and which field. */
  problem: { message: string; field: string | undefined } | undefined
  csrfField: SafeHtml
}

/** A photo page's `<main>` content. */
export function PhotoPage(props: PhotoPageProps): SafeHtml {
  const { photo, values, story, problem } = props
  const widths = variantWidths(photo.width)
  const shown = widths.find((w) => w >= 800) ?? widths.at(-1) ?? photo.width
  const invalid = (field: string) => (problem?.field === field ? 'true' : undefined)
  const described = (field: string, hint?: string) =>
    [hint, problem?.field === field ? 'photo-problem' : undefined].filter(Boolean).join(' ') ||
    undefined
  return (
    <>
      <h1>Photo {photo.id}</h1>
      <p>
        <a href={story === undefined ? '/newsroom/photos' : `/newsroom/photos?story=${story}`}>
          Back to the photo library
        </a>
      </p>
      {props.notice === undefined ? null : (
        <div class="nr-notice" role="status">
          <p>{props.notice}</p>
        </div>
      )}
      <div class="nr-photo-detail">
        <figure class="nr-photo-large">
          <img
            src={variantPath(photo.storageKey, shown, 'webp')}
            alt={photo.alt}
            width={shown}
            height={Math.round((photo.height * shown) / photo.width)}
          />
        </figure>
        <dl class="nr-photo-facts">
          <dt>Size</dt>
          <dd>
            {photo.width}×{photo.height} pixels
          </dd>
          <dt>File</dt>
          <dd>{photo.originalName === '' ? 'Not uploaded (seeded)' : photo.originalName}</dd>
          <dt>Added</dt>
          <dd>{formatWhen(photo.createdAt)}</dd>
          <dt>Markdown for a story's body</dt>
          <dd>
            <code>{photoMarkdown(photo)}</code>
          </dd>
        </dl>
      </div>
      {story === undefined ? null : (
        <p class="nr-photo-actions">
          <a class="button" href={`/newsroom/stories/${story}?leadPhoto=${photo.id}`}>
            Use as lead photo of story {story}
          </a>{' '}
          <a
            class="button button-secondary"
            href={`/newsroom/stories/${story}?insertPhoto=${photo.id}`}
          >
            Insert into the body of story {story}
          </a>
        </p>
      )}
      <h2 id="texts-heading">Texts</h2>
      <form method="post" action={`/newsroom/photos/${photo.id}`} class="nr-form nr-narrow">
        {props.csrfField}
        {story === undefined ? null : <input type="hidden" name="story" value={String(story)} />}
        {problem === undefined ? null : (
          <div class="error-summary" role="alert" tabindex="-1" id="photo-problem">
            <h3>The texts were not saved</h3>
            <p>{problem.message}</p>
          </div>
        )}
        <div class="field">
          <label for="photo-alt">Alt text</label>
          <p class="field-hint" id="photo-alt-hint">
            What the photo shows, for readers who cannot see it. Needed before a story with this
            photo can be published.
          </p>
          <textarea
            id="photo-alt"
            name="alt"
            rows={3}
            maxlength={PHOTO_FIELD_LIMITS.alt}
            aria-invalid={invalid('alt')}
            aria-describedby={described('alt', 'photo-alt-hint')}
          >
            {values.alt}
          </textarea>
        </div>
        <div class="field">
          <label for="photo-caption">Caption</label>
          <textarea
            id="photo-caption"
            name="caption"
            rows={3}
            maxlength={PHOTO_FIELD_LIMITS.caption}
            aria-invalid={invalid('caption')}
            aria-describedby={described('caption')}
          >
            {values.caption}
          </textarea>
        </div>
        <div class="field">
          <label for="photo-credit">Credit</label>
          <input
            id="photo-credit"
            name="credit"
            type="text"
            maxlength={PHOTO_FIELD_LIMITS.credit}
            value={values.credit}
            aria-invalid={invalid('credit')}
            aria-describedby={described('credit')}
          />
        </div>
        <p>
          <button type="submit" class="button">
            Save texts
          </button>
        </p>
      </form>
    </>
  )
}

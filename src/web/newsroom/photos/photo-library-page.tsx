/** The photo library: the upload form, a search, and the photos newest first with thumbnails. */

import {
  type LibraryPhoto,
  type PhotoPage,
  UPLOAD_TYPES,
  variantPath,
  variantWidths,
} from '../../../media/index.js'
import type { SafeHtml } from '../../render/html.js'
import { Pagination } from '../../site/components/pagination.js'
import { formatWhen } from '../stories/story-labels.js'
import { photoMarkdown } from './photo-markdown.js'

/** What was typed into the upload form, and why it was refused. */
export interface UploadFormState {
  alt: string
  caption: string
  credit: string
  /** The refusal's message, shown at the top of the form. */
  error?: string | undefined
}

export interface PhotoLibraryProps {
  photos: PhotoPage
  q: string
  /** The story a photo is being chosen for (each photo then offers to go into it). */
  story: number | undefined
  notice: string | undefined
  upload: UploadFormState
  csrfField: SafeHtml
  /** The upload limit, in bytes. */
  maxBytes: number
}

/** The library's address with its search, story and page. */
export function libraryHref(q: string, story: number | undefined, page = 1): string {
  const query = new URLSearchParams()
  if (q !== '') query.set('q', q)
  if (story !== undefined) query.set('story', String(story))
  if (page > 1) query.set('page', String(page))
  const text = query.toString()
  return text === '' ? '/newsroom/photos' : `/newsroom/photos?${text}`
}

/** The smallest WebP rendition: every browser the newsroom supports shows WebP. */
export function thumbnailOf(photo: Pick<LibraryPhoto, 'storageKey' | 'width' | 'height'>): {
  src: string
  width: number
  height: number
} {
  const width = variantWidths(photo.width)[0] ?? photo.width
  return {
    src: variantPath(photo.storageKey, width, 'webp'),
    width,
    height: Math.round((photo.height * width) / photo.width),
  }
}

/** The library's `<main>` content. */
export function PhotoLibraryPage(props: PhotoLibraryProps): SafeHtml {
  const { photos, q, story } = props
  return (
    <>
      <h1>Photos</h1>
      {story === undefined ? null : (
        <p class="nr-notice">
          Choosing a photo for <a href={`/newsroom/stories/${story}`}>story {story}</a>: use one as
          its lead photo or add it to its body. Unsaved changes in the editor are not kept, so save
          the story first.
        </p>
      )}
      {props.notice === undefined ? null : (
        <div class="nr-notice" role="status">
          <p>{props.notice}</p>
        </div>
      )}
      <UploadForm {...props} />
      <h2 id="library-heading">Library</h2>
      <form
        method="get"
        action="/newsroom/photos"
        class="nr-filters"
        role="search"
        aria-label="Photo search"
      >
        {story === undefined ? null : <input type="hidden" name="story" value={String(story)} />}
        <div class="field">
          <label for="photo-search">Search photos</label>
          <input
            id="photo-search"
            name="q"
            type="search"
            value={q}
            aria-describedby="photo-search-hint"
          />
          <p class="field-hint" id="photo-search-hint">
            Words from the alt text, caption, credit or file name, or a photo's number.
          </p>
        </div>
        <button type="submit" class="button">
          Search
        </button>
        {q === '' ? null : <a href={libraryHref('', story)}>Show all photos</a>}
      </form>
      <p role="status">
        {photos.total === 0
          ? q === ''
            ? 'No photos yet.'
            : 'No photos match.'
          : `${photos.total.toLocaleString('en')} ${photos.total === 1 ? 'photo' : 'photos'}, newest first.`}
      </p>
      {photos.items.length === 0 ? null : (
        <ul class="nr-photo-grid">
          {photos.items.map((photo) => (
            <PhotoCard photo={photo} story={story} />
          ))}
        </ul>
      )}
      <Pagination
        basePath="/newsroom/photos"
        page={photos.page}
        totalPages={photos.totalPages}
        href={(page) => libraryHref(q, story, page)}
      />
    </>
  )
}

function PhotoCard({ photo, story }: { photo: LibraryPhoto; story: number | undefined }) {
  const thumb = thumbnailOf(photo)
  const page = `/newsroom/photos/${photo.id}${story === undefined ? '' : `?story=${story}`}`
  return (
    <li class="nr-photo-card">
      {/* The alt text is shown as text right below, so the thumbnail itself is decorative here. */}
      <img src={thumb.src} alt="" width={thumb.width} height={thumb.height} loading="lazy" />
      <p class="nr-photo-title">
        <a href={page}>Photo {photo.id}</a>
        {photo.originalName === '' ? null : (
          <span class="nr-photo-file"> {photo.originalName}</span>
        )}
      </p>
      {photo.alt === '' ? (
        <p class="nr-photo-missing">No alt text yet: needed before a story with it goes live.</p>
      ) : (
        <p>
          <span class="visually-hidden">Alt text: </span>
          {photo.alt}
        </p>
      )}
      {photo.caption === '' && photo.credit === '' ? null : (
        <p class="nr-photo-caption">
          {photo.caption}
          {photo.caption !== '' && photo.credit !== '' ? ' ' : ''}
          {photo.credit === '' ? null : <span>Photo: {photo.credit}</span>}
        </p>
      )}
      <p class="nr-photo-meta">
        {photo.width}×{photo.height} · added {formatWhen(photo.createdAt)}
      </p>
      <p class="nr-photo-code">
        <span class="visually-hidden">Markdown for the body: </span>
        <code>{photoMarkdown(photo)}</code>
      </p>
      {story === undefined ? null : (
        <p class="nr-photo-actions">
          <a class="button" href={`/newsroom/stories/${story}?leadPhoto=${photo.id}`}>
            Use as lead photo<span class="visually-hidden"> (photo {photo.id})</span>
          </a>{' '}
          <a
            class="button button-secondary"
            href={`/newsroom/stories/${story}?insertPhoto=${photo.id}`}
          >
            Insert into body<span class="visually-hidden"> (photo {photo.id})</span>
          </a>
        </p>
      )}
    </li>
  )
}

function UploadForm(props: PhotoLibraryProps) {
  const { upload } = props
  const invalid = upload.error === undefined ? undefined : 'true'
  const mb = Math.round((props.maxBytes / (1024 * 1024)) * 10) / 10
  const types = Object.values(UPLOAD_TYPES)
  return (
    <section aria-labelledby="upload-heading" class="nr-upload">
      <h2 id="upload-heading">Upload a photo</h2>
      <form
        method="post"
        action="/newsroom/photos"
        enctype="multipart/form-data"
        class="nr-form nr-upload-form"
      >
        {/* First, so the server checks it before it reads the file. */}
        {props.csrfField}
        {props.story === undefined ? null : (
          <input type="hidden" name="story" value={String(props.story)} />
        )}
        {upload.error === undefined ? null : (
          <div class="error-summary" role="alert" tabindex="-1" id="upload-problem">
            <h3>The photo was not uploaded</h3>
            <p>{upload.error}</p>
          </div>
        )}
        <div class="field">
          <label for="upload-file">Photo file</label>
          <p class="field-hint" id="upload-file-hint">
            {types.slice(0, -1).join(', ')} or {types.at(-1)}, up to {mb} MB. Location and camera
            details are removed from the file.
          </p>
          <input
            id="upload-file"
            name="file"
            type="file"
            required
            accept={Object.keys(UPLOAD_TYPES).join(',')}
            aria-invalid={invalid}
            aria-describedby={
              invalid === undefined ? 'upload-file-hint' : 'upload-file-hint upload-problem'
            }
          />
        </div>
        <div class="field">
          <label for="upload-alt">Alt text</label>
          <p class="field-hint" id="upload-alt-hint">
            What the photo shows, for readers who cannot see it. It may wait, but a story with this
            photo cannot be published without it.
          </p>
          <textarea id="upload-alt" name="alt" rows={2} aria-describedby="upload-alt-hint">
            {upload.alt}
          </textarea>
        </div>
        <div class="field">
          <label for="upload-caption">Caption</label>
          <textarea id="upload-caption" name="caption" rows={2}>
            {upload.caption}
          </textarea>
        </div>
        <div class="field">
          <label for="upload-credit">Credit</label>
          <p class="field-hint" id="upload-credit-hint">
            The photographer or agency; shown as “Photo: …”.
          </p>
          <input
            id="upload-credit"
            name="credit"
            type="text"
            value={upload.credit}
            aria-describedby="upload-credit-hint"
          />
        </div>
        <p>
          <button type="submit" class="button">
            Upload photo
          </button>
        </p>
      </form>
    </section>
  )
}

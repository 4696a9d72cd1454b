/** The author boxes at the end of a story, and the header of an author page. */

import type { Author } from '../../../newsroom/index.js'
import type { SafeHtml } from '../../render/html.js'
import { authorPath } from '../site-urls.js'
import { Picture } from './picture.js'

/** One author: photo, name (linked unless `linkName` is false), job title, bio and e-mail. */
export function AuthorBox(props: { author: Author; level: 2 | 3; linkName?: boolean }): SafeHtml {
  const { author } = props
  const name =
    props.linkName === false ? author.name : <a href={authorPath(author)}>{author.name}</a>
  return (
    <div class="author-box">
      {author.photo === null ? null : (
        <Picture
          photo={{ ...author.photo, alt: author.photo.alt || `Portrait of ${author.name}` }}
          class="author-photo"
          sizes="96px"
          fallbackWidth={480}
        />
      )}
      <div class="author-text">
        {props.level === 2 ? (
          <h2 class="author-name">{name}</h2>
        ) : (
          <h3 class="author-name">{name}</h3>
        )}
        {author.jobTitle === '' ? null : <p class="author-title">{author.jobTitle}</p>}
        {author.bio === '' ? null : <p class="author-bio">{author.bio}</p>}
        {author.email === '' ? null : (
          <p class="author-email">
            Contact: <a href={`mailto:${author.email}`}>{author.email}</a>
          </p>
        )}
      </div>
    </div>
  )
}

/** "About the author(s)" with one box per author. */
export function AuthorBoxes({ authors }: { authors: readonly Author[] }): SafeHtml {
  if (authors.length === 0) return <></>
  return (
    <section class="author-boxes" aria-labelledby="about-authors">
      <h2 id="about-authors" class="block-title">
        {authors.length === 1 ? 'About the author' : 'About the authors'}
      </h2>
      {authors.map((author) => (
        <AuthorBox author={author} level={3} />
      ))}
    </section>
  )
}

/** The ranked rails beside a story or the front page: Popular Now, Weekly Best, Must-Reads and more. */

import type { RankedStory } from '../../../engagement/index.js'
import type { Child, SafeHtml } from '../../render/html.js'
import { articlePath } from '../site-urls.js'

/** What a rail shows of a story (a ranked story from the engine, or any fuller summary). */
export type RailStory = Pick<RankedStory, 'id' | 'slug' | 'headline' | 'section'>

export interface RailProps {
  /** Id of the heading; also names the region. */
  id: string
  title: string
  stories: readonly RailStory[]
  language: string
  /** Numbered lists show rank; each item then carries its section label. */
  numbered?: boolean
  /** Shown when the list is empty. */
  emptyText: string
  /** A sentence under the heading (e.g. how the list was chosen). */
  note?: Child
}

/** One rail: an h2 and its list of stories, as a labelled region. */
export function Rail(props: RailProps): SafeHtml {
  const items = props.stories.map((story) => (
    <li class="rail-item">
      {props.numbered === true ? (
        <span class="section-label">{story.section.name.toLocaleUpperCase(props.language)}</span>
      ) : null}
      <a href={articlePath(story)}>{story.headline}</a>
    </li>
  ))
  return (
    <section class="rail" aria-labelledby={props.id}>
      <h2 id={props.id} class="rail-title">
        {props.title}
      </h2>
      {props.note === undefined ? null : <p class="rail-note">{props.note}</p>}
      {props.stories.length === 0 ? (
        <p class="rail-empty">{props.emptyText}</p>
      ) : props.numbered === true ? (
        <ol class="rail-list rail-list-numbered">{items}</ol>
      ) : (
        <ul class="rail-list">{items}</ul>
      )}
    </section>
  )
}

/** Says truthfully where the Must-Reads came from: editors' picks, topped up from Weekly Best. */
export function mustReadsNote(picked: number, shown: number): string | undefined {
  if (shown === 0) return undefined
  if (picked >= shown) return 'Chosen by our editors.'
  if (picked === 0) return 'The most-read stories of the week, until our editors pick some.'
  return 'Chosen by our editors, completed with the most-read stories of the week.'
}

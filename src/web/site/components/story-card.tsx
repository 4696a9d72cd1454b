/** A story teaser: section label, headline link, dek, byline names and date, optional thumbnail. */

import type { ArticleSummary } from '../../../newsroom/index.js'
import { formatDate } from '../../render/format.js'
import type { SafeHtml } from '../../render/html.js'
import { articlePath } from '../site-urls.js'
import { Picture } from './picture.js'
import { StoryLabel } from './story-label.js'

export interface StoryCardProps {
  story: ArticleSummary
  language: string
  /** The heading level of the headline inside its list. */
  level: 2 | 3
  /** Show the lead photo as a thumbnail. */
  withPhoto?: boolean
  /** The lead story of the front page gets a larger photo. */
  lead?: boolean
}

/** One teaser, as an <article> element. */
export function StoryCard(props: StoryCardProps): SafeHtml {
  const { story } = props
  const photo = props.withPhoto === true ? story.leadPhoto : null
  const headline = <a href={articlePath(story)}>{story.headline}</a>
  return (
    <article class={props.lead === true ? 'story-card story-card-lead' : 'story-card'}>
      {photo === null ? null : (
        <Picture
          photo={photo}
          class="story-card-photo"
          sizes={
            props.lead === true
              ? '(min-width: 960px) 620px, 100vw'
              : '(min-width: 640px) 300px, 100vw'
          }
          fallbackWidth={props.lead === true ? 800 : 480}
        />
      )}
      <div class="story-card-text">
        <p class="section-label">
          <a href={`/${story.section.slug}`}>{story.section.name}</a>{' '}
          <StoryLabel label={story.label} onCard />
        </p>
        {props.level === 2 ? (
          <h2 class="story-card-headline">{headline}</h2>
        ) : (
          <h3 class="story-card-headline">{headline}</h3>
        )}
        {story.dek === '' ? null : <p class="story-card-dek">{story.dek}</p>}
        <p class="story-card-meta">
          {story.authors.length === 0 ? null : (
            <span class="story-card-authors">{story.authors.map((a) => a.name).join(', ')} · </span>
          )}
          <time datetime={story.publishedAt.toISOString()}>
            {formatDate(story.publishedAt, props.language)}
          </time>
        </p>
      </div>
    </article>
  )
}

/** A list of teasers (section, author and tag pages; front page blocks). */
export function StoryList(props: {
  stories: readonly ArticleSummary[]
  language: string
  level: 2 | 3
  withPhoto?: boolean
}): SafeHtml {
  return (
    <ul class="story-list">
      {props.stories.map((story) => (
        <li>
          <StoryCard
            story={story}
            language={props.language}
            level={props.level}
            withPhoto={props.withPhoto}
          />
        </li>
      ))}
    </ul>
  )
}

/** The story's label (type of work) as words, and the notice that marks sponsored content. */

import type { ArticleLabel } from '../../../newsroom/index.js'
import type { SafeHtml } from '../../render/html.js'

/** What readers read for each label. */
export const LABEL_NAMES: Readonly<Record<ArticleLabel, string>> = {
  news: 'News',
  analysis: 'Analysis',
  opinion: 'Opinion',
  explainer: 'Explainer',
  review: 'Review',
  sponsored: 'Sponsored content',
}

/**
 * The label beside the section name. The word itself carries the meaning (the style only
 * frames it), so it reads the same without colour and to a screen reader. Cards leave out
 * plain news, which is most stories; the story page always says what it is.
 */
export function StoryLabel(props: { label: ArticleLabel; onCard?: boolean }): SafeHtml {
  if (props.onCard === true && props.label === 'news') return <></>
  return (
    <span class={`story-label story-label-${props.label}`}>
      <span class="visually-hidden">Type: </span>
      {LABEL_NAMES[props.label]}
    </span>
  )
}

/** The line under a sponsored story's headline, so nobody mistakes it for the newsroom's reporting. */
export function SponsoredNotice(): SafeHtml {
  return (
    <p class="sponsored-notice">
      <strong>Sponsored content.</strong> An advertiser paid for this story.
    </p>
  )
}

/** The demo outlet's mix of labels: mostly news, opinion on the debate desk, a little sponsored business. */

import type { SeededRandom } from '../lib/seeded-random.js'
import type { ArticleLabel } from '../newsroom/index.js'
import type { DemoSectionSlug } from './text/kit.js'

type Mix = readonly (readonly [ArticleLabel, number])[]

// Shares add up to 1 per desk; roughly what a general-news site publishes in a week.
const DEBATE: Mix = [
  ['opinion', 0.8],
  ['analysis', 0.2],
]
const BUSINESS: Mix = [
  ['news', 0.68],
  ['analysis', 0.15],
  ['explainer', 0.08],
  ['sponsored', 0.05],
  ['review', 0.04],
]
const NEWS_DESK: Mix = [
  ['news', 0.76],
  ['analysis', 0.12],
  ['explainer', 0.08],
  ['review', 0.04],
]

/** A label for a story of `section`, drawn from the desk's mix. */
export function demoLabel(random: SeededRandom, section: DemoSectionSlug): ArticleLabel {
  const mix = section === 'debate' ? DEBATE : section === 'business' ? BUSINESS : NEWS_DESK
  let roll = random.next()
  for (const [label, share] of mix) {
    roll -= share
    if (roll < 0) return label
  }
  return mix[0]?.[0] ?? 'news'
}

/** Assembles a page's rails from the snapshot: each rail in its order, no story twice on a page. */

import type { ArticleRails, FrontRails, RankedEntry, RankedStory } from './engagement.js'
import { pickDistinct } from './ranking-rules.js'
import type { RankingSnapshot } from './rankings.js'

/** Rail sizes of the article page. */
export const ARTICLE_RAILS = { latest: 6, weeklyBest: 12, related: 5, popularNow: 5, mustReads: 5 }
/** Rail sizes of the front page. */
export const FRONT_RAILS = { weeklyBest: 6, popularNow: 5, mustReads: 5 }

const stories = (entries: readonly RankedEntry[]): RankedStory[] => entries.map((e) => e.story)

/**
 * The rails of story `articleId`. Rails claim stories in this order: the editors' Must-Reads
 * picks, the section's latest, You May Also Like, Popular Now, the Must-Reads top-up from Weekly
 * Best, Weekly Best; each later rail skips what an earlier one shows while it has other
 * candidates (the lists keep 20–100 each, so a repeat needs a very young site).
 */
export function articleRails(
  snapshot: RankingSnapshot,
  story: RankedStory | undefined,
  related: readonly RankedEntry[],
  articleId: number,
): ArticleRails {
  const size = ARTICLE_RAILS
  const taken = new Set<number>([articleId])
  const notSelf = <T extends { id: number }>(list: readonly T[]): T[] =>
    list.filter((s) => s.id !== articleId)
  const popular = notSelf(stories(snapshot.popularNow))
  const weekly = notSelf(stories(snapshot.weeklyBest))
  const picked = pickDistinct(notSelf(snapshot.mustReads), size.mustReads, new Set(taken))
  for (const s of picked) taken.add(s.id)
  const sectionLatest =
    story === undefined ? [] : notSelf(snapshot.latestBySection.get(story.section.slug) ?? [])
  const latest = pickDistinct(sectionLatest, size.latest, taken)
  // With too few related stories (a young site), suggestions continue with what readers read.
  const relatedShown = pickDistinct(
    [...notSelf(stories(related)), ...popular, ...weekly],
    size.related,
    taken,
  )
  const popularNow = pickDistinct(popular, size.popularNow, taken)
  const topUp = pickDistinct(weekly, size.mustReads - picked.length, taken)
  const weeklyBest = pickDistinct(weekly, size.weeklyBest, taken)
  return {
    latest,
    related: relatedShown,
    popularNow,
    weeklyBest,
    mustReads: [...picked, ...topUp],
    mustReadsPicked: picked.length,
  }
}

/** The front page's rails: Must-Reads picks first, then Popular Now, the top-up, Weekly Best. */
export function frontRails(snapshot: RankingSnapshot): FrontRails {
  const size = FRONT_RAILS
  const taken = new Set<number>()
  const picked = pickDistinct(snapshot.mustReads, size.mustReads, taken)
  const popular = stories(snapshot.popularNow)
  const weekly = stories(snapshot.weeklyBest)
  const popularNow = pickDistinct(popular, size.popularNow, taken)
  const topUp = pickDistinct(weekly, size.mustReads - picked.length, taken)
  const weeklyBest = pickDistinct(weekly, size.weeklyBest, taken)
  return {
    popularNow,
    weeklyBest,
    mustReads: [...picked, ...topUp],
    mustReadsPicked: picked.length,
  }
}

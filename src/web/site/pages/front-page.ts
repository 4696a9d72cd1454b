/** Loads the front page: top stories, a block per section, and the Popular/Weekly/Must-Reads rails. */

import type { ArticleSummary, Section } from '../../../newsroom/index.js'
import {
  frameOf,
  type LoadedPage,
  newestChange,
  type PageContext,
  pickDistinct,
  type SiteFrame,
} from '../page-context.js'

/** One section's block on the front page. */
export interface FrontSectionBlock {
  section: Section
  stories: ArticleSummary[]
}

export interface FrontPageProps {
  frame: SiteFrame
  topStories: ArticleSummary[]
  blocks: FrontSectionBlock[]
  popularNow: ArticleSummary[]
  weeklyBest: ArticleSummary[]
  mustReads: ArticleSummary[]
  mustReadsPicked: number
}

const TOP_STORIES = 5
const PER_SECTION = 4
const RAIL = 5
const WEEKLY_BEST = 6
const CANDIDATES = 30

/** Loads `/`. */
export async function loadFrontPage(ctx: PageContext): Promise<LoadedPage<FrontPageProps>> {
  const { newsroom, engagement } = ctx.services
  const [sections, picks, latest, popular, weekly, mustPicks] = await Promise.all([
    newsroom.listSections(),
    newsroom.pickedArticles('top-stories', TOP_STORIES),
    newsroom.latestArticles({ limit: TOP_STORIES * 2 }),
    engagement.popularNow({ limit: CANDIDATES }),
    engagement.weeklyBest({ limit: CANDIDATES }),
    newsroom.pickedArticles('must-reads', RAIL),
  ])
  // Editors order the top stories; when they picked fewer, the newest stories fill the slots.
  const topStories = pickDistinct([...picks, ...latest], TOP_STORIES, new Set())
  const topIds = topStories.map((s) => s.id)
  const blockStories = await Promise.all(
    sections.map((section) =>
      newsroom.latestArticles({ sectionId: section.id, limit: PER_SECTION, excludeIds: topIds }),
    ),
  )
  const blocks = sections.map((section, index) => ({
    section,
    stories: blockStories[index] ?? [],
  }))

  const taken = new Set<number>(mustPicks.map((s) => s.id))
  const popularNow = pickDistinct(popular, RAIL, taken)
  const topUp = pickDistinct(weekly, RAIL - mustPicks.length, taken)
  const weeklyBest = pickDistinct(weekly, WEEKLY_BEST, taken)
  const shown = [...topStories, ...blocks.flatMap((b) => b.stories)]
  return {
    props: {
      frame: frameOf(ctx, sections),
      topStories,
      blocks,
      popularNow,
      weeklyBest,
      mustReads: [...mustPicks, ...topUp],
      mustReadsPicked: mustPicks.length,
    },
    cacheTags: ['front', 'picks', 'rails', ...sections.map((s) => `section:${s.slug}`)],
    lastModified: newestChange(shown),
  }
}

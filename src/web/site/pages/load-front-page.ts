/** Loads the front page: top stories, a block per section, and the Popular/Weekly/Must-Reads rails. */

import { pickDistinct } from '../../../engagement/index.js'
import type { ArticleSummary, Section } from '../../../newsroom/index.js'
import type { RailStory } from '../components/rail.js'
import {
  frameOf,
  type LoadedPage,
  newestChange,
  type PageContext,
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
  popularNow: RailStory[]
  weeklyBest: RailStory[]
  mustReads: RailStory[]
  mustReadsPicked: number
}

const TOP_STORIES = 5
const PER_SECTION = 4

/** Loads `/`. */
export async function loadFrontPage(ctx: PageContext): Promise<LoadedPage<FrontPageProps>> {
  const { newsroom, engagement } = ctx.services
  const [sections, picks, latest, rails] = await Promise.all([
    newsroom.listSections(),
    newsroom.pickedArticles('top-stories', TOP_STORIES),
    newsroom.latestArticles({ limit: TOP_STORIES * 2 }),
    // The rails come from the engagement engine's memory, assembled there without repeats.
    engagement.frontRails(),
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

  const shown = [...topStories, ...blocks.flatMap((b) => b.stories)]
  return {
    props: {
      frame: frameOf(ctx, sections),
      topStories,
      blocks,
      ...rails,
    },
    cacheTags: ['front', 'picks', 'rails', ...sections.map((s) => `section:${s.slug}`)],
    lastModified: newestChange(shown),
  }
}

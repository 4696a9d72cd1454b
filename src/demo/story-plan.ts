/** Plans every demo story up front: section, kit, time, byline, photos, popularity and text. */

import type { SeededRandom } from '../lib/seeded-random.js'
import type { Photo } from '../media/index.js'
import { DEMO_AUTHORS, DEMO_SECTIONS } from './outlet.js'
import { publicationTimes, updateTime } from './schedule.js'
import type { DemoSectionSlug } from './text/kit.js'
import { KITS_BY_SECTION } from './text/kits/story-kits.js'
import { writeStory, type StoryText } from './text/story-writer.js'
import { capitalize } from './text/template.js'
import { drawPopularity } from './view-history.js'

export interface StoryPlan {
  section: DemoSectionSlug
  publishedAt: Date
  updatedAt: Date | null
  authorSlugs: string[]
  leadPhoto: Photo
  text: StoryText
  popularity: number
  /** An older story that trends again today. */
  revival: boolean
}

/** `count` stories, oldest first; the same random stream always gives the same plans. */
export function planStories(
  random: SeededRandom,
  input: { count: number; now: Date; landscapes: readonly Photo[] },
): StoryPlan[] {
  const { count, now, landscapes } = input
  if (landscapes.length === 0) throw new Error('the demo needs at least one landscape photo')
  const usedHeadlines = new Set<string>()
  return publicationTimes(random, count, now).map((publishedAt) => {
    const section = pickSection(random)
    const kit = random.pick(KITS_BY_SECTION[section])
    const leadIndex = random.int(0, landscapes.length - 1)
    const leadPhoto = landscapes[leadIndex] as Photo
    const body = random.chance(0.12)
      ? landscapes[(leadIndex + random.int(1, 7)) % landscapes.length]
      : undefined
    const text = writeStory(kit, random, {
      publishedAt,
      usedHeadlines,
      bodyPhoto: body === undefined ? undefined : { id: body.id, alt: body.alt },
    })
    return {
      section,
      publishedAt,
      updatedAt: updateTime(random, publishedAt, now),
      authorSlugs: byline(random, section),
      leadPhoto,
      text: { ...text, tagNames: text.tagNames.map(capitalize) },
      popularity: drawPopularity(random, kit.style === 'opinion'),
      revival: random.chance(0.04),
    }
  })
}

function pickSection(random: SeededRandom): DemoSectionSlug {
  let roll = random.next()
  for (const section of DEMO_SECTIONS) {
    roll -= section.weight
    if (roll < 0) return section.slug
  }
  return 'latest'
}

/** One writer of the section's beat, sometimes with a second writer sharing the byline. */
function byline(random: SeededRandom, section: DemoSectionSlug): string[] {
  const beat = DEMO_AUTHORS.filter((a) => a.beats.includes(section))
  const first = random.pick(beat.length > 0 ? beat : DEMO_AUTHORS)
  if (section === 'debate' || !random.chance(0.2)) return [first.slug]
  const second = random.pick(DEMO_AUTHORS.filter((a) => a.slug !== first.slug))
  return [first.slug, second.slug]
}

/** Every published story's label in memory, so rails are built and served without a query. */

import { type CatalogueStory, isVisibleToReaders } from '../newsroom/index.js'

export interface StoryCatalogue {
  /** Replaces everything (a full load). */
  reset(stories: readonly CatalogueStory[]): void
  /** Adds or replaces stories (published or edited). */
  upsert(stories: readonly CatalogueStory[]): void
  /** Forgets a story (unpublished). */
  remove(id: number): void
  /** The story if readers may see it at `now` (published, its time come). */
  visible(id: number, now: Date): CatalogueStory | undefined
  /** The story at `slug` if readers may see it at `now`. */
  bySlug(slug: string, now: Date): CatalogueStory | undefined
  /** Every visible story, in no order. */
  all(): Iterable<CatalogueStory>
  /** The highest story id known (sizes per-id arrays). */
  maxId(): number
  readonly size: number
}

/** Creates an empty catalogue. */
export function createStoryCatalogue(): StoryCatalogue {
  let stories = new Map<number, CatalogueStory>()
  let slugs = new Map<string, number>()
  let highest = 0
  const remove = (id: number): void => {
    const story = stories.get(id)
    if (story === undefined) return
    stories.delete(id)
    if (slugs.get(story.slug) === id) slugs.delete(story.slug)
  }
  return {
    reset(list) {
      stories = new Map(list.map((s) => [s.id, s]))
      slugs = new Map(list.map((s) => [s.slug, s.id]))
      highest = list.reduce((max, s) => Math.max(max, s.id), 0)
    },
    upsert(list) {
      for (const story of list) {
        remove(story.id)
        stories.set(story.id, story)
        slugs.set(story.slug, story.id)
        highest = Math.max(highest, story.id)
      }
    },
    remove,
    visible(id, now) {
      const story = stories.get(id)
      return story !== undefined && isVisibleToReaders(story, now) ? story : undefined
    },
    bySlug(slug, now) {
      const id = slugs.get(slug)
      return id === undefined ? undefined : this.visible(id, now)
    },
    all: () => stories.values(),
    maxId: () => highest,
    get size() {
      return stories.size
    },
  }
}

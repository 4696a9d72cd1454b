/** Sections, served from memory: read on nearly every page, changed a few times a year. */

import type { Db } from '../db/database.js'
import type { Clock } from '../lib/clock.js'
import { nameRequired, sectionSlugTaken } from './errors.js'
import { allSections, insertSection, sectionBySlug } from './section-queries.js'
import { sectionSlug } from './slug-rules.js'
import type { Section } from './types.js'

export interface Sections {
  list(): Promise<Section[]>
  bySlug(slug: string): Promise<Section | undefined>
  byId(id: number): Promise<Section | undefined>
  create(input: {
    slug?: string
    name: string
    description?: string
    position?: number
  }): Promise<Section>
}

/** Creates the section service with its in-memory list. */
export function createSections({ db, clock }: { db: Db; clock: Clock }): Sections {
  let loaded: Promise<Section[]> | undefined

  const list = (): Promise<Section[]> => {
    loaded ??= allSections(db).catch((error: unknown) => {
      loaded = undefined
      throw error
    })
    return loaded
  }

  return {
    list: async () => [...(await list())],
    bySlug: async (slug) => {
      const cached = (await list()).find((s) => s.slug === slug)
      if (cached !== undefined) return cached
      // Another process may have created it since we loaded; one indexed lookup settles it.
      const fresh = await sectionBySlug(db, slug)
      if (fresh !== undefined) loaded = undefined
      return fresh
    },
    byId: async (id) => {
      const cached = (await list()).find((s) => s.id === id)
      if (cached !== undefined) return cached
      loaded = undefined
      return (await list()).find((s) => s.id === id)
    },
    create: async (input) => {
      const name = input.name.trim()
      if (name === '') throw nameRequired('name')
      const slug = sectionSlug(input.slug, name)
      if ((await sectionBySlug(db, slug)) !== undefined) throw sectionSlugTaken(slug)
      const section = await insertSection(
        db,
        { slug, name, description: input.description?.trim() ?? '', position: input.position ?? 0 },
        clock.now(),
      )
      loaded = undefined
      return section
    },
  }
}

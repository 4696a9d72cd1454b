/** Sections, served from memory: read on nearly every page, changed a few times a year. */

import type { Db } from '../db/database.js'
import { classifyDbError } from '../db/dialect/classify-db-error.js'
import type { Clock } from '../lib/clock.js'
import { nameRequired, sectionNotFound, sectionSlugTaken } from './errors.js'
import {
  allSections,
  insertSection,
  renameSection,
  sectionBySlug,
  sectionSlugRedirect,
  setSectionOrder,
} from './section-queries.js'
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
  /**
   * Renames a section; with `slug`, its address changes too and the old one redirects (stories
   * under it already redirect to their canonical address).
   */
  rename(id: number, name: string, slug?: string): Promise<Section>
  /** The current slug of a section that was once at `oldSlug`, if any. */
  redirectFor(oldSlug: string): Promise<string | undefined>
  /** Moves a section one place up or down the navigation order (no-op at either end). */
  move(id: number, direction: 'up' | 'down'): Promise<Section[]>
  /** Reads the list again (another process changed it); resolves once the new list is in memory. */
  reload(): Promise<void>
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
    rename: async (id, input, newSlug) => {
      const name = input.trim()
      if (name === '') throw nameRequired('name')
      loaded = undefined
      const section = (await list()).find((s) => s.id === id)
      if (section === undefined) throw sectionNotFound(id)
      const wanted = newSlug?.trim() ?? ''
      const slug = wanted === '' ? section.slug : sectionSlug(wanted, name)
      if (slug !== section.slug && (await sectionBySlug(db, slug)) !== undefined)
        throw sectionSlugTaken(slug)
      try {
        await renameSection(db, { id, name, oldSlug: section.slug, slug }, clock.now())
      } catch (error) {
        // Another admin took the slug between the check and the write.
        if (classifyDbError(error) === 'unique') throw sectionSlugTaken(slug)
        throw error
      } finally {
        loaded = undefined
      }
      return { ...section, name, slug }
    },
    redirectFor: (oldSlug) => sectionSlugRedirect(db, oldSlug),
    reload: async () => {
      loaded = undefined
      await list()
    },
    move: async (id, direction) => {
      loaded = undefined
      const order = [...(await list())]
      const at = order.findIndex((s) => s.id === id)
      if (at < 0) throw sectionNotFound(id)
      const to = direction === 'up' ? at - 1 : at + 1
      if (to < 0 || to >= order.length) return order
      const [moved] = order.splice(at, 1)
      if (moved !== undefined) order.splice(to, 0, moved)
      // Renumbered 0…n-1: positions left equal (ordered by name) become explicit.
      await setSectionOrder(
        db,
        order.map((s) => s.id),
      )
      loaded = undefined
      return list()
    },
  }
}

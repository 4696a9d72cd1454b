/**
 * One import run's memory and its writes of sections, authors and photos: each source record is
 * looked up in import_sources first, so running the same file again finds what it made before.
 */

import type { Db } from '../db/database.js'
import type { Clock } from '../lib/clock.js'
import { isSlug, slugify } from '../lib/slug.js'
import type { Media } from '../media/index.js'
import type { Newsroom } from '../newsroom/index.js'
import { mappedId, type MappedKind, saveMapping } from './import-queries.js'
import { photoBytes } from './photo-files.js'
import type { ImportedAuthor, ImportedPhoto, ImportedSection, ImportOptions } from './types.js'

export interface ImportDeps {
  db: Db
  clock: Clock
  newsroom: Newsroom
  media: Pick<Media, 'savePhoto'>
}

/** Placeholder id of what a dry run would create. */
const DRY = 0
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/

/** The state of one run over one source: caches of resolved ids, and the writers. */
export function createImportRun(deps: ImportDeps, source: string, options: ImportOptions) {
  const { db, clock, newsroom } = deps
  const dry = options.dryRun === true
  const sections = new Map<string, number>()
  const authors = new Map<string, number>()
  const photos = new Map<string, number>()
  const photoUrls = new Map<string, number>()

  const remember = async (kind: MappedKind, sourceId: string, localId: number) => {
    if (!dry) await saveMapping(db, { source, kind, sourceId, localId }, clock.now())
  }

  /** Our section for a source section (by --sections, by an earlier import, by slug), made if new. */
  const section = async (record: ImportedSection): Promise<'created' | 'found'> => {
    const key = record.slug ?? record.sourceId
    const known = await mappedId(db, source, 'section', record.sourceId)
    if (known !== undefined && options.sectionMap?.get(key) === undefined) {
      sections.set(record.sourceId, known).set(key, known)
      return 'found'
    }
    const slug = options.sectionMap?.get(key) ?? sectionSlugOf(record)
    const existing = await newsroom.getSection(slug)
    let id = existing?.id
    if (id === undefined) {
      id = dry
        ? DRY
        : (
            await newsroom.createSection({
              slug,
              name: record.name.trim() || slug,
              ...(record.description === undefined ? {} : { description: record.description }),
            })
          ).id
    }
    sections.set(record.sourceId, id).set(key, id)
    await remember('section', record.sourceId, id)
    return existing === undefined ? 'created' : 'found'
  }

  /** Our author for a source byline (by an earlier import, by slug), made if new. */
  const author = async (record: ImportedAuthor): Promise<'created' | 'found'> => {
    const known = await mappedId(db, source, 'author', record.sourceId)
    if (known !== undefined) {
      authors.set(record.sourceId, known)
      return 'found'
    }
    const slug = slugify(record.slug ?? record.name)
    const existing = isSlug(slug) ? await newsroom.getAuthor(slug) : undefined
    let id = existing?.id
    if (id === undefined) {
      const email = record.email?.trim() ?? ''
      id = dry
        ? DRY
        : (
            await newsroom.createAuthor({
              name: record.name,
              ...(isSlug(slug) ? { slug } : {}),
              ...(EMAIL.test(email) && email.length <= 254 ? { email } : {}),
              ...(record.bio === undefined ? {} : { bio: record.bio }),
            })
          ).id
    }
    authors.set(record.sourceId, id)
    await remember('author', record.sourceId, id)
    return existing === undefined ? 'created' : 'found'
  }

  /** Our photo for a source image, stored through media if new; throws when its file is out of reach. */
  const photo = async (record: ImportedPhoto): Promise<'created' | 'found'> => {
    let id = await mappedId(db, source, 'photo', record.sourceId)
    const found = id !== undefined
    if (id === undefined) {
      const bytes = await photoBytes(record, {
        mediaDir: options.mediaDir,
        timeoutMs: options.fetchTimeoutMs ?? 5000,
      })
      id = dry
        ? DRY
        : (
            await deps.media.savePhoto(bytes, {
              alt: record.alt?.trim() ?? '',
              caption: record.caption?.trim() ?? '',
              credit: record.credit?.trim() ?? '',
            })
          ).id
      await remember('photo', record.sourceId, id)
    }
    photos.set(record.sourceId, id)
    if (record.url !== undefined) photoUrls.set(imageKey(record.url), id)
    return found ? 'found' : 'created'
  }

  /** Ids of a story's byline; the "Staff" byline when none is known. */
  const bylineOf = async (sourceIds: readonly string[] | undefined): Promise<number[]> => {
    const ids: number[] = []
    for (const sourceId of sourceIds ?? []) {
      const id = authors.get(sourceId) ?? (await mappedId(db, source, 'author', sourceId))
      if (id !== undefined) ids.push(id)
    }
    if (ids.length > 0) return ids
    return [await fallback(authors, ':staff', () => author(STAFF))]
  }

  /** A story's section; the first section here (or a new "News") when none is known. */
  const sectionOf = async (key: string | undefined): Promise<number> => {
    if (key !== undefined) {
      const mapped = options.sectionMap?.get(key)
      const id =
        (mapped === undefined ? sections.get(key) : undefined) ??
        (mapped === undefined ? await mappedId(db, source, 'section', key) : undefined)
      if (id !== undefined) return id
      const bySlug = await newsroom.getSection(mapped ?? slugify(key))
      if (bySlug !== undefined) return bySlug.id
    }
    return fallback(sections, ':default', async () => {
      const first = (await newsroom.listSections())[0]
      if (first !== undefined) return first.id
      return dry ? DRY : (await newsroom.createSection({ slug: 'news', name: 'News' })).id
    })
  }

  const photoById = async (sourceId: string | undefined): Promise<number | undefined> =>
    sourceId === undefined
      ? undefined
      : (photos.get(sourceId) ?? (await mappedId(db, source, 'photo', sourceId)))

  return {
    dry,
    source,
    section,
    author,
    photo,
    bylineOf,
    sectionOf,
    photoById,
    /** Our photo id for an image address seen in a body (WordPress's sized copies included). */
    photoForUrl: (src: string): number | undefined => photoUrls.get(imageKey(src)),
  }
}

export type ImportRun = ReturnType<typeof createImportRun>

const STAFF: ImportedAuthor = { kind: 'author', place: '', sourceId: ':staff', name: 'Staff' }

async function fallback(
  cache: Map<string, number>,
  key: string,
  make: () => Promise<unknown>,
): Promise<number> {
  const cached = cache.get(key)
  if (cached !== undefined) return cached
  const made = await make()
  const id = typeof made === 'number' ? made : cache.get(key)
  if (id === undefined) throw new Error(`no ${key.slice(1)} id`)
  cache.set(key, id)
  return id
}

function sectionSlugOf(record: ImportedSection): string {
  const slug = slugify(record.slug ?? record.name)
  return isSlug(slug) ? slug : 'news'
}

/**
 * An image address without its query and WordPress's size suffix ("-300x200"), so a body's
 * resized copy finds the photo imported from the original.
 */
export function imageKey(src: string): string {
  const bare = src.trim().replace(/[?#].*$/, '')
  return bare.replace(/-\d{2,5}x\d{2,5}(?=\.\w{2,5}$)/, '').replace(/^https?:/i, '')
}

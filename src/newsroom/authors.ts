/** Authors and tags: creating bylines and finding them by slug. */

import type { Db } from '../db/database.js'
import type { Clock } from '../lib/clock.js'
import { isSlug } from '../lib/slug.js'
import { authorBySlug, insertAuthor, takenAuthorSlugs, userExists } from './author-queries.js'
import {
  authorEmailInvalid,
  authorPhotoUnknown,
  authorSlugInvalid,
  authorSlugTaken,
  authorUserUnknown,
  nameRequired,
} from './errors.js'
import type { PhotoLookup } from './newsroom.js'
import { baseSlug, firstFreeSlug, slugCandidates } from './slug-rules.js'
import type { Author } from './types.js'

export interface NewAuthor {
  name: string
  slug?: string
  jobTitle?: string
  bio?: string
  email?: string
  photoId?: number | null
  userId?: number | null
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/

/** Creates the author service. */
export function createAuthors({
  db,
  clock,
  photos,
}: {
  db: Db
  clock: Clock
  photos: PhotoLookup
}) {
  const bySlug = (slug: string): Promise<Author | undefined> =>
    isSlug(slug) ? authorBySlug(db, slug) : Promise.resolve(undefined)

  const create = async (input: NewAuthor): Promise<Author> => {
    const name = input.name.trim()
    if (name === '') throw nameRequired('name')
    const email = input.email?.trim() ?? ''
    if (email !== '' && (email.length > 254 || !EMAIL.test(email))) throw authorEmailInvalid()
    const photoId = input.photoId ?? null
    if (photoId !== null && !(await photos([photoId])).has(photoId))
      throw authorPhotoUnknown(photoId)
    const userId = input.userId ?? null
    if (userId !== null && !(await userExists(db, userId))) throw authorUserUnknown(userId)

    let slug: string
    if (input.slug !== undefined) {
      if (!isSlug(input.slug)) throw authorSlugInvalid(input.slug)
      if ((await takenAuthorSlugs(db, [input.slug])).size > 0) throw authorSlugTaken(input.slug)
      slug = input.slug
    } else {
      const candidates = slugCandidates(baseSlug(name, 'author'))
      slug = firstFreeSlug(
        candidates,
        await takenAuthorSlugs(db, candidates),
        clock.now().getTime().toString(36),
      )
    }
    const fields = {
      slug,
      name,
      jobTitle: input.jobTitle?.trim() ?? '',
      bio: input.bio?.trim() ?? '',
      email,
      photoId,
      userId,
    }
    await insertAuthor(db, fields, clock.now())
    const author = await authorBySlug(db, slug)
    if (author === undefined) throw new Error(`author ${slug} vanished after insert`)
    return author
  }

  return { bySlug, create }
}

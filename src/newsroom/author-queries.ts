/** Authors: lookups by slug and id, and inserting a new byline. */

import type { Db } from '../db/database.js'
import { toDbTime } from '../db/time-codec.js'
import { AUTHOR_COLUMNS, authorFromRow, PHOTO_COLUMNS } from './article-queries.js'
import type { Author } from './types.js'

/** The author with this slug, with photo. */
export async function authorBySlug(db: Db, slug: string): Promise<Author | undefined> {
  const row = await db
    .selectFrom('authors as au')
    .leftJoin('photos as p', 'p.id', 'au.photo_id')
    .select([...AUTHOR_COLUMNS, ...PHOTO_COLUMNS])
    .where('au.slug', '=', slug)
    .executeTakeFirst()
  return row && authorFromRow(row)
}

/** Every author's display name (a few hundred at most: the newsroom's staff). */
export async function authorNames(db: Db): Promise<string[]> {
  const rows = await db.selectFrom('authors').select('name').execute()
  return rows.map((r) => r.name)
}

/** Which of `ids` are authors. */
export async function existingAuthorIds(db: Db, ids: readonly number[]): Promise<Set<number>> {
  if (ids.length === 0) return new Set()
  const rows = await db
    .selectFrom('authors')
    .select('id')
    .where('id', 'in', [...ids])
    .execute()
  return new Set(rows.map((r) => r.id))
}

/** Which of `slugs` authors already use. */
export async function takenAuthorSlugs(db: Db, slugs: readonly string[]): Promise<Set<string>> {
  if (slugs.length === 0) return new Set()
  const rows = await db
    .selectFrom('authors')
    .select('slug')
    .where('slug', 'in', [...slugs])
    .execute()
  return new Set(rows.map((r) => r.slug))
}

/** True when a user has this id (an author may be linked to a newsroom login). */
export async function userExists(db: Db, id: number): Promise<boolean> {
  return (
    (await db.selectFrom('users').select('id').where('id', '=', id).executeTakeFirst()) !==
    undefined
  )
}

/** Inserts an author and returns its id. */
export async function insertAuthor(
  db: Db,
  input: {
    slug: string
    name: string
    jobTitle: string
    bio: string
    email: string
    photoId: number | null
    userId: number | null
  },
  now: Date,
): Promise<number> {
  const { id } = await db
    .insertInto('authors')
    .values({
      slug: input.slug,
      name: input.name,
      job_title: input.jobTitle,
      bio: input.bio,
      email: input.email,
      photo_id: input.photoId,
      user_id: input.userId,
      created_at: toDbTime(now),
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return id
}

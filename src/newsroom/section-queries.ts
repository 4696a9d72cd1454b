/** Sections and tags: small tables read whole or by slug. */

import type { Db } from '../db/database.js'
import { toDbTime } from '../db/time-codec.js'
import type { Section, Tag } from './types.js'

/** Every section in navigation order. */
export async function allSections(db: Db): Promise<Section[]> {
  return db
    .selectFrom('sections')
    .select(['id', 'slug', 'name', 'description', 'position'])
    .orderBy('position')
    .orderBy('name')
    .execute()
}

/** The section with this slug. */
export async function sectionBySlug(db: Db, slug: string): Promise<Section | undefined> {
  return db
    .selectFrom('sections')
    .select(['id', 'slug', 'name', 'description', 'position'])
    .where('slug', '=', slug)
    .executeTakeFirst()
}

/** True when a section has this id. */
export async function sectionExists(db: Db, id: number): Promise<boolean> {
  return (
    (await db.selectFrom('sections').select('id').where('id', '=', id).executeTakeFirst()) !==
    undefined
  )
}

/** Inserts a section and returns it. */
export async function insertSection(
  db: Db,
  input: { slug: string; name: string; description: string; position: number },
  now: Date,
): Promise<Section> {
  const { id } = await db
    .insertInto('sections')
    .values({ ...input, created_at: toDbTime(now) })
    .returning('id')
    .executeTakeFirstOrThrow()
  return { id, ...input }
}

/**
 * Renames section `id`; when `slug` changes too, the old one is kept as a redirect (and a
 * redirect the new slug had, to whichever section, is dropped: a live section wins).
 */
export async function renameSection(
  db: Db,
  change: { id: number; name: string; oldSlug: string; slug: string },
  now: Date,
): Promise<void> {
  const { id, name, oldSlug, slug } = change
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('sections').set({ name, slug }).where('id', '=', id).execute()
    if (slug === oldSlug) return
    await trx.deleteFrom('section_slug_redirects').where('old_slug', '=', slug).execute()
    await trx
      .insertInto('section_slug_redirects')
      .values({ old_slug: oldSlug, section_id: id, created_at: toDbTime(now) })
      .onConflict((oc) => oc.column('old_slug').doUpdateSet({ section_id: id }))
      .execute()
  })
}

/** The current slug of the section `oldSlug` once named, if any. */
export async function sectionSlugRedirect(db: Db, oldSlug: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('section_slug_redirects as r')
    .innerJoin('sections as s', 's.id', 'r.section_id')
    .select('s.slug')
    .where('r.old_slug', '=', oldSlug)
    .executeTakeFirst()
  return row?.slug
}

/** Gives each section of `ids` its index in that list as its position (navigation order). */
export async function setSectionOrder(db: Db, ids: readonly number[]): Promise<void> {
  await db.transaction().execute(async (trx) => {
    for (const [index, id] of ids.entries())
      await trx.updateTable('sections').set({ position: index }).where('id', '=', id).execute()
  })
}

/** The tag with this slug. */
export async function tagBySlug(db: Db, slug: string): Promise<Tag | undefined> {
  return db
    .selectFrom('tags')
    .select(['id', 'slug', 'name'])
    .where('slug', '=', slug)
    .executeTakeFirst()
}

/** Ids of the tags with these slugs, creating the missing ones with the names given. */
export async function ensureTags(
  db: Db,
  tags: readonly { slug: string; name: string }[],
): Promise<number[]> {
  if (tags.length === 0) return []
  await db
    .insertInto('tags')
    .values(tags.map((t) => ({ slug: t.slug, name: t.name })))
    .onConflict((oc) => oc.column('slug').doNothing())
    .execute()
  const rows = await db
    .selectFrom('tags')
    .select(['id', 'slug'])
    .where(
      'slug',
      'in',
      tags.map((t) => t.slug),
    )
    .execute()
  const bySlug = new Map(rows.map((r) => [r.slug, r.id]))
  return tags.flatMap((t) => bySlug.get(t.slug) ?? [])
}

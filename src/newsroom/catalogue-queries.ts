/** Bulk reads for the ranking engine: every published story's label, and its words, by id range. */

import type { Db } from '../db/database.js'
import { fromDbTime, fromNullableDbTime } from '../db/time-codec.js'
import type { ArticleStatus, CatalogueStory, SectionRef, StoryText } from './types.js'
import { readerVisible } from './visibility-queries.js'

/**
 * Published stories (including those whose publication time is still ahead: the engine shows
 * each once isVisibleToReaders says so), optionally only `ids`. One row per story, no joins but
 * sections.
 */
export async function catalogueStories(db: Db, ids?: readonly number[]): Promise<CatalogueStory[]> {
  if (ids !== undefined && ids.length === 0) return []
  let query = db
    .selectFrom('articles as a')
    .innerJoin('sections as s', 's.id', 'a.section_id')
    .select([
      'a.id',
      'a.slug',
      'a.headline',
      'a.section_id',
      'a.status',
      'a.published_at',
      'a.updated_at',
      's.slug as section_slug',
      's.name as section_name',
    ])
    .where(readerVisible('a', 'eventually'))
  if (ids !== undefined) query = query.where('a.id', 'in', [...new Set(ids)])
  const rows = await query.orderBy('a.id').execute()
  // Every row brings its own copy of its section's strings and of the status; the catalogue keeps
  // 10,000 stories and more in memory, so the stories of one section share one reference.
  const sections = new Map<number, SectionRef>()
  const statuses = new Map<string, ArticleStatus>()
  return rows.map((r) => {
    let section = sections.get(r.section_id)
    if (section === undefined)
      sections.set(r.section_id, (section = { slug: r.section_slug, name: r.section_name }))
    let status = statuses.get(r.status)
    if (status === undefined) statuses.set(r.status, (status = r.status))
    return {
      id: r.id,
      slug: r.slug,
      headline: r.headline,
      section,
      sectionId: r.section_id,
      status,
      publishedAt: fromDbTime(r.published_at ?? new Date(0)),
      updatedAt: fromNullableDbTime(r.updated_at),
    }
  })
}

/** The words of published stories with ids after `afterId` (ascending, at most `limit`), or of `ids`. */
export async function storyTexts(
  db: Db,
  selection: { afterId: number; limit: number } | { ids: readonly number[] },
): Promise<StoryText[]> {
  let query = db
    .selectFrom('articles')
    .select(['id', 'headline', 'dek', 'body_markdown'])
    .where(readerVisible('articles', 'eventually'))
  if ('ids' in selection) {
    if (selection.ids.length === 0) return []
    query = query.where('id', 'in', [...new Set(selection.ids)])
  } else {
    query = query.where('id', '>', selection.afterId).limit(selection.limit)
  }
  const rows = await query.orderBy('id').execute()
  const first = rows[0]?.id
  const last = rows.at(-1)?.id
  const tags = new Map<number, string[]>()
  if (first !== undefined && last !== undefined) {
    let tagQuery = db
      .selectFrom('article_tags as at')
      .innerJoin('tags as t', 't.id', 'at.tag_id')
      .select(['at.article_id', 't.name'])
    // A page of consecutive ids reads one range instead of an IN list of a thousand ids.
    tagQuery =
      'ids' in selection
        ? tagQuery.where(
            'at.article_id',
            'in',
            rows.map((r) => r.id),
          )
        : tagQuery.where('at.article_id', '>=', first).where('at.article_id', '<=', last)
    for (const row of await tagQuery.execute()) {
      const list = tags.get(row.article_id)
      if (list === undefined) tags.set(row.article_id, [row.name])
      else list.push(row.name)
    }
  }
  return rows.map((r) => ({
    id: r.id,
    headline: r.headline,
    dek: r.dek,
    body: r.body_markdown,
    tags: tags.get(r.id) ?? [],
  }))
}

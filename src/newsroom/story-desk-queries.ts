/** The newsroom's own reads of stories in every status: the story list, the editor's story, due schedules. */

import { sql } from 'kysely'
import type { Db } from '../db/database.js'
import { fromDbTime, fromNullableDbTime, toDbTime, toNumber } from '../db/time-codec.js'
import { headlinePattern } from './story-rules.js'
import type { ArticleLabel, ArticleStatus, CommentsMode, Page, SectionRef } from './types.js'

/** The story list's filters (all optional, combined with "and"). */
export interface DeskStoryFilter {
  status?: ArticleStatus
  sectionId?: number
  authorId?: number
  /** Words of the headline, in order. */
  query?: string
}

/** One row of the newsroom's story list. */
export interface DeskStorySummary {
  id: number
  headline: string
  status: ArticleStatus
  section: SectionRef
  authors: { id: number; name: string }[]
  /** The publication time (or the scheduled one). */
  publishedAt: Date | null
  modifiedAt: Date
  version: number
}

/** A story as the editor opens it: every field it edits, in any status. */
export interface EditableStory {
  id: number
  version: number
  status: ArticleStatus
  headline: string
  dek: string
  bodyMarkdown: string
  slug: string
  sectionId: number
  section: SectionRef
  /** In byline order. */
  authorIds: number[]
  tagNames: string[]
  leadPhotoId: number | null
  seoTitle: string
  seoDescription: string
  commentsMode: CommentsMode | null
  /** The type of work (news, analysis, opinion…). */
  label: ArticleLabel
  publishedAt: Date | null
  createdBy: number | null
  createdAt: Date
  modifiedAt: Date
}

/** One page of the story list, last changed first. */
export async function deskStories(
  db: Db,
  filter: DeskStoryFilter,
  page: number,
  perPage: number,
): Promise<Page<DeskStorySummary>> {
  let base = db.selectFrom('articles as a').innerJoin('sections as s', 's.id', 'a.section_id')
  if (filter.status !== undefined) base = base.where('a.status', '=', filter.status)
  if (filter.sectionId !== undefined) base = base.where('a.section_id', '=', filter.sectionId)
  if (filter.authorId !== undefined) {
    const authorId = filter.authorId
    base = base.where((eb) =>
      eb.exists(
        eb
          .selectFrom('article_authors as aa')
          .select('aa.article_id')
          .whereRef('aa.article_id', '=', 'a.id')
          .where('aa.author_id', '=', authorId),
      ),
    )
  }
  const pattern = filter.query === undefined ? undefined : headlinePattern(filter.query)
  if (pattern !== undefined)
    base = base.where(sql<boolean>`lower(a.headline) like ${pattern} escape '\\'`)

  const [countRow, rows] = await Promise.all([
    base.select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirstOrThrow(),
    base
      .select([
        'a.id',
        'a.headline',
        'a.status',
        'a.published_at',
        'a.modified_at',
        'a.version',
        's.slug as section_slug',
        's.name as section_name',
      ])
      .orderBy('a.modified_at', 'desc')
      .orderBy('a.id', 'desc')
      .limit(perPage)
      .offset((page - 1) * perPage)
      .execute(),
  ])
  const bylines = await bylinesOf(
    db,
    rows.map((r) => r.id),
  )
  const total = toNumber(countRow.n)
  return {
    items: rows.map((r) => ({
      id: r.id,
      headline: r.headline,
      status: r.status,
      section: { slug: r.section_slug, name: r.section_name },
      authors: bylines.get(r.id) ?? [],
      publishedAt: fromNullableDbTime(r.published_at),
      modifiedAt: fromDbTime(r.modified_at),
      version: r.version,
    })),
    page,
    perPage,
    total,
    totalPages: Math.max(1, Math.ceil(total / perPage)),
  }
}

async function bylinesOf(
  db: Db,
  ids: readonly number[],
): Promise<Map<number, { id: number; name: string }[]>> {
  const byStory = new Map<number, { id: number; name: string }[]>()
  if (ids.length === 0) return byStory
  const rows = await db
    .selectFrom('article_authors as aa')
    .innerJoin('authors as au', 'au.id', 'aa.author_id')
    .select(['aa.article_id', 'au.id', 'au.name'])
    .where('aa.article_id', 'in', [...ids])
    .orderBy('aa.article_id')
    .orderBy('aa.position')
    .execute()
  for (const row of rows) {
    const list = byStory.get(row.article_id) ?? []
    list.push({ id: row.id, name: row.name })
    byStory.set(row.article_id, list)
  }
  return byStory
}

/** The story with this id in any status, as the editor shows it; undefined when there is none. */
export async function editableStory(db: Db, id: number): Promise<EditableStory | undefined> {
  const row = await db
    .selectFrom('articles as a')
    .innerJoin('sections as s', 's.id', 'a.section_id')
    .selectAll('a')
    .select(['s.slug as section_slug', 's.name as section_name'])
    .where('a.id', '=', id)
    .executeTakeFirst()
  if (row === undefined) return undefined
  const [authors, tags] = await Promise.all([
    db
      .selectFrom('article_authors')
      .select('author_id')
      .where('article_id', '=', id)
      .orderBy('position')
      .execute(),
    db
      .selectFrom('article_tags as at')
      .innerJoin('tags as t', 't.id', 'at.tag_id')
      .select('t.name')
      .where('at.article_id', '=', id)
      .orderBy('t.name')
      .execute(),
  ])
  return {
    id: row.id,
    version: row.version,
    status: row.status,
    headline: row.headline,
    dek: row.dek,
    bodyMarkdown: row.body_markdown,
    slug: row.slug,
    sectionId: row.section_id,
    section: { slug: row.section_slug, name: row.section_name },
    authorIds: authors.map((a) => a.author_id),
    tagNames: tags.map((t) => t.name),
    leadPhotoId: row.lead_photo_id,
    seoTitle: row.seo_title,
    seoDescription: row.seo_description,
    commentsMode: row.comments_mode,
    label: row.label,
    publishedAt: fromNullableDbTime(row.published_at),
    createdBy: row.created_by,
    createdAt: fromDbTime(row.created_at),
    modifiedAt: fromDbTime(row.modified_at),
  }
}

/** Scheduled stories whose time has come, oldest first (bounded). */
export async function dueScheduledIds(db: Db, now: Date, limit: number): Promise<number[]> {
  const rows = await db
    .selectFrom('articles')
    .select('id')
    .where('status', '=', 'scheduled')
    .where('published_at', '<=', toDbTime(now))
    .orderBy('published_at')
    .limit(limit)
    .execute()
  return rows.map((r) => r.id)
}

/**
 * Moves a story from `from` to `to` only if it still is `from` (and, for a due schedule, its time
 * has come): of two processes doing it at once, exactly one gets true.
 */
export async function moveStatus(
  db: Db,
  id: number,
  change: {
    from: ArticleStatus
    to: ArticleStatus
    now: Date
    publishedAt?: Date | null
    dueBy?: Date
  },
): Promise<boolean> {
  let query = db
    .updateTable('articles')
    .set({
      status: change.to,
      modified_at: toDbTime(change.now),
      ...(change.publishedAt === undefined
        ? {}
        : { published_at: change.publishedAt === null ? null : toDbTime(change.publishedAt) }),
    })
    .where('id', '=', id)
    .where('status', '=', change.from)
  if (change.dueBy !== undefined) query = query.where('published_at', '<=', toDbTime(change.dueBy))
  const result = await query.executeTakeFirst()
  return result.numUpdatedRows > 0n
}

/** True when the story at `slug` (current or former) was unpublished: readers get 410 Gone. */
export async function isUnpublishedSlug(db: Db, slug: string): Promise<boolean> {
  const current = await db
    .selectFrom('articles')
    .select('status')
    .where('slug', '=', slug)
    .executeTakeFirst()
  if (current !== undefined) return current.status === 'unpublished'
  const renamed = await db
    .selectFrom('article_slug_redirects as r')
    .innerJoin('articles as a', 'a.id', 'r.article_id')
    .select('a.status')
    .where('r.old_slug', '=', slug)
    .executeTakeFirst()
  return renamed?.status === 'unpublished'
}

/** Every author as the editor's byline picker lists them, by name (bounded). */
export async function authorChoices(
  db: Db,
  limit: number,
): Promise<{ id: number; name: string }[]> {
  return db
    .selectFrom('authors')
    .select(['id', 'name'])
    .orderBy('name')
    .orderBy('id')
    .limit(limit)
    .execute()
}

/**
 * Whole-catalogue reads for feeds and sitemaps: keyset pages by id and per-range aggregates, all
 * under the one visibility rule, so a walk over 100,000 stories never holds more than a page.
 */

import { sql } from 'kysely'
import type { Db } from '../db/database.js'
import { fromDbTime, fromNullableDbTime, toDbTime, toNumber } from '../db/time-codec.js'
import { PHOTO_COLUMNS } from './article-queries.js'
import type { IdRange, ListedEntry, ListedStory, RangeSummary, Tag } from './types.js'
import { readerVisible } from './visibility-queries.js'

/** The time a story last changed for readers: its update time, else its publication time. */
const changedAt = sql<Date | string>`coalesce(a.updated_at, a.published_at)`

/** Visible stories with id in `range`, ascending id, at most `limit`. */
export async function storiesInRange(
  db: Db,
  now: Date,
  range: IdRange,
  limit: number,
): Promise<ListedStory[]> {
  const rows = await storyColumns(db, now)
    .where('a.id', '>', range.afterId)
    .where('a.id', '<=', range.throughId)
    .orderBy('a.id')
    .limit(limit)
    .execute()
  return rows.map(listedStory)
}

/** Visible stories published at or after `since`, newest first, at most `limit`. */
export async function storiesSince(
  db: Db,
  now: Date,
  since: Date,
  limit: number,
): Promise<ListedStory[]> {
  const rows = await storyColumns(db, now)
    .where('a.published_at', '>=', toDbTime(since))
    .orderBy('a.published_at', 'desc')
    .orderBy('a.id', 'desc')
    .limit(limit)
    .execute()
  return rows.map(listedStory)
}

function storyColumns(db: Db, now: Date) {
  return db
    .selectFrom('articles as a')
    .innerJoin('sections as s', 's.id', 'a.section_id')
    .leftJoin('photos as p', 'p.id', 'a.lead_photo_id')
    .select([
      'a.id',
      'a.slug',
      'a.headline',
      'a.published_at',
      'a.updated_at',
      's.slug as section_slug',
      ...PHOTO_COLUMNS,
    ])
    .where(readerVisible('a', now))
}

function listedStory(row: {
  id: number
  slug: string
  headline: string
  published_at: Date | string | null
  updated_at: Date | string | null
  section_slug: string
  photo_id: number | null
  photo_storage_key: string | null
  photo_width: number | null
  photo_height: number | null
  photo_caption: string | null
}): ListedStory {
  const publishedAt = fromNullableDbTime(row.published_at) ?? new Date(0)
  return {
    id: row.id,
    slug: row.slug,
    headline: row.headline,
    section: { slug: row.section_slug },
    publishedAt,
    lastModified: fromNullableDbTime(row.updated_at) ?? publishedAt,
    leadPhoto:
      row.photo_id === null
        ? null
        : {
            storageKey: row.photo_storage_key ?? '',
            width: row.photo_width ?? 0,
            height: row.photo_height ?? 0,
            caption: row.photo_caption ?? '',
          },
  }
}

/**
 * For each block of `size` ids (block n holds ids (n-1)·size+1 … n·size) with at least one
 * visible story, author or tag: how many it holds and the newest change among their stories.
 * Blocks by id keep every entry in the same sitemap file for good, whatever is published later.
 */
export async function rangeSummaries(
  db: Db,
  now: Date,
  kind: 'stories' | 'authors' | 'tags',
  size: number,
): Promise<RangeSummary[]> {
  // The block size is ours (a constant), written as a literal so both engines divide integers.
  const block = (column: string) => sql<number>`(${sql.ref(column)} - 1) / ${sql.lit(size)} + 1`
  // Story ids are unique rows; an author or tag appears once per story, so it is counted distinct.
  const aggregates = (column: string) =>
    [
      block(column).as('block'),
      (column === 'a.id'
        ? sql<number | string>`count(*)`
        : sql<number | string>`count(distinct ${sql.ref(column)})`
      ).as('n'),
      sql<Date | string>`max(${changedAt})`.as('changed'),
    ] as const
  const rows =
    kind === 'stories'
      ? await db
          .selectFrom('articles as a')
          .select(aggregates('a.id'))
          .where(readerVisible('a', now))
          .groupBy('block')
          .orderBy('block')
          .execute()
      : kind === 'authors'
        ? await db
            .selectFrom('article_authors as l')
            .innerJoin('articles as a', 'a.id', 'l.article_id')
            .select(aggregates('l.author_id'))
            .where(readerVisible('a', now))
            .groupBy('block')
            .orderBy('block')
            .execute()
        : await db
            .selectFrom('article_tags as l')
            .innerJoin('articles as a', 'a.id', 'l.article_id')
            .select(aggregates('l.tag_id'))
            .where(readerVisible('a', now))
            .groupBy('block')
            .orderBy('block')
            .execute()
  return rows.map((row) => ({
    block: toNumber(row.block),
    count: toNumber(row.n),
    lastModified: fromDbTime(row.changed),
  }))
}

/**
 * Reads up to `limit` authors or tags with id in `range` (ascending), and keeps those with
 * visible stories, with their newest change. `nextAfterId` is the last id read when the range
 * may hold more, null when it is exhausted. Two indexed steps (the ids, then one aggregate over
 * their links) rather than one grouped join, which made the database aggregate the whole range
 * for every page.
 */
export async function entriesInRange(
  db: Db,
  now: Date,
  kind: 'authors' | 'tags',
  range: IdRange,
  limit: number,
): Promise<{ entries: ListedEntry[]; nextAfterId: number | null }> {
  const ids = await db
    .selectFrom(kind === 'authors' ? 'authors' : 'tags')
    .select(['id', 'slug'])
    .where('id', '>', range.afterId)
    .where('id', '<=', range.throughId)
    .orderBy('id')
    .limit(limit)
    .execute()
  const last = ids[ids.length - 1]
  if (last === undefined) return { entries: [], nextAfterId: null }
  const wanted = ids.map((row) => row.id)
  const newest = sql<Date | string>`max(${changedAt})`.as('changed')
  const changed =
    kind === 'authors'
      ? await db
          .selectFrom('article_authors as l')
          .innerJoin('articles as a', 'a.id', 'l.article_id')
          .select(['l.author_id as id', newest])
          .where('l.author_id', 'in', wanted)
          .where(readerVisible('a', now))
          .groupBy('l.author_id')
          .execute()
      : await db
          .selectFrom('article_tags as l')
          .innerJoin('articles as a', 'a.id', 'l.article_id')
          .select(['l.tag_id as id', newest])
          .where('l.tag_id', 'in', wanted)
          .where(readerVisible('a', now))
          .groupBy('l.tag_id')
          .execute()
  const byId = new Map(changed.map((row) => [row.id, fromDbTime(row.changed)]))
  const entries = ids.flatMap((row) => {
    const lastModified = byId.get(row.id)
    return lastModified === undefined ? [] : [{ id: row.id, slug: row.slug, lastModified }]
  })
  return { entries, nextAfterId: ids.length < limit ? null : last.id }
}

/** Stories a section, author or tag page shows first: its lastmod is the newest change among them. */
const PAGE_STORIES = 20

/** Every section, with the newest change among the stories its page shows (null when none). */
export async function sectionEntries(db: Db, now: Date): Promise<ListedEntry[]> {
  const sections = await db
    .selectFrom('sections')
    .select(['id', 'slug'])
    .orderBy('position')
    .orderBy('id')
    .execute()
  // One indexed query per section (section, status, published_at): sections are few.
  return Promise.all(
    sections.map(async (section) => {
      const rows = await db
        .selectFrom('articles as a')
        .select(changedAt.as('changed'))
        .where('a.section_id', '=', section.id)
        .where(readerVisible('a', now))
        .orderBy('a.published_at', 'desc')
        .limit(PAGE_STORIES)
        .execute()
      let newest: Date | null = null
      for (const row of rows) {
        const at = fromDbTime(row.changed)
        if (newest === null || at > newest) newest = at
      }
      return { id: section.id, slug: section.slug, lastModified: newest }
    }),
  )
}

/** Body HTML and tags of the visible stories `ids` (what a full-text feed adds to summaries). */
export async function feedExtras(
  db: Db,
  now: Date,
  ids: readonly number[],
  withBody: boolean,
): Promise<Map<number, { bodyHtml: string | null; tags: Tag[] }>> {
  const result = new Map<number, { bodyHtml: string | null; tags: Tag[] }>()
  if (ids.length === 0) return result
  const [bodies, tags] = await Promise.all([
    withBody
      ? db
          .selectFrom('articles as a')
          .select(['a.id', 'a.body_html'])
          .where('a.id', 'in', [...ids])
          .where(readerVisible('a', now))
          .execute()
      : Promise.resolve([]),
    db
      .selectFrom('article_tags as at')
      .innerJoin('tags as t', 't.id', 'at.tag_id')
      .select(['at.article_id', 't.id', 't.slug', 't.name'])
      .where('at.article_id', 'in', [...ids])
      .orderBy('t.name')
      .execute(),
  ])
  for (const id of ids) result.set(id, { bodyHtml: null, tags: [] })
  for (const row of bodies) {
    const entry = result.get(row.id)
    if (entry !== undefined) entry.bodyHtml = row.body_html
  }
  for (const row of tags) {
    result.get(row.article_id)?.tags.push({ id: row.id, slug: row.slug, name: row.name })
  }
  return result
}

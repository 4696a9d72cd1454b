/** SQL of the newsroom dashboard: every figure comes from the hourly buckets or their rollups. */

import { sql } from 'kysely'
import type { Db } from '../db/database.js'
import type { ArticleStatus, DbCount } from '../db/schema.js'
import { fromDbTime, fromNullableDbTime, toDbTime, toNumber } from '../db/time-codec.js'

/** Views of one hour (epoch ms of its start). */
export interface HourViews {
  hour: number
  views: number
}

/** A name and the views counted for it. */
export interface NamedViews {
  slug: string
  name: string
  views: number
}

/**
 * Stories per workflow status (statuses without stories are absent or 0): a handful of rows that
 * triggers on articles keep (migration 0026), instead of counting every story.
 */
export async function countByStatus(db: Db): Promise<Map<ArticleStatus, number>> {
  const rows = await db.selectFrom('article_status_counts').select(['status', 'stories']).execute()
  return new Map(rows.map((r) => [r.status as ArticleStatus, r.stories]))
}

/** The site's views per hour with `from` <= hour < `to` (the rollup: one row an hour). */
export async function siteHours(db: Db, from: Date, to: Date): Promise<HourViews[]> {
  const rows = await db
    .selectFrom('site_views_hourly')
    .select(['hour', 'views'])
    .where('hour', '>=', toDbTime(from))
    .where('hour', '<', toDbTime(to))
    .execute()
  return rows.map((r) => ({ hour: fromDbTime(r.hour).getTime(), views: r.views }))
}

/** Each story's buckets from `from` on, for the stories `ids` (their primary-key ranges). */
export async function storyHours(
  db: Db,
  ids: readonly number[],
  from: Date,
): Promise<Map<number, HourViews[]>> {
  const out = new Map<number, HourViews[]>(ids.map((id) => [id, []]))
  if (ids.length === 0) return out
  const rows = await db
    .selectFrom('article_views_hourly')
    .select(['article_id', 'hour', 'views'])
    .where('article_id', 'in', ids)
    .where('hour', '>=', toDbTime(from))
    .execute()
  for (const r of rows)
    out.get(r.article_id)?.push({ hour: fromDbTime(r.hour).getTime(), views: r.views })
  return out
}

/**
 * Sections by views from `from` on, most first (ties by name): their hourly rollup, some 24 rows
 * a section for a day, whatever the number of stories. A story counts for its current section
 * (the rollup moves with it; decision 0029).
 */
export async function topSections(db: Db, from: Date, limit: number): Promise<NamedViews[]> {
  const views = sql<DbCount>`sum(r.views)`
  const rows = await db
    .selectFrom('section_views_hourly as r')
    .innerJoin('sections as s', 's.id', 'r.section_id')
    .select(['s.slug', 's.name', views.as('views')])
    .where('r.hour', '>=', toDbTime(from))
    .groupBy(['s.id', 's.slug', 's.name'])
    // A story that moved away leaves zero rows behind; the buckets never hold a zero.
    .having(views, '>', 0)
    .orderBy('views', 'desc')
    .orderBy('s.name')
    .limit(limit)
    .execute()
  return rows.map((r) => ({ slug: r.slug, name: r.name, views: toNumber(r.views) }))
}

/** Authors by views of their current bylines from `from` on (a shared byline counts for each). */
export async function topAuthors(db: Db, from: Date, limit: number): Promise<NamedViews[]> {
  const views = sql<DbCount>`sum(r.views)`
  const rows = await db
    .selectFrom('author_views_hourly as r')
    .innerJoin('authors as au', 'au.id', 'r.author_id')
    .select(['au.slug', 'au.name', views.as('views')])
    .where('r.hour', '>=', toDbTime(from))
    .groupBy(['au.id', 'au.slug', 'au.name'])
    .having(views, '>', 0)
    .orderBy('views', 'desc')
    .orderBy('au.name')
    .limit(limit)
    .execute()
  return rows.map((r) => ({ slug: r.slug, name: r.name, views: toNumber(r.views) }))
}

/** What the figures page says about the story itself. */
export interface StoryHead {
  id: number
  slug: string
  headline: string
  status: ArticleStatus
  publishedAt: Date | null
  createdAt: Date
  sectionSlug: string
  sectionName: string
}

/** The story `id` with its section, or undefined. */
export async function storyHead(db: Db, id: number): Promise<StoryHead | undefined> {
  const row = await db
    .selectFrom('articles as a')
    .innerJoin('sections as s', 's.id', 'a.section_id')
    .select([
      'a.id',
      'a.slug',
      'a.headline',
      'a.status',
      'a.published_at',
      'a.created_at',
      's.slug as section_slug',
      's.name as section_name',
    ])
    .where('a.id', '=', id)
    .executeTakeFirst()
  if (row === undefined) return undefined
  return {
    id: row.id,
    slug: row.slug,
    headline: row.headline,
    status: row.status,
    publishedAt: fromNullableDbTime(row.published_at),
    createdAt: fromDbTime(row.created_at),
    sectionSlug: row.section_slug,
    sectionName: row.section_name,
  }
}

/** Every bucket of one story (its primary-key range). */
export async function allStoryHours(db: Db, id: number): Promise<HourViews[]> {
  return (await storyHours(db, [id], new Date(0))).get(id) ?? []
}

/** The story's referring hosts, most views first (ties by host), and the sum over all hosts. */
export async function storyReferrers(
  db: Db,
  id: number,
  limit: number,
): Promise<{ hosts: { host: string; views: number }[]; total: number }> {
  const [rows, sum] = await Promise.all([
    db
      .selectFrom('article_referrers_daily')
      .select(['host', (eb) => eb.fn.sum<DbCount>('views').as('views')])
      .where('article_id', '=', id)
      .groupBy('host')
      .orderBy('views', 'desc')
      .orderBy('host')
      .limit(limit)
      .execute(),
    db
      .selectFrom('article_referrers_daily')
      .select((eb) => eb.fn.sum<DbCount>('views').as('total'))
      .where('article_id', '=', id)
      .executeTakeFirst(),
  ])
  return {
    hosts: rows.map((r) => ({ host: r.host, views: toNumber(r.views) })),
    total: toNumber(sum?.total),
  }
}

/** Readers of the story who went on to another story (all days). */
export async function storyContinuations(db: Db, id: number): Promise<number> {
  const row = await db
    .selectFrom('article_continuations_daily')
    .select((eb) => eb.fn.sum<DbCount>('readers').as('total'))
    .where('article_id', '=', id)
    .executeTakeFirst()
  return toNumber(row?.total)
}

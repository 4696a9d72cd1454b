/** Reading published content for the Content API: keyset pages, tags, authors and sources. */

import type { Db } from '../db/database.js'
import { toDbTime, toNumber } from '../db/time-codec.js'
import { applyFilter, visibleArticles, withAuthors } from './article-queries.js'
import type { ArticleListFilter, ArticleSummary, AuthorSummary, Tag } from './types.js'
import { readerVisible } from './visibility-queries.js'

/** A position in the newest-first order: the last story of the previous page. */
export interface ContentCursor {
  publishedAt: Date
  id: number
}

export interface ContentQuery {
  filter: ArticleListFilter
  /** Published at or after. */
  since?: Date
  /** Published before. */
  until?: Date
  after?: ContentCursor
  limit: number
}

/** Visible stories, newest first (publication time, then id), one keyset page. */
export async function contentPage(
  db: Db,
  now: Date,
  query: ContentQuery,
): Promise<ArticleSummary[]> {
  let q = applyFilter(visibleArticles(db, now), query.filter)
  if (query.since !== undefined) q = q.where('a.published_at', '>=', toDbTime(query.since))
  if (query.until !== undefined) q = q.where('a.published_at', '<', toDbTime(query.until))
  const after = query.after
  if (after !== undefined) {
    const at = toDbTime(after.publishedAt)
    q = q.where((eb) =>
      eb.or([
        eb('a.published_at', '<', at),
        eb.and([eb('a.published_at', '=', at), eb('a.id', '<', after.id)]),
      ]),
    )
  }
  const rows = await q
    .orderBy('a.published_at', 'desc')
    .orderBy('a.id', 'desc')
    .limit(query.limit)
    .execute()
  return withAuthors(db, rows)
}

/** The tags of each of `ids`, by name. */
export async function tagsByArticle(db: Db, ids: readonly number[]): Promise<Map<number, Tag[]>> {
  const out = new Map<number, Tag[]>()
  if (ids.length === 0) return out
  const rows = await db
    .selectFrom('article_tags as at')
    .innerJoin('tags as t', 't.id', 'at.tag_id')
    .select(['at.article_id', 't.id', 't.slug', 't.name'])
    .where('at.article_id', 'in', [...ids])
    .orderBy('t.name')
    .execute()
  for (const row of rows) {
    const list = out.get(row.article_id) ?? []
    list.push({ id: row.id, slug: row.slug, name: row.name })
    out.set(row.article_id, list)
  }
  return out
}

/** Tags on at least one visible story, with how many, most used first. */
export async function tagsInUse(db: Db, now: Date): Promise<(Tag & { stories: number })[]> {
  const rows = await db
    .selectFrom('tags as t')
    .innerJoin('article_tags as at', 'at.tag_id', 't.id')
    .innerJoin('articles as a', 'a.id', 'at.article_id')
    .where(readerVisible('a', now))
    .select(['t.id', 't.slug', 't.name', (eb) => eb.fn.countAll().as('stories')])
    .groupBy(['t.id', 't.slug', 't.name'])
    .orderBy('stories', 'desc')
    .orderBy('t.slug')
    .execute()
  return rows.map((r) => ({ id: r.id, slug: r.slug, name: r.name, stories: toNumber(r.stories) }))
}

/** Every author, by name, with their published story count and biography. */
export async function authorsWithCounts(
  db: Db,
  now: Date,
): Promise<(AuthorSummary & { bio: string; stories: number })[]> {
  const rows = await db
    .selectFrom('authors as au')
    .select([
      'au.id',
      'au.slug',
      'au.name',
      'au.job_title',
      'au.bio',
      (eb) =>
        eb
          .selectFrom('article_authors as aa')
          .innerJoin('articles as a', 'a.id', 'aa.article_id')
          .whereRef('aa.author_id', '=', 'au.id')
          .where(readerVisible('a', now))
          .select((inner) => inner.fn.countAll().as('n'))
          .as('stories'),
    ])
    .orderBy('au.name')
    .execute()
  return rows.map((r) => ({
    id: r.id,
    slug: r.slug,
    name: r.name,
    jobTitle: r.job_title,
    bio: r.bio,
    stories: toNumber(r.stories),
  }))
}

/** The Markdown source of a story. */
export async function markdownOf(db: Db, id: number): Promise<string | undefined> {
  const row = await db
    .selectFrom('articles')
    .select('body_markdown')
    .where('id', '=', id)
    .executeTakeFirst()
  return row?.body_markdown
}

/** Reading stories for readers: batched, bounded, indexed queries that map rows to domain objects. */

import type { ExpressionBuilder, SelectQueryBuilder } from 'kysely'
import type { Db } from '../db/database.js'
import type { ArticleLabel, Database } from '../db/schema.js'
import { fromDbTime, fromNullableDbTime, toDbTime, toNumber } from '../db/time-codec.js'
import { type Photo, photoFromRow } from '../media/index.js'
import type {
  Article,
  ArticleListFilter,
  ArticleSummary,
  Author,
  AuthorSummary,
  SectionRef,
  Tag,
} from './types.js'
import { notesOf } from './note-queries.js'
import { readerVisible } from './visibility-queries.js'

type From = Database & { a: Database['articles']; s: Database['sections']; p: Database['photos'] }
type ArticleQuery = SelectQueryBuilder<From, 'a' | 's' | 'p', SummaryRow>

interface PhotoColumns {
  photo_id: number | null
  photo_storage_key: string | null
  photo_mime_type: string | null
  photo_width: number | null
  photo_height: number | null
  photo_alt: string | null
  photo_caption: string | null
  photo_credit: string | null
}

interface SummaryRow extends PhotoColumns {
  id: number
  slug: string
  headline: string
  dek: string
  published_at: Date | string | null
  updated_at: Date | string | null
  section_slug: string
  section_name: string
  label: ArticleLabel
}

/** A lead or author photo joined as `p`, under the column names PhotoColumns expects. */
export const PHOTO_COLUMNS = [
  'p.id as photo_id',
  'p.storage_key as photo_storage_key',
  'p.mime_type as photo_mime_type',
  'p.width as photo_width',
  'p.height as photo_height',
  'p.alt as photo_alt',
  'p.caption as photo_caption',
  'p.credit as photo_credit',
] as const

/** An author joined as `au`, as authorFromRow expects (with PHOTO_COLUMNS for the portrait). */
export const AUTHOR_COLUMNS = [
  'au.id',
  'au.slug',
  'au.name',
  'au.job_title',
  'au.bio',
  'au.email',
] as const

/** Stories readers may see (readerVisible), with section and lead photo. */
export function visibleArticles(db: Db, now: Date): ArticleQuery {
  return anyArticles(db).where(readerVisible('a', now))
}

/** Every story whatever its status, with section and lead photo (for the newsroom side). */
function anyArticles(db: Db): ArticleQuery {
  return db
    .selectFrom('articles as a')
    .innerJoin('sections as s', 's.id', 'a.section_id')
    .leftJoin('photos as p', 'p.id', 'a.lead_photo_id')
    .select([
      'a.id',
      'a.slug',
      'a.headline',
      'a.dek',
      'a.published_at',
      'a.updated_at',
      's.slug as section_slug',
      's.name as section_name',
      'a.label',
      ...PHOTO_COLUMNS,
    ])
}

/** Narrows a query over articles `a` to `filter` (section, author, tag). */
export function applyFilter<Q extends SelectQueryBuilder<From, 'a', unknown>>(
  query: Q,
  filter: ArticleListFilter,
): Q {
  let q = query as SelectQueryBuilder<From, 'a', unknown>
  if (filter.sectionId !== undefined) q = q.where('a.section_id', '=', filter.sectionId)
  if (filter.authorId !== undefined) {
    const authorId = filter.authorId
    q = q.where('a.id', 'in', (eb: ExpressionBuilder<From, 'a'>) =>
      eb.selectFrom('article_authors').select('article_id').where('author_id', '=', authorId),
    )
  }
  if (filter.tagId !== undefined) {
    const tagId = filter.tagId
    q = q.where('a.id', 'in', (eb: ExpressionBuilder<From, 'a'>) =>
      eb.selectFrom('article_tags').select('article_id').where('tag_id', '=', tagId),
    )
  }
  return q as Q
}

/** Newest visible stories matching `filter`, skipping `offset`, at most `limit`. */
export async function newestSummaries(
  db: Db,
  now: Date,
  options: {
    filter?: ArticleListFilter
    limit: number
    offset?: number
    excludeIds?: readonly number[]
  },
): Promise<ArticleSummary[]> {
  // Past the first page, or by author or tag, the ids come first (see newestIds): the planners
  // otherwise read whole rows for every story they skip or sort.
  const filter = options.filter ?? {}
  if ((options.offset ?? 0) > 0 || filter.authorId !== undefined || filter.tagId !== undefined)
    return summariesByIds(db, now, await newestIds(db, now, options))
  let query = applyFilter(visibleArticles(db, now), options.filter ?? {})
  if (options.excludeIds !== undefined && options.excludeIds.length > 0) {
    query = query.where('a.id', 'not in', [...options.excludeIds])
  }
  const rows = await query
    .orderBy('a.published_at', 'desc')
    .orderBy('a.id', 'desc')
    .limit(options.limit)
    .execute()
  return withAuthors(db, rows)
}

/**
 * The ids of a page of newest visible stories, from the indexes alone. A page deep in a section
 * skips thousands of stories: skipped as index entries (section, status, published_at, id) they
 * cost 0.4 ms at page 500 of a 20,000-story section on SQLite, skipped as joined rows 70 ms. An
 * author's or tag's stories are sorted from (id, status, published_at): the first page of an
 * author of 5,600 stories took 74 ms on SQLite sorting whole rows, a tag's 111 ms on PostgreSQL.
 */
async function newestIds(
  db: Db,
  now: Date,
  options: {
    filter?: ArticleListFilter
    limit: number
    offset?: number
    excludeIds?: readonly number[]
  },
): Promise<number[]> {
  const base = db
    .selectFrom('articles as a')
    .where(readerVisible('a', now)) as unknown as SelectQueryBuilder<From, 'a', object>
  let query = applyFilter(base, options.filter ?? {})
  if (options.excludeIds !== undefined && options.excludeIds.length > 0) {
    query = query.where('a.id', 'not in', [...options.excludeIds])
  }
  const rows = await query
    .select('a.id')
    .orderBy('a.published_at', 'desc')
    .orderBy('a.id', 'desc')
    .limit(options.limit)
    .offset(options.offset ?? 0)
    .execute()
  return rows.map((row) => row.id)
}

/** Number of visible stories matching `filter`. */
export async function countVisible(
  db: Db,
  now: Date,
  filter: ArticleListFilter = {},
): Promise<number> {
  const base = db
    .selectFrom('articles as a')
    .where(readerVisible('a', now)) as unknown as SelectQueryBuilder<From, 'a', object>
  const row = await applyFilter(base, filter)
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .executeTakeFirst()
  return toNumber(row?.n)
}

/** Visible summaries for `ids`, in the order given. */
export async function summariesByIds(
  db: Db,
  now: Date,
  ids: readonly number[],
): Promise<ArticleSummary[]> {
  const unique = [...new Set(ids)]
  if (unique.length === 0) return []
  const rows = await visibleArticles(db, now).where('a.id', 'in', unique).execute()
  const byId = new Map((await withAuthors(db, rows)).map((s) => [s.id, s]))
  return unique.flatMap((id) => byId.get(id) ?? [])
}

/** Visible stories of a picks list, in the editors' order. */
export async function pickedSummaries(
  db: Db,
  now: Date,
  list: string,
  limit: number,
): Promise<ArticleSummary[]> {
  // Read the short list of ids first: joining picks into the visibility query made the planner
  // scan every published story (38 ms at 10,000 stories on SQLite).
  const picks = await db
    .selectFrom('editors_picks')
    .select('article_id')
    .where('list', '=', list as Database['editors_picks']['list'])
    // A pick past its expiry is gone for readers at once, before the expiry job clears it.
    .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', toDbTime(now))]))
    .orderBy('position')
    .execute()
  const summaries = await summariesByIds(
    db,
    now,
    picks.map((p) => p.article_id),
  )
  return summaries.slice(0, limit)
}

/**
 * The story at `slug` if readers may see it, with full authors, tags and lead photo; its details
 * are read alongside it when `likelyId` is given (see fullArticle).
 */
export async function visibleArticleBySlug(
  db: Db,
  now: Date,
  slug: string,
  likelyId?: number,
): Promise<Article | undefined> {
  return fullArticle(db, visibleArticles(db, now).where('a.slug', '=', slug), likelyId)
}

/** The story with this id whatever its status (what the newsroom sees after a save). */
export async function articleById(db: Db, id: number): Promise<Article | undefined> {
  return fullArticle(db, anyArticles(db).where('a.id', '=', id))
}

/**
 * The story `query` finds, with its authors, tags and notes. Given the id it will likely have,
 * those are read at the same time as the story rather than after it (on PostgreSQL a round trip
 * was a fifth of a story page's cache miss at 100,000 stories, issue 15); when the story turns
 * out to be another one, or none, the early reads are dropped.
 */
async function fullArticle(
  db: Db,
  query: ArticleQuery,
  likelyId?: number,
): Promise<Article | undefined> {
  const detailsOf = (id: number) =>
    Promise.all([fullAuthorsOf(db, id), tagsOf(db, id), notesOf(db, id)])
  const early = likelyId === undefined ? undefined : detailsOf(likelyId)
  // Not awaited when the guess was wrong.
  early?.catch(() => undefined)
  const row = await query
    .select([
      'a.status',
      'a.body_html',
      'a.word_count',
      'a.created_at',
      'a.modified_at',
      'a.seo_title',
      'a.seo_description',
    ])
    .executeTakeFirst()
  if (row === undefined) return undefined
  const [authors, tags, notes] =
    early !== undefined && row.id === likelyId ? await early : await detailsOf(row.id)
  const summary = summaryFromRow(row)
  return {
    ...summary,
    // Only unpublished stories lack a publication time; show them at their creation time.
    publishedAt: fromNullableDbTime(row.published_at) ?? fromDbTime(row.created_at),
    status: row.status,
    bodyHtml: row.body_html,
    wordCount: row.word_count,
    authors,
    tags,
    modifiedAt: fromDbTime(row.modified_at),
    notes,
    seoTitle: row.seo_title,
    seoDescription: row.seo_description,
  }
}

/** Where a former slug now lives, when that story is visible. */
export async function redirectTarget(
  db: Db,
  now: Date,
  oldSlug: string,
): Promise<{ slug: string; section: SectionRef } | undefined> {
  const row = await db
    .selectFrom('article_slug_redirects as r')
    .innerJoin('articles as a', 'a.id', 'r.article_id')
    .innerJoin('sections as s', 's.id', 'a.section_id')
    .select(['a.slug', 's.slug as section_slug', 's.name as section_name'])
    .where('r.old_slug', '=', oldSlug)
    .where(readerVisible('a', now))
    .executeTakeFirst()
  return row && { slug: row.slug, section: { slug: row.section_slug, name: row.section_name } }
}

/** Authors (with photos) of one story, in byline order. */
export async function fullAuthorsOf(db: Db, articleId: number): Promise<Author[]> {
  const rows = await db
    .selectFrom('article_authors as aa')
    .innerJoin('authors as au', 'au.id', 'aa.author_id')
    .leftJoin('photos as p', 'p.id', 'au.photo_id')
    .select([...AUTHOR_COLUMNS, ...PHOTO_COLUMNS])
    .where('aa.article_id', '=', articleId)
    .orderBy('aa.position')
    .execute()
  return rows.map(authorFromRow)
}

/** Tags of one story, by name. */
export async function tagsOf(db: Db, articleId: number): Promise<Tag[]> {
  return db
    .selectFrom('article_tags as at')
    .innerJoin('tags as t', 't.id', 'at.tag_id')
    .select(['t.id', 't.slug', 't.name'])
    .where('at.article_id', '=', articleId)
    .orderBy('t.name')
    .execute()
}

/** An author row with photo columns (joined as photo_*) as an Author. */
export function authorFromRow(
  row: PhotoColumns & {
    id: number
    slug: string
    name: string
    job_title: string
    bio: string
    email: string
  },
): Author {
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    jobTitle: row.job_title,
    bio: row.bio,
    email: row.email,
    photo: photoFromColumns(row),
  }
}

/** One query for the authors of all `rows`, then the summaries in the rows' order. */
export async function withAuthors(db: Db, rows: SummaryRow[]): Promise<ArticleSummary[]> {
  if (rows.length === 0) return []
  const authorRows = await db
    .selectFrom('article_authors as aa')
    .innerJoin('authors as au', 'au.id', 'aa.author_id')
    .select(['aa.article_id', 'au.id', 'au.slug', 'au.name', 'au.job_title'])
    .where(
      'aa.article_id',
      'in',
      rows.map((r) => r.id),
    )
    .orderBy('aa.article_id')
    .orderBy('aa.position')
    .execute()
  const byArticle = new Map<number, AuthorSummary[]>()
  for (const a of authorRows) {
    const list = byArticle.get(a.article_id) ?? []
    list.push({ id: a.id, slug: a.slug, name: a.name, jobTitle: a.job_title })
    byArticle.set(a.article_id, list)
  }
  return rows.map((row) => ({ ...summaryFromRow(row), authors: byArticle.get(row.id) ?? [] }))
}

function summaryFromRow(row: SummaryRow): Omit<ArticleSummary, 'authors'> {
  return {
    id: row.id,
    slug: row.slug,
    headline: row.headline,
    dek: row.dek,
    section: { slug: row.section_slug, name: row.section_name },
    // Visible rows always have a publication time; the fallback only satisfies the type.
    publishedAt: fromNullableDbTime(row.published_at) ?? new Date(0),
    updatedAt: fromNullableDbTime(row.updated_at),
    leadPhoto: photoFromColumns(row),
    label: row.label,
  }
}

function photoFromColumns(row: PhotoColumns): Photo | null {
  if (row.photo_id === null) return null
  return photoFromRow({
    id: row.photo_id,
    storage_key: row.photo_storage_key ?? '',
    mime_type: row.photo_mime_type ?? '',
    width: row.photo_width ?? 0,
    height: row.photo_height ?? 0,
    alt: row.photo_alt ?? '',
    caption: row.photo_caption ?? '',
    credit: row.photo_credit ?? '',
  })
}

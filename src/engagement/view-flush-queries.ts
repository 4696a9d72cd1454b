/** SQL of the view counter: batched bucket and co-read upserts, fresh totals and the day's salt. */

import { sql } from 'kysely'
import type { Db } from '../db/database.js'
import type { DbCount } from '../db/schema.js'
import { toDbTime, toNumber } from '../db/time-codec.js'
import { addToPlacementTotals } from './dashboard-rollups.js'

/** Views of one story in one hour. */
export interface BucketAdd {
  articleId: number
  /** The start of the UTC hour. */
  hour: Date
  views: number
}

/** Co-reads of one ordered pair of stories. */
export interface CoReadAdd {
  articleId: number
  otherArticleId: number
  reads: number
}

/** Counted views of one story on one UTC day from one referring host. */
export interface ReferrerAdd {
  articleId: number
  /** YYYY-MM-DD. */
  day: string
  host: string
  views: number
}

/** Readers of one story who went on to another story that UTC day. */
export interface ContinuationAdd {
  articleId: number
  day: string
  readers: number
}

/**
 * Rows per statement: well under SQLite's 32,766 bound parameters and PostgreSQL's 65,535 with
 * four columns, and small enough that one statement never holds locks for long.
 */
const CHUNK = 500

/** How addToBuckets writes. */
export interface BucketWriteOptions {
  /**
   * Share-lock the stories while their section and author rollups are added to (PostgreSQL:
   * a concurrent save that moves a story then waits; see dashboard-rollups). SQLite runs one
   * writer at a time and has no row locks.
   */
  lockStories?: boolean
}

/**
 * Adds every row to its bucket, one upsert per row (`views = views + excluded.views`, the same
 * SQL on both dialects), so concurrent processes add up. Rows must be sorted by (article, hour):
 * every process then locks rows in the same order and two flushes cannot deadlock. The site's,
 * sections' and authors' hourly rollups are added to in the same call (and so the caller's
 * transaction).
 */
export async function addToBuckets(
  db: Db,
  rows: readonly BucketAdd[],
  options: BucketWriteOptions = {},
): Promise<void> {
  for (let at = 0; at < rows.length; at += CHUNK) {
    const chunk = rows.slice(at, at + CHUNK)
    await db
      .insertInto('article_views_hourly')
      .values(
        chunk.map((r) => ({ article_id: r.articleId, hour: toDbTime(r.hour), views: r.views })),
      )
      .onConflict((oc) =>
        oc.columns(['article_id', 'hour']).doUpdateSet((eb) => ({
          views: eb('article_views_hourly.views', '+', eb.ref('excluded.views')),
        })),
      )
      .execute()
  }
  await addToSiteTotals(db, rows)
  await addToPlacementTotals(db, rows, options.lockStories ?? false)
}

/**
 * Adds the rows' views to the site's hourly totals (one row per hour, sorted, so concurrent
 * flushes lock them in the same order). Called by addToBuckets, so every writer keeps it.
 */
async function addToSiteTotals(db: Db, rows: readonly BucketAdd[]): Promise<void> {
  const perHour = new Map<number, number>()
  for (const r of rows) {
    const hour = r.hour.getTime()
    perHour.set(hour, (perHour.get(hour) ?? 0) + r.views)
  }
  const totals = [...perHour].sort((a, b) => a[0] - b[0])
  for (let at = 0; at < totals.length; at += CHUNK) {
    await db
      .insertInto('site_views_hourly')
      .values(
        totals
          .slice(at, at + CHUNK)
          .map(([hour, views]) => ({ hour: toDbTime(new Date(hour)), views })),
      )
      .onConflict((oc) =>
        oc.column('hour').doUpdateSet((eb) => ({
          views: eb('site_views_hourly.views', '+', eb.ref('excluded.views')),
        })),
      )
      .execute()
  }
}

/** Adds referring-host views (atomic upsert add; rows sorted by article, day, host). */
export async function addReferrers(db: Db, rows: readonly ReferrerAdd[]): Promise<void> {
  for (let at = 0; at < rows.length; at += CHUNK) {
    await db
      .insertInto('article_referrers_daily')
      .values(
        rows.slice(at, at + CHUNK).map((r) => ({
          article_id: r.articleId,
          day: r.day,
          host: r.host,
          views: r.views,
        })),
      )
      .onConflict((oc) =>
        oc.columns(['article_id', 'day', 'host']).doUpdateSet((eb) => ({
          views: eb('article_referrers_daily.views', '+', eb.ref('excluded.views')),
        })),
      )
      .execute()
  }
}

/** Adds readers who went on to another story (atomic upsert add; rows sorted by article, day). */
export async function addContinuations(db: Db, rows: readonly ContinuationAdd[]): Promise<void> {
  for (let at = 0; at < rows.length; at += CHUNK) {
    await db
      .insertInto('article_continuations_daily')
      .values(
        rows
          .slice(at, at + CHUNK)
          .map((r) => ({ article_id: r.articleId, day: r.day, readers: r.readers })),
      )
      .onConflict((oc) =>
        oc.columns(['article_id', 'day']).doUpdateSet((eb) => ({
          readers: eb('article_continuations_daily.readers', '+', eb.ref('excluded.readers')),
        })),
      )
      .execute()
  }
}

/** Adds every pair's reads (atomic upsert add, sorted rows as for buckets); `at` is the flush time. */
export async function addCoReads(db: Db, rows: readonly CoReadAdd[], at: Date): Promise<void> {
  const lastReadAt = toDbTime(at)
  for (let start = 0; start < rows.length; start += CHUNK) {
    const chunk = rows.slice(start, start + CHUNK)
    await db
      .insertInto('article_co_reads')
      .values(
        chunk.map((r) => ({
          article_id: r.articleId,
          other_article_id: r.otherArticleId,
          reads: r.reads,
          last_read_at: lastReadAt,
        })),
      )
      .onConflict((oc) =>
        oc.columns(['article_id', 'other_article_id']).doUpdateSet((eb) => ({
          reads: eb('article_co_reads.reads', '+', eb.ref('excluded.reads')),
          last_read_at: eb.ref('excluded.last_read_at'),
        })),
      )
      .execute()
  }
}

/**
 * Inserts the claims into view_readers; resolves with the ones this call inserted (the others
 * were counted already, by this process before a reset or by another). Claims must be distinct.
 */
export async function claimReaders<C extends ReaderClaimRow>(
  db: Db,
  claims: readonly C[],
): Promise<C[]> {
  const won: C[] = []
  // Sorted like the buckets: concurrent flushes take the key locks in one order.
  const sorted = [...claims].sort(
    (a, b) =>
      a.day.localeCompare(b.day) ||
      a.articleId - b.articleId ||
      (a.reader < b.reader ? -1 : a.reader > b.reader ? 1 : 0),
  )
  for (let at = 0; at < sorted.length; at += CHUNK) {
    const chunk = sorted.slice(at, at + CHUNK)
    const rows = await db
      .insertInto('view_readers')
      .values(
        chunk.map((c) => ({
          day: c.day,
          article_id: c.articleId,
          reader: c.reader,
          at_ms: c.atMs,
        })),
      )
      .onConflict((oc) => oc.columns(['day', 'article_id', 'reader']).doNothing())
      // As text: SQLite's driver would turn a 64-bit integer into an inexact JS number.
      .returning(['day', 'article_id', sql<string>`cast(reader as text)`.as('reader')])
      .execute()
    const inserted = new Set(rows.map((r) => `${r.day}|${r.article_id}|${r.reader}`))
    for (const claim of chunk)
      if (inserted.has(`${claim.day}|${claim.articleId}|${claim.reader}`)) won.push(claim)
  }
  return won
}

/** What claimReaders needs of a claim. */
export interface ReaderClaimRow {
  day: string
  articleId: number
  reader: string
  /** When the reader opened the story (kept for co-reads across processes). */
  atMs: number
}

/** Deletes the shared dedupe and address-cap rows of days before `day` (their salt is gone too). */
export async function deleteReadersBefore(db: Db, day: string): Promise<void> {
  await db.deleteFrom('view_readers').where('day', '<', day).execute()
  await db.deleteFrom('view_address_counts').where('day', '<', day).execute()
}

/** The ids among `ids` that are still stories. */
export async function existingArticles(db: Db, ids: readonly number[]): Promise<Set<number>> {
  const found = new Set<number>()
  for (let at = 0; at < ids.length; at += CHUNK) {
    const rows = await db
      .selectFrom('articles')
      .select('id')
      .where('id', 'in', ids.slice(at, at + CHUNK))
      .execute()
    for (const row of rows) found.add(row.id)
  }
  return found
}

/** The story's views as of the last flush: one indexed sum over its buckets. */
export async function totalViews(db: Db, articleId: number): Promise<number> {
  const row = await db
    .selectFrom('article_views_hourly')
    .select((eb) => eb.fn.sum<DbCount>('views').as('total'))
    .where('article_id', '=', articleId)
    .executeTakeFirst()
  return toNumber(row?.total)
}

/**
 * The salt of `day`: `candidate` if this process is the first to ask, else the one another
 * process stored (insert-if-absent, then read: every process ends up with the same salt).
 */
export async function daySalt(db: Db, day: string, candidate: string, now: Date): Promise<string> {
  await db
    .insertInto('view_salts')
    .values({ day, salt: candidate, created_at: toDbTime(now) })
    .onConflict((oc) => oc.column('day').doNothing())
    .execute()
  const row = await db
    .selectFrom('view_salts')
    .select('salt')
    .where('day', '=', day)
    .executeTakeFirstOrThrow()
  return row.salt
}

/** Deletes the salts of days before `day`, so no past visitor hash can be recomputed. */
export async function deleteSaltsBefore(db: Db, day: string): Promise<void> {
  await db.deleteFrom('view_salts').where('day', '<', day).execute()
}

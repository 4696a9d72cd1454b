/**
 * SQL of the shared flush beyond the dedupe itself: per-reader locks (PostgreSQL), the
 * per-address cap counted in view_address_counts, and a reader's latest stories of the day.
 */

import { sql } from 'kysely'
import type { Db } from '../db/database.js'

/** Rows (or array items) per statement, as in view-flush-queries. */
const CHUNK = 500

/**
 * The first key of the per-reader advisory locks ('MHVR'), so they cannot meet another
 * application's locks on the same database.
 */
const READER_LOCK_CLASS = 0x4d485652
/**
 * Readers are hashed to this many lock keys: a flush takes at most 256 entries of PostgreSQL's
 * shared lock table (64 × max_connections by default), however many readers it holds.
 */
const READER_LOCK_KEYS = 256

/**
 * PostgreSQL only: takes a transaction-scoped advisory lock for each reader of `readers` (signed
 * 64-bit decimals; readers share 256 keys), in ascending key order so two flushes can never
 * wait on each other in a circle. A second flush naming one of these readers waits for this
 * transaction's commit and then sees its view_readers rows: a reader's two stories flushed by
 * two processes at once are paired exactly once. Two busy flushes share some key and so run one
 * after the other, as the site's hourly total (one row both add to) already makes them do.
 */
export async function lockReaders(db: Db, readers: Iterable<string>): Promise<void> {
  const keys = new Set<number>()
  for (const reader of readers)
    keys.add(Number(BigInt.asUintN(64, BigInt(reader)) % BigInt(READER_LOCK_KEYS)))
  if (keys.size === 0) return
  const sorted = [...keys].sort((a, b) => a - b)
  // unnest yields the sorted array in order: the locks are taken in that order.
  await sql`select pg_advisory_xact_lock(${READER_LOCK_CLASS}, k)
    from unnest(${sorted}::int4[]) as t(k)`.execute(db)
}

/** Distinct readers one address wants to add to one story on one day, in this flush. */
export interface AddressQuotaAsk {
  day: string
  /** The daily address hash, a signed 64-bit decimal. */
  address: string
  articleId: number
  readers: number
}

/**
 * Takes up to `cap` readers a day for each (day, address, story) of `asks`, across every process:
 * resolves with how many of each ask's readers fit (same order as `asks`). The first statement
 * locks each count row (inserting it at 0 if new; PostgreSQL keeps the row lock until commit, and
 * a second flush asking for the same row waits, then reads the updated count), the second adds
 * what was granted. Rows are taken in (day, address, story) order, the same in every process.
 * Must run inside the flush's transaction.
 */
export async function takeAddressQuotas(
  db: Db,
  asks: readonly AddressQuotaAsk[],
  cap: number,
): Promise<number[]> {
  const order = asks
    .map((ask, index) => ({ ask, index }))
    .sort(
      (x, y) =>
        compare(x.ask.day, y.ask.day) ||
        compare(x.ask.address, y.ask.address) ||
        x.ask.articleId - y.ask.articleId,
    )
  const granted = new Array<number>(asks.length).fill(0)
  for (let at = 0; at < order.length; at += CHUNK) {
    const chunk = order.slice(at, at + CHUNK)
    const used = await db
      .insertInto('view_address_counts')
      .values(
        chunk.map(({ ask }) => ({
          day: ask.day,
          address: ask.address,
          article_id: ask.articleId,
          readers: 0,
        })),
      )
      // Updating the row to itself: a row lock on PostgreSQL, and the current count back.
      .onConflict((oc) =>
        oc.columns(['day', 'address', 'article_id']).doUpdateSet((eb) => ({
          readers: eb.ref('view_address_counts.readers'),
        })),
      )
      .returning(['day', sql<string>`cast(address as text)`.as('address'), 'article_id', 'readers'])
      .execute()
    const usedBy = new Map(used.map((r) => [`${r.day}|${r.address}|${r.article_id}`, r.readers]))
    const adds: AddressQuotaAsk[] = []
    for (const { ask, index } of chunk) {
      const before = usedBy.get(`${ask.day}|${ask.address}|${ask.articleId}`) ?? 0
      const fits = Math.max(0, Math.min(ask.readers, cap - before))
      granted[index] = fits
      if (fits > 0) adds.push({ ...ask, readers: fits })
    }
    if (adds.length === 0) continue
    await db
      .insertInto('view_address_counts')
      .values(
        adds.map((ask) => ({
          day: ask.day,
          address: ask.address,
          article_id: ask.articleId,
          readers: ask.readers,
        })),
      )
      .onConflict((oc) =>
        oc.columns(['day', 'address', 'article_id']).doUpdateSet((eb) => ({
          readers: eb('view_address_counts.readers', '+', eb.ref('excluded.readers')),
        })),
      )
      .execute()
  }
  return granted
}

/** One of a reader's stories of the day, as view_readers holds it. */
export interface ReaderRead {
  articleId: number
  atMs: number
}

/**
 * The latest `perReader` stories (by time read, then id) each of `readers` read on `day`, of
 * stories that still exist, latest first; what this transaction inserted is included.
 */
export async function latestReads(
  db: Db,
  day: string,
  readers: readonly string[],
  perReader: number,
): Promise<Map<string, ReaderRead[]>> {
  const byReader = new Map<string, ReaderRead[]>()
  for (let at = 0; at < readers.length; at += CHUNK) {
    const ranked = db
      .selectFrom('view_readers as r')
      .innerJoin('articles as a', 'a.id', 'r.article_id')
      .select([
        // As text: SQLite's driver would turn a 64-bit integer into an inexact JS number.
        sql<string>`cast(r.reader as text)`.as('reader'),
        'r.article_id',
        'r.at_ms',
        sql<number>`row_number() over (partition by r.reader order by r.at_ms desc, r.article_id desc)`.as(
          'rank',
        ),
      ])
      .where('r.day', '=', day)
      .where('r.reader', 'in', readers.slice(at, at + CHUNK))
    const rows = await db
      .selectFrom(ranked.as('x'))
      .select(['reader', 'article_id', 'at_ms'])
      .where('rank', '<=', perReader)
      .orderBy('reader')
      .orderBy('at_ms', 'desc')
      .orderBy('article_id', 'desc')
      .execute()
    for (const row of rows) {
      let list = byReader.get(row.reader)
      if (list === undefined) byReader.set(row.reader, (list = []))
      list.push({ articleId: row.article_id, atMs: Number(row.at_ms) })
    }
  }
  return byReader
}

/** Code-unit order (the same in every process, unlike localeCompare). */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

/**
 * The shared flush (several processes on one database): readers claimed in view_readers, the
 * per-address cap taken from view_address_counts, co-reads and continuations derived from the
 * shared rows, and the views added to the buckets, all in one transaction.
 */

import type { Db } from '../db/database.js'
import { classifyDbError } from '../db/dialect/classify-db-error.js'
import { type AddedRead, readingLinks } from './co-read-rules.js'
import { CO_READ_DEPTH } from './daily-readers.js'
import {
  type AddressQuotaAsk,
  latestReads,
  lockReaders,
  takeAddressQuotas,
} from './view-claim-queries.js'
import {
  addContinuations,
  addCoReads,
  addReferrers,
  addToBuckets,
  type BucketWriteOptions,
  claimReaders,
  existingArticles,
} from './view-flush-queries.js'
import { type FlushOutcome, PendingCounts, type ReaderClaim } from './view-flush.js'

/** How the shared flush writes. */
export interface ClaimWriteOptions extends BucketWriteOptions {
  /** Distinct readers one address may add to one story a day, across processes (0 = no cap). */
  perAddressPerStory?: number
  /** Take a per-reader advisory lock first (PostgreSQL; SQLite has one writer at a time). */
  lockReaders?: boolean
}

/** What a shared flush wrote; `overCap` claims were new readers the address cap refused. */
export interface ClaimOutcome extends FlushOutcome {
  overCap: number
}

/**
 * The shared dedupe's flush. In one transaction: (PostgreSQL) lock the batch's readers; insert
 * the claims into view_readers (the first insert wins: another process may have counted the
 * reader already); take the won claims' places under their address's daily cap; pair each
 * counted story with the reader's latest stories in view_readers (whichever process served
 * them) and record who went on to another story; add the counted views to the buckets. A failed
 * flush claims nothing, and its retry counts exactly as the first attempt would have. When a
 * story was deleted meanwhile, its rows are dropped and the rest is written once more.
 */
export async function writeClaimedBatch(
  db: Db,
  batch: PendingCounts,
  at: Date,
  options: ClaimWriteOptions = {},
): Promise<ClaimOutcome> {
  const write = async (counts: PendingCounts): Promise<ClaimOutcome> => {
    let outcome: ClaimOutcome = { buckets: 0, coReads: 0, dropped: 0, overCap: 0 }
    await db.transaction().execute(async (trx) => {
      const claims = counts.claims()
      const readers = claims.map((c) => c.reader)
      if (options.lockReaders === true) await lockReaders(trx, readers)
      const won = await claimReaders(trx, claims)
      const counted = await underAddressCap(trx, won, options.perAddressPerStory ?? 0)
      // Everything the batch holds besides its claims, then what the claims came to.
      const out = new PendingCounts()
      out.absorb(counts)
      for (const claim of counted) out.addView(claim.articleId, claim.atMs)
      // Referrers are recorded with the reader's first view in this process, unless the cap
      // refused it: a reader another process counted first is still one visit from somewhere.
      const refused = new Set(won.filter((c) => !counted.has(c)))
      for (const claim of claims) {
        if (claim.referrer !== undefined && !refused.has(claim))
          out.addReferrer(claim.articleId, claim.atMs, claim.referrer)
      }
      await addLinks(trx, out, won, counted)
      const buckets = out.bucketRows()
      const coReads = out.coReadRows()
      await addToBuckets(trx, buckets, options)
      await addCoReads(trx, coReads, at)
      await addReferrers(trx, out.referrerRows())
      await addContinuations(trx, out.continuationRows())
      outcome = {
        buckets: buckets.length,
        coReads: coReads.length,
        dropped: 0,
        overCap: refused.size,
      }
    })
    return outcome
  }
  try {
    return await write(batch)
  } catch (error) {
    if (classifyDbError(error) !== 'foreign_key') throw error
  }
  const ids = batch.articleIds()
  const live = await existingArticles(db, [...ids])
  const outcome = await write(batch.only(live))
  return { ...outcome, dropped: [...ids].filter((id) => !live.has(id)).length }
}

/** The won claims that fit under their address's cap for the story today (the earliest first). */
async function underAddressCap(
  db: Db,
  won: readonly ReaderClaim[],
  cap: number,
): Promise<Set<ReaderClaim>> {
  if (cap === 0) return new Set(won)
  const groups = new Map<string, ReaderClaim[]>()
  for (const claim of won) {
    const key = `${claim.day}|${claim.address}|${claim.articleId}`
    const group = groups.get(key)
    if (group === undefined) groups.set(key, [claim])
    else group.push(claim)
  }
  const lists = [...groups.values()]
  const asks: AddressQuotaAsk[] = lists.map((list) => ({
    day: list[0]?.day ?? '',
    address: list[0]?.address ?? '0',
    articleId: list[0]?.articleId ?? 0,
    readers: list.length,
  }))
  const granted = await takeAddressQuotas(db, asks, cap)
  const counted = new Set<ReaderClaim>()
  lists.forEach((list, index) => {
    const fits = granted[index] ?? 0
    const earliest = [...list].sort((a, b) => a.atMs - b.atMs).slice(0, fits)
    for (const claim of earliest) counted.add(claim)
  })
  return counted
}

/**
 * Adds to `out` the co-reads and continuations of the won claims, from each reader's latest
 * stories of the day in view_readers (this transaction's inserts included, and told apart).
 */
async function addLinks(
  db: Db,
  out: PendingCounts,
  won: readonly ReaderClaim[],
  counted: ReadonlySet<ReaderClaim>,
): Promise<void> {
  const byDay = new Map<string, Map<string, ReaderClaim[]>>()
  for (const claim of won) {
    let readers = byDay.get(claim.day)
    if (readers === undefined) byDay.set(claim.day, (readers = new Map<string, ReaderClaim[]>()))
    const list = readers.get(claim.reader)
    if (list === undefined) readers.set(claim.reader, [claim])
    else list.push(claim)
  }
  for (const [day, readers] of byDay) {
    // Enough rows that the latest CO_READ_DEPTH earlier ones remain once this flush's are set apart.
    let most = 0
    for (const list of readers.values()) most = Math.max(most, list.length)
    const latest = await latestReads(db, day, [...readers.keys()], CO_READ_DEPTH + most)
    for (const [reader, claims] of readers) {
      const mine = new Set(claims.map((c) => c.articleId))
      const earlier = (latest.get(reader) ?? []).filter((read) => !mine.has(read.articleId))
      const added: AddedRead[] = claims.map((c) => ({
        articleId: c.articleId,
        atMs: c.atMs,
        counted: counted.has(c),
      }))
      const links = readingLinks(earlier, added)
      for (const [a, b] of links.pairs) {
        out.addCoRead(a, b)
        out.addCoRead(b, a)
      }
      for (const c of links.continuations) out.addContinuation(c.articleId, c.atMs)
    }
  }
}

/** Pending view and co-read counts in memory, and their batched flush into the database. */

import type { Db } from '../db/database.js'
import { classifyDbError } from '../db/dialect/classify-db-error.js'
import {
  type BucketAdd,
  type CoReadAdd,
  type ContinuationAdd,
  type ReferrerAdd,
  addContinuations,
  addCoReads,
  addReferrers,
  addToBuckets,
  type BucketWriteOptions,
} from './view-flush-queries.js'

const HOUR_MS = 3_600_000
const DAY_MS = 24 * HOUR_MS
/** 2^26: pair keys stay below 2^52, exact in a double. */
const PAIR_BASE = 67_108_864

/** Counts waiting for the next flush: views per hour per story, reads per ordered story pair. */
export class PendingCounts {
  /** hour index (ms / HOUR_MS) → article id → views. */
  private views = new Map<number, Map<number, number>>()
  /**
   * Reads per ordered pair, keyed articleId × 2^26 + otherArticleId (one flat Map: a nested one
   * cost three lookups a pair); ids past 2^26 (67 million) go to `wideCoReads`.
   */
  private coReads = new Map<number, number>()
  private wideCoReads = new Map<string, number>()
  /** Views per "articleId day host" (day: the UTC day index, ms / DAY_MS). */
  private referrers = new Map<string, number>()
  /** Readers who went on to another story, per "articleId day". */
  private continuations = new Map<string, number>()
  // The current hour's map, so the hot path does one Map lookup, not two.
  private hour = -1
  private hourViews: Map<number, number> | undefined
  private total = 0
  /**
   * Shared dedupe (PostgreSQL): readers new to this process, keyed day|article|reader. Each is a
   * view only if its row in view_readers is inserted by this flush, not another process's.
   */
  private claimed = new Map<string, ReaderClaim>()

  /** Adds `views` to `articleId` in the hour containing `atMs`. */
  addView(articleId: number, atMs: number, views = 1): void {
    const hour = Math.floor(atMs / HOUR_MS)
    let map = this.hourViews
    if (hour !== this.hour || map === undefined) {
      map = this.views.get(hour)
      if (map === undefined) {
        map = new Map()
        this.views.set(hour, map)
      }
      this.hour = hour
      this.hourViews = map
    }
    map.set(articleId, (map.get(articleId) ?? 0) + views)
    this.total += views
  }

  /** Adds `reads` to the ordered pair (articleId, otherArticleId). */
  addCoRead(articleId: number, otherArticleId: number, reads = 1): void {
    if (articleId < PAIR_BASE && otherArticleId < PAIR_BASE) {
      const key = articleId * PAIR_BASE + otherArticleId
      this.coReads.set(key, (this.coReads.get(key) ?? 0) + reads)
    } else {
      const key = `${articleId}:${otherArticleId}`
      this.wideCoReads.set(key, (this.wideCoReads.get(key) ?? 0) + reads)
    }
  }

  /** A view to count only if no other process counted this reader for this story today. */
  addClaim(claim: ReaderClaim): void {
    const key = `${claim.day}|${claim.articleId}|${claim.reader}`
    if (!this.claimed.has(key)) this.claimed.set(key, claim)
  }

  /** The claims waiting (each names a day, a story and a reader once). */
  claims(): ReaderClaim[] {
    return [...this.claimed.values()]
  }

  /** Adds `views` from referring `host` (a lower-case host name) to `articleId` on the day of `atMs`. */
  addReferrer(articleId: number, atMs: number, host: string, views = 1): void {
    const key = `${articleId} ${Math.floor(atMs / DAY_MS)} ${host}`
    this.referrers.set(key, (this.referrers.get(key) ?? 0) + views)
  }

  /** Adds `readers` who went on from `articleId` to another story on the day of `atMs`. */
  addContinuation(articleId: number, atMs: number, readers = 1): void {
    const key = `${articleId} ${Math.floor(atMs / DAY_MS)}`
    this.continuations.set(key, (this.continuations.get(key) ?? 0) + readers)
  }

  /** Views waiting (all stories, all hours), claims included. */
  get pendingViews(): number {
    return this.total + this.claimed.size
  }

  get isEmpty(): boolean {
    return (
      this.views.size === 0 &&
      this.coReads.size === 0 &&
      this.wideCoReads.size === 0 &&
      this.claimed.size === 0 &&
      this.referrers.size === 0 &&
      this.continuations.size === 0
    )
  }

  /** Adds everything `other` holds (a failed flush's counts coming back). */
  absorb(other: PendingCounts): void {
    for (const [hour, map] of other.views) {
      for (const [articleId, views] of map) this.addView(articleId, hour * HOUR_MS, views)
    }
    for (const row of other.coReadRows())
      this.addCoRead(row.articleId, row.otherArticleId, row.reads)
    for (const claim of other.claimed.values()) this.addClaim(claim)
    for (const [key, views] of other.referrers)
      this.referrers.set(key, (this.referrers.get(key) ?? 0) + views)
    for (const [key, readers] of other.continuations)
      this.continuations.set(key, (this.continuations.get(key) ?? 0) + readers)
  }

  /** A copy without the rows of stories not in `keep` (a flush after some were deleted). */
  only(keep: ReadonlySet<number>): PendingCounts {
    const copy = new PendingCounts()
    for (const [hour, map] of this.views) {
      for (const [articleId, views] of map)
        if (keep.has(articleId)) copy.addView(articleId, hour * HOUR_MS, views)
    }
    for (const row of this.coReadRows()) {
      if (keep.has(row.articleId) && keep.has(row.otherArticleId))
        copy.addCoRead(row.articleId, row.otherArticleId, row.reads)
    }
    for (const claim of this.claimed.values()) if (keep.has(claim.articleId)) copy.addClaim(claim)
    for (const [key, views] of this.referrers)
      if (keep.has(Number(key.split(' ')[0]))) copy.referrers.set(key, views)
    for (const [key, readers] of this.continuations)
      if (keep.has(Number(key.split(' ')[0]))) copy.continuations.set(key, readers)
    return copy
  }

  /** Every story id the counts name. */
  articleIds(): Set<number> {
    const ids = new Set<number>()
    for (const map of this.views.values()) for (const id of map.keys()) ids.add(id)
    for (const row of this.coReadRows()) ids.add(row.articleId).add(row.otherArticleId)
    for (const claim of this.claimed.values()) ids.add(claim.articleId)
    for (const key of this.referrers.keys()) ids.add(Number(key.split(' ')[0]))
    for (const key of this.continuations.keys()) ids.add(Number(key.split(' ')[0]))
    return ids
  }

  /** Bucket rows sorted by (article, hour), the lock order every process shares. */
  bucketRows(): BucketAdd[] {
    const rows: BucketAdd[] = []
    for (const [hour, map] of this.views) {
      for (const [articleId, views] of map) {
        rows.push({ articleId, hour: new Date(hour * HOUR_MS), views })
      }
    }
    return rows.sort((a, b) => a.articleId - b.articleId || a.hour.getTime() - b.hour.getTime())
  }

  /** Co-read rows sorted by (article, other article). */
  coReadRows(): CoReadAdd[] {
    const rows: CoReadAdd[] = []
    for (const [key, reads] of this.coReads) {
      const articleId = Math.floor(key / PAIR_BASE)
      rows.push({ articleId, otherArticleId: key - articleId * PAIR_BASE, reads })
    }
    for (const [key, reads] of this.wideCoReads) {
      const [articleId = 0, otherArticleId = 0] = key.split(':').map(Number)
      rows.push({ articleId, otherArticleId, reads })
    }
    return rows.sort((a, b) => a.articleId - b.articleId || a.otherArticleId - b.otherArticleId)
  }

  /** Referrer rows sorted by (article, day, host). */
  referrerRows(): ReferrerAdd[] {
    const rows: ReferrerAdd[] = []
    for (const [key, views] of this.referrers) {
      const [id = '0', day = '0', host = ''] = key.split(' ')
      rows.push({ articleId: Number(id), day: dayOf(Number(day)), host, views })
    }
    return rows.sort(
      (a, b) => a.articleId - b.articleId || compare(a.day, b.day) || compare(a.host, b.host),
    )
  }

  /** Continuation rows sorted by (article, day). */
  continuationRows(): ContinuationAdd[] {
    const rows: ContinuationAdd[] = []
    for (const [key, readers] of this.continuations) {
      const [id = '0', day = '0'] = key.split(' ')
      rows.push({ articleId: Number(id), day: dayOf(Number(day)), readers })
    }
    return rows.sort((a, b) => a.articleId - b.articleId || compare(a.day, b.day))
  }
}

/** YYYY-MM-DD of a UTC day index. */
function dayOf(index: number): string {
  return new Date(index * DAY_MS).toISOString().slice(0, 10)
}

/** Code-unit order (the same in every process, unlike localeCompare). */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

/** A reader new to a story in this process (the shared dedupe decides whether it is a view). */
export interface ReaderClaim {
  /** The UTC day, YYYY-MM-DD. */
  day: string
  articleId: number
  /** The daily visitor hash, a signed 64-bit decimal. */
  reader: string
  atMs: number
  /** The daily address hash (a signed 64-bit decimal), for the per-address cap. */
  address: string
  /** The referring host of the reader's first view in this process, if any. */
  referrer?: string
}

/** What a flush wrote, and what it had to drop because the story no longer exists. */
export interface FlushOutcome {
  buckets: number
  coReads: number
  /** Rows of deleted stories (foreign-key violations), dropped rather than retried forever. */
  dropped: number
}

/**
 * Writes `batch` (plain views; claims go through view-claims' writeClaimedBatch) in one
 * transaction (all or nothing, so a retry never adds twice). When a story was deleted
 * meanwhile, the transaction fails on its foreign key: the rows are then written one by one and
 * only the deleted stories' rows are dropped. Any other failure throws, and the caller keeps the
 * batch for the next flush.
 */
export async function writeBatch(
  db: Db,
  batch: PendingCounts,
  at: Date,
  options: BucketWriteOptions = {},
): Promise<FlushOutcome> {
  const buckets = batch.bucketRows()
  const coReads = batch.coReadRows()
  const referrers = batch.referrerRows()
  const continuations = batch.continuationRows()
  try {
    await db.transaction().execute(async (trx) => {
      await addToBuckets(trx, buckets, options)
      await addCoReads(trx, coReads, at)
      await addReferrers(trx, referrers)
      await addContinuations(trx, continuations)
    })
    return { buckets: buckets.length, coReads: coReads.length, dropped: 0 }
  } catch (error) {
    if (classifyDbError(error) !== 'foreign_key') throw error
  }
  return writeRowByRow(db, { buckets, coReads, referrers, continuations }, at, options)
}

/** A batch's rows, each kind sorted in the lock order. */
interface BatchRows {
  buckets: readonly BucketAdd[]
  coReads: readonly CoReadAdd[]
  referrers: readonly ReferrerAdd[]
  continuations: readonly ContinuationAdd[]
}

/** The slow path after a foreign-key failure; rows left unwritten by another error are re-thrown. */
async function writeRowByRow(
  db: Db,
  rows: BatchRows,
  at: Date,
  options: BucketWriteOptions,
): Promise<FlushOutcome> {
  const { buckets, coReads, referrers, continuations } = rows
  const outcome: FlushOutcome = { buckets: 0, coReads: 0, dropped: 0 }
  const left = new PendingCounts()
  let failure: unknown
  const attempt = async (write: () => Promise<void>, keep: () => void): Promise<boolean> => {
    if (failure !== undefined) {
      keep()
      return false
    }
    try {
      await write()
      return true
    } catch (error) {
      if (classifyDbError(error) === 'foreign_key') {
        outcome.dropped += 1
        return false
      }
      failure = error
      keep()
      return false
    }
  }
  for (const row of buckets) {
    const keep = (): void => left.addView(row.articleId, row.hour.getTime(), row.views)
    // Each row in a transaction of its own: its rollups must not outlive a failed bucket.
    const write = (): Promise<void> =>
      db.transaction().execute((trx) => addToBuckets(trx, [row], options))
    if (await attempt(write, keep)) outcome.buckets += 1
  }
  for (const row of coReads) {
    const keep = (): void => left.addCoRead(row.articleId, row.otherArticleId, row.reads)
    if (await attempt(() => addCoReads(db, [row], at), keep)) outcome.coReads += 1
  }
  // Referrers and continuations are not counted in the outcome: they follow their views.
  for (const row of referrers) {
    const keep = (): void =>
      left.addReferrer(row.articleId, Date.parse(row.day), row.host, row.views)
    await attempt(() => addReferrers(db, [row]), keep)
  }
  for (const row of continuations) {
    const keep = (): void => left.addContinuation(row.articleId, Date.parse(row.day), row.readers)
    await attempt(() => addContinuations(db, [row]), keep)
  }
  if (failure !== undefined) throw new PartialFlushError(left, failure)
  return outcome
}

/** A row-by-row flush stopped part-way; `unwritten` holds what must be retried. */
export class PartialFlushError extends Error {
  constructor(
    readonly unwritten: PendingCounts,
    cause: unknown,
  ) {
    super('the view flush stopped part-way', { cause })
    this.name = 'PartialFlushError'
  }
}

/**
 * The view counter: filters readers, dedupes them per UTC day by a salted hash, counts in memory
 * and flushes to the hourly buckets (and co-reads) when asked (the flush-views job). Counting
 * never waits on the database; with shared readers the flush settles, across processes, who
 * counts (view-claims).
 */

import type { Db } from '../db/database.js'
import type { Logger } from '../infra/logger.js'
import type { Clock } from '../lib/clock.js'
import { utcDay } from '../lib/iso-time.js'
import {
  AddressQuotas,
  DailyReaders,
  type DailyReadersLimits,
  DEFAULT_LIMITS,
} from './daily-readers.js'
import { referrerHost } from './referrer-host.js'
import { isBotAgent, userAgentOf, verdictBesidesAgent, type ViewRequest } from './reader-filter.js'
import {
  daySalt,
  deleteReadersBefore,
  deleteSaltsBefore,
  totalViews,
} from './view-flush-queries.js'
import { writeClaimedBatch } from './view-claims.js'
import { PartialFlushError, PendingCounts, writeBatch } from './view-flush.js'
import {
  addressHash,
  agentHashState,
  finishVisitorHash,
  newSalt,
  type SaltSeeds,
  saltSeeds,
} from './visitor-hash.js'

/** A flush slower than this is logged (see flushOnce). */
const SLOW_FLUSH_MS = 1000
/**
 * What became of one request: counted, a repeat today, not a reader, over its address's daily
 * cap for the story, or held for the day's salt.
 */
export type ViewVerdict = 'counted' | 'repeat' | 'not-a-reader' | 'over-cap' | 'queued'

export interface ViewCounterDeps {
  db: Db
  clock: Clock
  logger: Logger
  /** Caps of the daily dedupe memory (tests lower them). */
  limits?: DailyReadersLimits
  /**
   * Distinct readers one address (IPv4, IPv6 /64) may add to one story a day (default 20,
   * MASTHEAD_VIEWS_PER_ADDRESS_PER_STORY; 0 = no cap).
   */
  perAddressPerStory?: number
  /**
   * Several processes on one database (PostgreSQL): a reader new to a story in this process is
   * a view only once view_readers says no process counted them today and view_address_counts
   * has room under the address's cap (checked at the flush); co-reads and continuations are
   * then derived from view_readers, so they hold across processes too (decision 0030).
   */
  sharedReaders?: boolean
  /**
   * The database has row locks (PostgreSQL): a flush share-locks the stories it adds views to,
   * so a save moving one of them to another section or byline cannot race it (decision 0029),
   * and locks its readers, so two processes never pair one reader's stories twice or not at all.
   */
  rowLocks?: boolean
}

/** Figures for logs and the benchmark. */
export interface ViewCounterStats {
  counted: number
  repeats: number
  ignored: number
  /**
   * New readers not counted because their address reached its cap for the story (in this
   * process's memory, or across processes at the flush).
   */
  overCap: number
  pendingViews: number
  readers: number
  pairs: number
  dedupeBytes: number
  dedupeResets: number
}

export interface ViewCounter {
  /** Counts one request for story `articleId` (synchronous, never throws, never touches the database). */
  count(articleId: number, request: ViewRequest): ViewVerdict
  /** Writes pending counts now (after loading the day's salt if views wait for it). */
  flush(): Promise<void>
  /** Loads the current UTC day's salt now (and deletes older ones), so no reader waits for it. */
  openDay(): Promise<void>
  /** The story's views as of the last flush. */
  total(articleId: number): Promise<number>
  stats(): ViewCounterStats
  /** Flushes what is pending and stops counting; a failure is thrown. */
  close(): Promise<void>
}

/** The day the counter is counting: its bounds, salt seeds and dedupe memory. */
interface Today {
  day: string
  startMs: number
  endMs: number
  seeds: SaltSeeds
  readers: DailyReaders
  /** Readers each address added to each story today. */
  quotas: AddressQuotas
  /** Per distinct user agent: whether it is a bot, and the hash state after it (salted). */
  agents: Map<string, AgentMemo>
}

/** What a user agent contributes, worked out once per agent and day (the pattern and hash half). */
interface AgentMemo {
  bot: boolean
  h1: number
  h2: number
}

/** A request that arrived before its day's salt was loaded (kept in memory for milliseconds). */
interface Waiting {
  articleId: number
  address: string
  userAgent: string
  atMs: number
  referrer: string | undefined
}

const DAY_MS = 86_400_000
/** Requests held while the day's salt loads; past this the oldest are dropped (and logged). */
const MAX_WAITING = 100_000
/** Distinct user agents remembered per day (a few thousand are usual); past this, start over. */
const MAX_AGENTS = 20_000

/**
 * Creates the counter; it touches the database only when flushing or opening a day.
 * @example const counter = createViewCounter({ db, clock, logger }); counter.count(42, request)
 */
export function createViewCounter({
  db,
  clock,
  logger,
  limits = DEFAULT_LIMITS,
  perAddressPerStory = 20,
  sharedReaders = false,
  rowLocks = false,
}: ViewCounterDeps): ViewCounter {
  let today: Today | undefined
  let loadingDay: Promise<void> | undefined
  let waiting: Waiting[] = []
  let droppedWaiting = 0
  let pending = new PendingCounts()
  let flushing: Promise<void> | undefined
  let closed = false
  const hash = new Uint32Array(2)
  const totals = { counted: 0, repeats: 0, ignored: 0, overCap: 0 }

  const agentMemo = (day: Today, agent: string): AgentMemo => {
    let memo = day.agents.get(agent)
    if (memo === undefined) {
      if (day.agents.size >= MAX_AGENTS) day.agents.clear()
      agentHashState(day.seeds, agent, hash)
      memo = { bot: isBotAgent(agent), h1: hash[0] ?? 0, h2: hash[1] ?? 0 }
      day.agents.set(agent, memo)
    }
    return memo
  }

  const tally = (
    day: Today,
    articleId: number,
    address: string,
    agent: string,
    at: number,
    referrer: string | undefined,
  ) => {
    const memo = agentMemo(day, agent)
    if (memo.bot) {
      totals.ignored += 1
      return 'not-a-reader' as const
    }
    finishVisitorHash(day.seeds, memo.h1, memo.h2, address, hash)
    const readerHi = hash[0] ?? 0
    const readerLo = hash[1] ?? 0
    const visit = day.readers.record(readerHi, readerLo, articleId)
    if (!visit.counted) {
      totals.repeats += 1
      return 'repeat' as const
    }
    // Only a reader new to the story reaches here: repeats (most requests) skip the address hash.
    addressHash(day.seeds, address, hash)
    if (!day.quotas.admit(hash[0] ?? 0, hash[1] ?? 0, articleId)) {
      totals.overCap += 1
      return 'over-cap' as const
    }
    totals.counted += 1
    // Only counted views reach here, so parsing the referrer costs nothing on repeats.
    const host = referrerHost(referrer)
    if (sharedReaders) {
      // New to this process; the flush asks whether it is new to every process, whether the
      // address has room under its cap across processes, and pairs it with the reader's
      // stories in view_readers (whichever process served them).
      pending.addClaim({
        day: day.day,
        articleId,
        reader: readerKey(readerHi, readerLo),
        atMs: at,
        address: readerKey(hash[0] ?? 0, hash[1] ?? 0),
        ...(host === undefined ? {} : { referrer: host }),
      })
      return 'counted' as const
    }
    pending.addView(articleId, at)
    if (host !== undefined) pending.addReferrer(articleId, at, host)
    // The reader's previous story today (partners are oldest first) led on to this one.
    if (visit.partnerCount > 0)
      pending.addContinuation(visit.partners[visit.partnerCount - 1] ?? 0, at)
    for (let i = 0; i < visit.partnerCount; i++) {
      const earlier = visit.partners[i] ?? 0
      pending.addCoRead(earlier, articleId)
      pending.addCoRead(articleId, earlier)
    }
    return 'counted' as const
  }

  /** Makes sure the salt of the current UTC day is loaded (shared through view_salts). */
  const ensureDay = (nowMs: number): Promise<void> => {
    if (today !== undefined && nowMs >= today.startMs && nowMs < today.endMs) {
      return Promise.resolve()
    }
    return (loadingDay ??= loadDay(nowMs).finally(() => {
      loadingDay = undefined
    }))
  }

  const loadDay = async (nowMs: number): Promise<void> => {
    const now = new Date(nowMs)
    const day = utcDay(now)
    const salt = await daySalt(db, day, newSalt(), now)
    await deleteSaltsBefore(db, day)
    if (sharedReaders) await deleteReadersBefore(db, day)
    const startMs = Math.floor(nowMs / DAY_MS) * DAY_MS
    // Yesterday's hashes and dedupe memory go with its salt.
    today = {
      day,
      startMs,
      endMs: startMs + DAY_MS,
      seeds: saltSeeds(day, salt),
      readers: new DailyReaders(limits),
      quotas: new AddressQuotas(perAddressPerStory),
      agents: new Map(),
    }
    const held = waiting
    waiting = []
    for (const w of held) tally(today, w.articleId, w.address, w.userAgent, w.atMs, w.referrer)
  }

  const wait = (
    articleId: number,
    address: string,
    userAgent: string,
    atMs: number,
    referrer: string | undefined,
  ): void => {
    if (waiting.length >= MAX_WAITING) {
      waiting.shift()
      droppedWaiting += 1
    }
    waiting.push({ articleId, address, userAgent, atMs, referrer })
    ensureDay(atMs).catch((error: unknown) => {
      logger.error({ err: error }, 'view counter: loading the day salt failed; views wait')
    })
  }

  const flushOnce = async (): Promise<void> => {
    // Views held for the day's salt are tallied once it is loaded; without any, the flush
    // needs no salt (a command that never counted never writes one).
    if (waiting.length > 0) await ensureDay(clock.now().getTime())
    if (droppedWaiting > 0) {
      logger.warn({ dropped: droppedWaiting }, 'view counter: views dropped waiting for a salt')
      droppedWaiting = 0
    }
    if (pending.isEmpty) return
    const batch = pending
    pending = new PendingCounts()
    const started = performance.now()
    try {
      const outcome =
        batch.claims().length > 0
          ? await writeClaimedBatch(db, batch, clock.now(), {
              lockStories: rowLocks,
              lockReaders: rowLocks,
              perAddressPerStory,
            })
          : { ...(await writeBatch(db, batch, clock.now(), { lockStories: rowLocks })), overCap: 0 }
      // Refused at the flush: the address reached its cap through other processes.
      totals.counted -= outcome.overCap
      totals.overCap += outcome.overCap
      if (outcome.dropped > 0) {
        logger.warn({ dropped: outcome.dropped }, 'view counter: rows of deleted stories dropped')
      }
      // Views wait in memory while a flush runs: a crash meanwhile loses them (the soak once
      // lost 6 s of them), so a slow flush is worth an operator's eye.
      const tookMs = Math.round(performance.now() - started)
      if (tookMs > SLOW_FLUSH_MS)
        logger.warn(
          { tookMs, buckets: outcome.buckets, claims: batch.claims().length },
          'view counter: a flush took over a second; views counted meanwhile wait in memory',
        )
    } catch (error) {
      // Never drop counts: what was not written goes back for the next flush.
      pending.absorb(error instanceof PartialFlushError ? error.unwritten : batch)
      throw error
    }
  }

  const flush = (): Promise<void> =>
    (flushing ??= flushOnce().finally(() => {
      flushing = undefined
    }))

  return {
    count: (articleId, request) => {
      if (closed || verdictBesidesAgent(request) !== 'reader') {
        totals.ignored += 1
        return 'not-a-reader'
      }
      const atMs = clock.nowMs()
      const agent = userAgentOf(request)
      const referrer = request.referrer ?? firstHeader(request.headers.referer)
      const day = today
      if (day === undefined || atMs < day.startMs || atMs >= day.endMs) {
        if (isBotAgent(agent)) {
          totals.ignored += 1
          return 'not-a-reader'
        }
        wait(articleId, request.address, agent, atMs, referrer)
        return 'queued'
      }
      return tally(day, articleId, request.address, agent, atMs, referrer)
    },
    flush: async () => {
      // A flush already running may have started before the latest counts: run one more.
      await flushing?.catch(() => undefined)
      await flush()
    },
    openDay: () => ensureDay(clock.now().getTime()),
    total: (articleId) => totalViews(db, articleId),
    stats: () => {
      const counts = today?.readers.counts
      return {
        ...totals,
        pendingViews: pending.pendingViews,
        readers: counts?.readers ?? 0,
        pairs: counts?.pairs ?? 0,
        dedupeBytes: today?.readers.bytes() ?? 0,
        dedupeResets: today?.readers.resetCount ?? 0,
      }
    },
    close: async () => {
      await flushing?.catch(() => undefined)
      await flush()
      closed = true
    },
  }
}

/** The 64-bit visitor hash (hi, lo) as the signed decimal a bigint column holds. */
export function readerKey(hi: number, lo: number): string {
  return BigInt.asIntN(64, (BigInt(hi >>> 0) << 32n) | BigInt(lo >>> 0)).toString()
}

/** A header's value (the first, when Node gives an array). */
function firstHeader(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value
}

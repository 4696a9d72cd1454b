/**
 * The in-memory rankings: Popular Now, Weekly Best, each section's latest stories and
 * the Must-Reads, recomputed in the background from the shared buckets and swapped in whole.
 */

import type { Db } from '../db/database.js'
import type { Clock } from '../lib/clock.js'
import { startOfHour } from '../lib/iso-time.js'
import type { Newsroom } from '../newsroom/index.js'
import type { RankedEntry, RankedStory } from './engagement.js'
import { RANKED_KEEP, WEEK_HOURS } from './ranking-rules.js'
import type { StoryCatalogue } from './story-catalogue.js'
import { bucketsBetween } from './view-queries.js'
import { createViewWindow, type ViewWindow } from './view-window.js'

const HOUR_MS = 3_600_000
const DAY_MS = 24 * HOUR_MS
/** Newest stories kept per section (the rail shows 6, plus room for exclusions). */
const LATEST_KEEP = 20
/** Must-Reads shows five picks at most. */
export const MUST_READS = 5

/** What one refresh computes; pages read it without touching the database. */
export interface RankingSnapshot {
  computedAt: Date
  popularNow: RankedEntry[]
  weeklyBest: RankedEntry[]
  /** The same lists per section slug. */
  popularBySection: Map<string, RankedEntry[]>
  weeklyBySection: Map<string, RankedEntry[]>
  latestBySection: Map<string, RankedStory[]>
  /** The editors' Must-Reads picks, in their order, visible ones only. */
  mustReads: RankedStory[]
}

const EMPTY: RankingSnapshot = {
  computedAt: new Date(0),
  popularNow: [],
  weeklyBest: [],
  popularBySection: new Map(),
  weeklyBySection: new Map(),
  latestBySection: new Map(),
  mustReads: [],
}

export interface Rankings {
  /** The current snapshot (an empty one before the first refresh); never waits. */
  current(): RankingSnapshot
  /** Takes a story out of the current snapshot at once (it was unpublished); no I/O. */
  drop(articleId: number): void
  /**
   * Reads what changed since the last refresh and recomputes; resolves with the stories whose
   * buckets were read (their co-reads may have changed), or 'all' after a full load.
   */
  refresh(options?: { full?: boolean }): Promise<Set<number> | 'all'>
  /** Notes a bucket written by this process outside the newest hours (re-read next time). */
  markDirty(hour: Date): void
  /** Waits for the refreshes asked for so far. */
  settle(): Promise<void>
}

export interface RankingsDeps {
  db: Db
  clock: Clock
  newsroom: Newsroom
  catalogue: StoryCatalogue
  halfLifeHours: number
}

/** Creates the rankings holder. */
export function createRankings(deps: RankingsDeps): Rankings {
  const { db, clock, newsroom, catalogue, halfLifeHours } = deps
  let snapshot = EMPTY
  let window: ViewWindow | undefined
  /** The current hour at the last read: the next read starts an hour before it. */
  let lastHour = 0
  const dirty = new Set<number>()

  const load = async (full: boolean, nowMs: number): Promise<Set<number> | 'all'> => {
    const nowHour = startOfHour(new Date(nowMs)).getTime()
    const oldest = nowHour - (WEEK_HOURS - 1) * HOUR_MS
    const to = nowHour + HOUR_MS
    const dirtyHours = [...dirty]
    dirty.clear()
    try {
      return await loadHours(full, nowHour, oldest, to, dirtyHours)
    } catch (error) {
      // Nothing was applied: the hours stay marked for the next attempt.
      for (const hour of dirtyHours) dirty.add(hour)
      throw error
    }
  }

  const loadHours = async (
    full: boolean,
    nowHour: number,
    oldest: number,
    to: number,
    dirtyHours: readonly number[],
  ): Promise<Set<number> | 'all'> => {
    const stale =
      window === undefined || full || dirtyHours.some((hour) => hour < window!.oldestHour)
    if (stale) {
      const next = createViewWindow(oldest)
      // One range per day, packed into the window's compact slots before the next is read: a
      // week of row objects is never held at once (about 80,000 rows a day at 10 M views).
      for (let from = oldest; from < to; from += DAY_MS) {
        const until = Math.min(to, from + DAY_MS)
        next.replaceHours(from, until, await bucketsBetween(db, new Date(from), new Date(until)))
      }
      window = next
      lastHour = nowHour
      return 'all'
    }
    const current = window!
    const from = Math.min(lastHour - HOUR_MS, ...dirtyHours.filter((h) => h < to))
    const rows = await bucketsBetween(db, new Date(from), new Date(to))
    // Everything below runs without an await: readers never see a half-applied window.
    current.slide(oldest)
    current.replaceHours(from, to, rows)
    lastHour = nowHour
    return new Set(rows.map((r) => r.articleId))
  }

  const compute = (now: Date, picks: readonly number[]): RankingSnapshot => {
    const { week, popular } = window!.figures(now.getTime(), halfLifeHours, catalogue.maxId() + 1)
    const ranked = (values: Float64Array) => rankedLists(values, catalogue, now)
    const popularNow = ranked(popular)
    const weeklyBest = ranked(week)
    return {
      computedAt: now,
      popularNow: popularNow.top,
      weeklyBest: weeklyBest.top,
      popularBySection: popularNow.bySection,
      weeklyBySection: weeklyBest.bySection,
      latestBySection: latestBySection(catalogue, now),
      mustReads: picks.flatMap((id) => catalogue.visible(id, now) ?? []),
    }
  }

  const run = async (full: boolean): Promise<Set<number> | 'all'> => {
    const now = clock.now()
    const [touched, picks] = await Promise.all([
      load(full, now.getTime()),
      newsroom.pickedArticles('must-reads', MUST_READS),
    ])
    snapshot = compute(
      now,
      picks.map((p) => p.id),
    )
    return touched
  }

  // Refreshes run one at a time; calls made while one runs share the single run queued after it
  // (so a caller always gets a run that started after its call, and sees its own writes).
  let running: Promise<unknown> = Promise.resolve()
  let queued: { promise: Promise<Set<number> | 'all'>; full: boolean } | undefined
  const refresh = (options: { full?: boolean } = {}): Promise<Set<number> | 'all'> => {
    if (queued !== undefined) {
      queued.full ||= options.full === true
      return queued.promise
    }
    const entry: { promise: Promise<Set<number> | 'all'>; full: boolean } = {
      full: options.full === true,
      promise: running
        .catch(() => undefined)
        .then(() => {
          queued = undefined
          return run(entry.full)
        }),
    }
    queued = entry
    running = entry.promise
    return entry.promise
  }

  return {
    current: () => snapshot,
    drop: (articleId) => {
      snapshot = withoutStory(snapshot, articleId)
    },
    refresh,
    markDirty: (hour) => {
      dirty.add(startOfHour(hour).getTime())
    },
    settle: async () => {
      await running.catch(() => undefined)
    },
  }
}

/** The newest visible stories of each section, newest first (one pass, no full sort). */
function latestBySection(catalogue: StoryCatalogue, now: Date): Map<string, RankedStory[]> {
  const out = new Map<string, RankedStory[]>()
  const newer = (a: RankedStory, b: RankedStory): boolean =>
    a.publishedAt > b.publishedAt ||
    (a.publishedAt.getTime() === b.publishedAt.getTime() && a.id > b.id)
  for (const story of catalogue.all()) {
    if (story.publishedAt > now) continue
    let list = out.get(story.section.slug)
    if (list === undefined) out.set(story.section.slug, (list = []))
    const last = list.at(-1)
    if (list.length >= LATEST_KEEP && last !== undefined && !newer(story, last)) continue
    let at = list.length
    while (at > 0 && newer(story, list[at - 1]!)) at--
    list.splice(at, 0, story)
    if (list.length > LATEST_KEEP) list.pop()
  }
  return out
}

/**
 * The best RANKED_KEEP visible stories by `values`, overall and per section. Only a few hundred
 * entries are built and sorted: each list's cut-off score comes from a native numeric sort.
 */
function rankedLists(
  values: Float64Array,
  catalogue: StoryCatalogue,
  now: Date,
): { top: RankedEntry[]; bySection: Map<string, RankedEntry[]> } {
  const stories: RankedStory[] = []
  const scores: number[] = []
  const sectionScores = new Map<string, number[]>()
  for (let id = 0; id < values.length; id++) {
    const score = values[id]!
    if (score <= 0) continue
    const story = catalogue.visible(id, now)
    if (story === undefined) continue
    stories.push(story)
    scores.push(score)
    const list = sectionScores.get(story.section.slug)
    if (list === undefined) sectionScores.set(story.section.slug, [score])
    else list.push(score)
  }
  const cutOff = (list: readonly number[]): number =>
    list.length <= RANKED_KEEP
      ? Number.NEGATIVE_INFINITY
      : Float64Array.from(list).sort()[list.length - RANKED_KEEP]!
  const topCut = cutOff(scores)
  const sectionCuts = new Map([...sectionScores].map(([slug, list]) => [slug, cutOff(list)]))
  const top: RankedEntry[] = []
  const bySection = new Map<string, RankedEntry[]>()
  stories.forEach((story, i) => {
    const score = scores[i]!
    const sectionCut = sectionCuts.get(story.section.slug) ?? Number.NEGATIVE_INFINITY
    if (score < topCut && score < sectionCut) return
    const entry = { story, score }
    if (score >= topCut) top.push(entry)
    if (score >= sectionCut) {
      const list = bySection.get(story.section.slug)
      if (list === undefined) bySection.set(story.section.slug, [entry])
      else list.push(entry)
    }
  })
  const order = (a: RankedEntry, b: RankedEntry): number =>
    b.score - a.score || b.story.id - a.story.id
  for (const [slug, list] of bySection) bySection.set(slug, list.sort(order).slice(0, RANKED_KEEP))
  return { top: top.sort(order).slice(0, RANKED_KEEP), bySection }
}

/** `snapshot` with one story left out of every list. */
function withoutStory(snapshot: RankingSnapshot, articleId: number): RankingSnapshot {
  const entries = (list: RankedEntry[]): RankedEntry[] =>
    list.filter((e) => e.story.id !== articleId)
  const stories = (list: RankedStory[]): RankedStory[] => list.filter((s) => s.id !== articleId)
  const each = <T>(map: Map<string, T[]>, keep: (list: T[]) => T[]): Map<string, T[]> =>
    new Map([...map].map(([key, list]) => [key, keep(list)]))
  return {
    computedAt: snapshot.computedAt,
    popularNow: entries(snapshot.popularNow),
    weeklyBest: entries(snapshot.weeklyBest),
    popularBySection: each(snapshot.popularBySection, entries),
    weeklyBySection: each(snapshot.weeklyBySection, entries),
    latestBySection: each(snapshot.latestBySection, stories),
    mustReads: stories(snapshot.mustReads),
  }
}

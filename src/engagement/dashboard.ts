/**
 * The newsroom dashboard's figures: stories by status, today against yesterday, Popular Now with
 * its hourly sparklines, 30 days of views, top sections and authors, and one story's figures.
 * Everything is read from the hourly buckets or their rollups (the site's, sections' and authors'
 * views per hour, kept with the buckets).
 */

import type { Db } from '../db/database.js'
import type { ArticleStatus } from '../db/schema.js'
import type { Clock } from '../lib/clock.js'
import { utcDay } from '../lib/iso-time.js'
import {
  allStoryHours,
  countByStatus,
  type HourViews,
  type NamedViews,
  siteHours,
  storyContinuations,
  storyHead,
  type StoryHead,
  storyHours,
  storyReferrers,
  topAuthors,
  topSections,
} from './dashboard-queries.js'
import type { Engagement, RankedStory } from './engagement.js'

const HOUR_MS = 3_600_000
const DAY_MS = 24 * HOUR_MS
/** Days in the views chart (today included). */
export const CHART_DAYS = 30
/** Hours in a Popular Now sparkline (the current one included). */
export const SPARK_HOURS = 24
/** The window of the top sections and authors. */
export const TOP_WINDOW_HOURS = 24
const POPULAR = 10
const TOP = 5
const REFERRERS = 20
/** The longest "views by day" a story's page draws (older days are summed into the total only). */
const MAX_STORY_DAYS = 366
const STATUSES: readonly ArticleStatus[] = [
  'draft',
  'in_review',
  'scheduled',
  'published',
  'unpublished',
]

/** Views of one UTC day (YYYY-MM-DD). */
export interface DayViews {
  day: string
  views: number
}

/** A Popular Now story with its views per hour. */
export interface PopularFigure {
  story: RankedStory
  /** Views per hour over the last SPARK_HOURS hours, oldest first (the last is the current hour). */
  hourly: number[]
}

/** The dashboard's front screen. */
export interface DashboardOverview {
  asOf: Date
  byStatus: { status: ArticleStatus; stories: number }[]
  /** Views since 00:00 UTC today, and yesterday from 00:00 to the end of the same hour. */
  today: { views: number; sameTimeYesterday: number }
  popularNow: PopularFigure[]
  /** CHART_DAYS days, oldest first, today last (days without views are 0). */
  last30Days: DayViews[]
  /** Over the last TOP_WINDOW_HOURS hours. */
  topSections: NamedViews[]
  topAuthors: NamedViews[]
}

/** One story's own figures. */
export interface StoryFigures {
  story: StoryHead
  totalViews: number
  /** From the day it was published (or its first view) to today, oldest first, at most 366. */
  byDay: DayViews[]
  /** The referring hosts with most views, and the views with any referrer at all. */
  referrers: { host: string; views: number }[]
  referredViews: number
  /** Readers who went on to another story that day, and their share of the story's views. */
  continued: number
  continuedShare: number
}

export interface Dashboard {
  /** The dashboard's front screen figures, as of now. */
  overview(): Promise<DashboardOverview>
  /** The figures of story `id` (any status); undefined when there is no such story. */
  storyFigures(id: number): Promise<StoryFigures | undefined>
}

export interface DashboardDeps {
  db: Db
  clock: Clock
  /** Popular Now comes from the rankings the engine keeps in memory. */
  engagement: Pick<Engagement, 'ranking'>
}

/**
 * Creates the dashboard's read side.
 * @example const dashboard = createDashboard({ db, clock, engagement }); await dashboard.overview()
 */
export function createDashboard({ db, clock, engagement }: DashboardDeps): Dashboard {
  const topLists = (from: Date): Promise<[NamedViews[], NamedViews[]]> =>
    Promise.all([topSections(db, from, TOP), topAuthors(db, from, TOP)])
  return {
    overview: async () => {
      const now = clock.now()
      const hour = Math.floor(now.getTime() / HOUR_MS) * HOUR_MS
      const todayStart = Math.floor(now.getTime() / DAY_MS) * DAY_MS
      const chartStart = todayStart - (CHART_DAYS - 1) * DAY_MS
      const sparkStart = hour - (SPARK_HOURS - 1) * HOUR_MS
      const popular = await engagement.ranking('now', { limit: POPULAR })
      const [statuses, site, sparks, [sections, authors]] = await Promise.all([
        countByStatus(db),
        siteHours(db, new Date(chartStart), new Date(hour + HOUR_MS)),
        storyHours(
          db,
          popular.map((entry) => entry.story.id),
          new Date(sparkStart),
        ),
        topLists(new Date(hour - (TOP_WINDOW_HOURS - 1) * HOUR_MS)),
      ])
      let today = 0
      let yesterday = 0
      for (const h of site) {
        if (h.hour >= todayStart) today += h.views
        else if (h.hour >= todayStart - DAY_MS && h.hour <= hour - DAY_MS) yesterday += h.views
      }
      return {
        asOf: now,
        byStatus: STATUSES.map((status) => ({ status, stories: statuses.get(status) ?? 0 })),
        today: { views: today, sameTimeYesterday: yesterday },
        popularNow: popular.map((entry) => ({
          story: entry.story,
          hourly: perHour(sparks.get(entry.story.id) ?? [], sparkStart, SPARK_HOURS),
        })),
        last30Days: perDay(site, chartStart, CHART_DAYS),
        topSections: sections,
        topAuthors: authors,
      }
    },
    storyFigures: async (id) => {
      const story = await storyHead(db, id)
      if (story === undefined) return undefined
      const [hours, referrers, continued] = await Promise.all([
        allStoryHours(db, id),
        storyReferrers(db, id, REFERRERS),
        storyContinuations(db, id),
      ])
      const now = clock.now().getTime()
      const todayStart = Math.floor(now / DAY_MS) * DAY_MS
      let first = story.publishedAt?.getTime() ?? todayStart
      let totalViews = 0
      for (const h of hours) {
        totalViews += h.views
        if (h.hour < first) first = h.hour
      }
      const firstDay = Math.max(
        Math.floor(Math.min(first, now) / DAY_MS) * DAY_MS,
        todayStart - (MAX_STORY_DAYS - 1) * DAY_MS,
      )
      return {
        story,
        totalViews,
        byDay: perDay(hours, firstDay, (todayStart - firstDay) / DAY_MS + 1),
        referrers: referrers.hosts,
        referredViews: referrers.total,
        continued,
        continuedShare: totalViews === 0 ? 0 : Math.min(1, continued / totalViews),
      }
    },
  }
}

/** `count` hourly values from `start`, zero where no bucket exists. */
function perHour(rows: readonly HourViews[], start: number, count: number): number[] {
  const out = new Array<number>(count).fill(0)
  for (const r of rows) {
    const i = Math.floor((r.hour - start) / HOUR_MS)
    if (i >= 0 && i < count) out[i] = (out[i] ?? 0) + r.views
  }
  return out
}

/** `count` days from `start` (a UTC midnight), summing the hours of each, zero where none. */
function perDay(rows: readonly HourViews[], start: number, count: number): DayViews[] {
  const totals = new Array<number>(count).fill(0)
  for (const r of rows) {
    const i = Math.floor((r.hour - start) / DAY_MS)
    if (i >= 0 && i < count) totals[i] = (totals[i] ?? 0) + r.views
  }
  return totals.map((views, i) => ({ day: utcDay(new Date(start + i * DAY_MS)), views }))
}

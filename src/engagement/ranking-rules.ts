/** Pure ranking rules: windows, top lists, rail filtering and the order of related stories. */

import { addHours, startOfHour } from '../lib/iso-time.js'
import type { ArticleSummary } from '../newsroom/index.js'
import type { RailOptions } from './engagement.js'

/** How many ranked ids each list keeps (rails show 5–12, minus exclusions). */
export const RANKED_KEEP = 100

/** The first hour bucket of the trailing `hours` window that ends in the current hour. */
export function windowStart(now: Date, hours: number): Date {
  return addHours(startOfHour(now), -(hours - 1))
}

/** Ids with the most `value`, highest first (ties: newer id first), at most `keep`, zeros left out. */
export function topIds<T extends { articleId: number }>(
  rows: readonly T[],
  value: (row: T) => number,
  keep: number,
): number[] {
  return rows
    .filter((row) => value(row) > 0)
    .sort((a, b) => value(b) - value(a) || b.articleId - a.articleId)
    .slice(0, keep)
    .map((row) => row.articleId)
}

/** `items` without the excluded ids, at most `limit`. */
export function railSlice<T extends { id: number }>(
  items: readonly T[],
  options: RailOptions,
): T[] {
  const limit = Math.max(0, Math.floor(options.limit))
  if (limit === 0) return []
  const excluded = new Set(options.excludeIds ?? [])
  const out: T[] = []
  for (const item of items) {
    if (excluded.has(item.id)) continue
    out.push(item)
    if (out.length === limit) break
  }
  return out
}

/** A possible related story with its tags. */
export interface RelatedCandidate {
  summary: ArticleSummary
  tagIds: readonly number[]
}

/**
 * Related stories for a story in `sectionSlug` with `tagIds`: more shared tags first, then the
 * same section, then newest. Stories sharing neither a tag nor the section are left out.
 */
export function rankRelated(
  story: { id: number; sectionSlug: string; tagIds: readonly number[] },
  candidates: readonly RelatedCandidate[],
): ArticleSummary[] {
  const own = new Set(story.tagIds)
  const seen = new Set<number>([story.id])
  const scored: { summary: ArticleSummary; shared: number; sameSection: number }[] = []
  for (const candidate of candidates) {
    if (seen.has(candidate.summary.id)) continue
    seen.add(candidate.summary.id)
    const shared = candidate.tagIds.filter((id) => own.has(id)).length
    const sameSection = candidate.summary.section.slug === story.sectionSlug ? 1 : 0
    if (shared === 0 && sameSection === 0) continue
    scored.push({ summary: candidate.summary, shared, sameSection })
  }
  return scored
    .sort(
      (a, b) =>
        b.shared - a.shared ||
        b.sameSection - a.sameSection ||
        b.summary.publishedAt.getTime() - a.summary.publishedAt.getTime() ||
        b.summary.id - a.summary.id,
    )
    .map((s) => s.summary)
}

/** What readers and editors did with the demo stories: comments and the editors' picks. */

import { addHours } from '../lib/iso-time.js'
import type { SeededRandom } from '../lib/seeded-random.js'
import { commentBody } from './text/comment-text.js'
import { readerName } from './text/people.js'

export interface DemoComment {
  authorName: string
  body: string
  createdAt: Date
}

/** Comments on one story: none on about two stories in three, otherwise one to six, oldest first. */
export function demoComments(random: SeededRandom, publishedAt: Date, now: Date): DemoComment[] {
  if (!random.chance(0.34)) return []
  const until = Math.min(now.getTime(), addHours(publishedAt, 72).getTime())
  const span = until - publishedAt.getTime()
  if (span < 10 * 60_000) return []
  return Array.from({ length: random.int(1, 6) }, () => ({
    authorName: readerName(random),
    body: commentBody(random),
    createdAt: new Date(publishedAt.getTime() + Math.round(span * (0.05 + random.next() * 0.95))),
  })).sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime())
}

export interface StoryForPicks {
  id: number
  publishedAt: Date
}

/**
 * Editors' choices among recent stories: six top stories from the newest dozen, and five
 * must-reads from the rest of the past week (or of everything, when the week is thin).
 */
export function demoPicks(
  random: SeededRandom,
  stories: readonly StoryForPicks[],
  now: Date,
): { topStories: number[]; mustReads: number[] } {
  const newest = [...stories].sort((a, b) => b.publishedAt.getTime() - a.publishedAt.getTime())
  const topStories = random
    .shuffle(newest.slice(0, 12))
    .slice(0, 6)
    .sort((a, b) => b.publishedAt.getTime() - a.publishedAt.getTime())
    .map((s) => s.id)
  const weekAgo = addHours(now, -24 * 7).getTime()
  const rest = newest.filter((s) => !topStories.includes(s.id))
  const lastWeek = rest.filter((s) => s.publishedAt.getTime() >= weekAgo)
  const pool = lastWeek.length >= 5 ? lastWeek : rest
  const mustReads = random
    .shuffle(pool)
    .slice(0, 5)
    .map((s) => s.id)
  return { topStories, mustReads }
}

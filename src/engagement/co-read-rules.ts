/**
 * Co-reads and continuations from a reader's stories of the day as the shared view_readers rows
 * hold them (every process's), so a reader's two stories pair whichever processes served them.
 * Pure: the flush reads the rows and writes what this returns.
 */

import { CO_READ_DEPTH } from './daily-readers.js'

/** One story a reader read, and when. */
export interface TimedRead {
  articleId: number
  atMs: number
}

/** A story this flush added to the reader's day; `counted` false when the address cap refused it. */
export interface AddedRead extends TimedRead {
  counted: boolean
}

/** What adding a reader's new stories contributes. */
export interface ReadingLinks {
  /** Unordered pairs (the caller adds both directions). */
  pairs: Array<[number, number]>
  /** Stories the reader went on from, each with the time of the read that showed it. */
  continuations: TimedRead[]
}

/**
 * The pairs and continuations that `added` (this flush's new stories of one reader, claimed in
 * view_readers by this transaction) contribute, given `earlier`: the reader's other stories
 * already recorded (at least their latest CO_READ_DEPTH, any order).
 *
 * Each new story pairs with the reader's latest CO_READ_DEPTH stories recorded before it, as the
 * in-memory counter does: every pair is counted once, by whichever of its two stories is
 * recorded second. A story "led on" once the reader has read any later story: when a new story
 * is the reader's latest, the previous latest gains its continuation; when it is not (another
 * process recorded a later read first), the new story itself already has one. So each story but
 * the reader's last counts one continuation, whatever order the processes flushed in. Stories
 * the cap refused are remembered (later stories pair with them) but add nothing themselves.
 * @example readingLinks([{ articleId: 1, atMs: 10 }], [{ articleId: 2, atMs: 20, counted: true }])
 * // → { pairs: [[2, 1]], continuations: [{ articleId: 1, atMs: 20 }] }
 */
export function readingLinks(
  earlier: readonly TimedRead[],
  added: readonly AddedRead[],
  depth = CO_READ_DEPTH,
): ReadingLinks {
  // Latest first, as the reader's history is read.
  const known = [...earlier].sort(latestFirst)
  const links: ReadingLinks = { pairs: [], continuations: [] }
  for (const read of [...added].sort((a, b) => latestFirst(b, a))) {
    if (read.counted) {
      for (const partner of known.slice(0, depth))
        links.pairs.push([read.articleId, partner.articleId])
      const latest = known[0]
      if (latest !== undefined) {
        const led = latestFirst(read, latest) < 0 ? latest : read
        links.continuations.push({ articleId: led.articleId, atMs: read.atMs })
      }
    }
    const at = known.findIndex((k) => latestFirst(read, k) < 0)
    known.splice(at === -1 ? known.length : at, 0, read)
  }
  return links
}

/** Later reads first; ties by the larger id, so every process orders a reader's stories alike. */
function latestFirst(a: TimedRead, b: TimedRead): number {
  return b.atMs - a.atMs || b.articleId - a.articleId
}

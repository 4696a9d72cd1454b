/**
 * "You May Also Like": content similarity from the BM25 index, with section and recency priors,
 * blended with co-reading, all from memory; the index follows publishes without a rebuild.
 */

import type { Db } from '../db/database.js'
import type { Newsroom } from '../newsroom/index.js'
import { coReadsAfter, coReadsOf, type CoReadRow } from './co-read-queries.js'
import type { RankedEntry } from './engagement.js'
import { RELATED_WEIGHTS, relatedScore } from './ranking-rules.js'
import { createRelatedIndex, type RelatedIndex } from './related-index.js'
import type { StoryCatalogue } from './story-catalogue.js'

/**
 * Stories read and indexed per step of a cold build, with a yield to the event loop after each:
 * bounded memory, and a few tens of milliseconds of work, so a page requested while the server
 * warms up (just after a start) waits for one step, not the build.
 */
export const BUILD_PAGE = 100
/** Content candidates considered per story. */
const CONTENT_CANDIDATES = 60
/** Co-read partners kept per story (the strongest). */
const CO_READS_KEPT = 30
/** Related stories kept per story (rails show 5, plus exclusions). */
const RELATED_KEEP = 40
const DAY_MS = 86_400_000

export interface Related {
  /** Indexes every published story from scratch, page by page; swaps the index in at the end. */
  build(): Promise<void>
  /** Re-reads and re-indexes `ids` (a story no longer published leaves the index). */
  sync(ids: readonly number[]): Promise<void>
  /** Indexes stories of `published` missing from the index and drops indexed ones not in it. */
  reconcile(published: readonly number[]): Promise<void>
  /** Reloads co-reads of `touched` stories, or all of them. */
  refreshCoReads(touched: ReadonlySet<number> | 'all'): Promise<void>
  /** Related stories for `articleId`, best first, from memory (empty until the index is built). */
  of(articleId: number, now: Date): readonly RankedEntry[]
  /** Stops a build in progress (on shutdown); the index in use stays. */
  cancel(): void
  /** The live index (for the benchmark's figures). */
  index(): RelatedIndex
}

/** Creates the related-stories engine over the catalogue. */
export function createRelated(deps: {
  db: Db
  newsroom: Newsroom
  catalogue: StoryCatalogue
}): Related {
  const { db, newsroom, catalogue } = deps
  let index = createRelatedIndex()
  let coReads = new Map<number, { ids: Int32Array; reads: Int32Array }>()
  let memo = new Map<number, readonly RankedEntry[]>()
  /** Stories changed while a build runs; re-synced into the new index once it is swapped in. */
  let changedDuringBuild: Set<number> | undefined
  let cancelled = false

  const indexPage = async (target: RelatedIndex, afterId: number): Promise<number | undefined> => {
    const texts = await newsroom.storyTexts({ afterId, limit: BUILD_PAGE })
    target.add(texts.map((t) => ({ articleId: t.id, ...t })))
    await new Promise((resolve) => setImmediate(resolve))
    return texts.at(-1)?.id
  }

  const sync = async (ids: readonly number[]): Promise<void> => {
    if (ids.length === 0) return
    for (const id of ids) changedDuringBuild?.add(id)
    const texts = await newsroom.storyTexts({ ids })
    const found = new Set(texts.map((t) => t.id))
    for (const id of ids) if (!found.has(id)) index.remove(id)
    index.add(texts.map((t) => ({ articleId: t.id, ...t })))
    memo = new Map()
  }

  const strongest = (rows: readonly CoReadRow[]) => {
    const byStory = new Map<number, CoReadRow[]>()
    for (const row of rows) {
      const list = byStory.get(row.articleId)
      if (list === undefined) byStory.set(row.articleId, [row])
      else list.push(row)
    }
    const out = new Map<number, { ids: Int32Array; reads: Int32Array }>()
    for (const [id, list] of byStory) {
      const top = list
        .sort((a, b) => b.reads - a.reads || b.otherArticleId - a.otherArticleId)
        .slice(0, CO_READS_KEPT)
      out.set(id, {
        ids: Int32Array.from(top, (r) => r.otherArticleId),
        reads: Int32Array.from(top, (r) => r.reads),
      })
    }
    return out
  }

  const compute = (articleId: number, now: Date): RankedEntry[] => {
    const source = catalogue.visible(articleId, now)
    if (source === undefined) return []
    const parts = new Map<number, { content: number; coReads: number }>()
    for (const { articleId: id, score } of index.similar(articleId, CONTENT_CANDIDATES))
      parts.set(id, { content: score, coReads: 0 })
    const partners = coReads.get(articleId)
    if (partners !== undefined) {
      partners.ids.forEach((id, i) => {
        const reads = partners.reads[i] ?? 0
        const known = parts.get(id)
        if (known !== undefined) known.coReads = reads
        else if (reads >= RELATED_WEIGHTS.coReadOnlyMin)
          parts.set(id, { content: 0, coReads: reads })
      })
    }
    const entries: RankedEntry[] = []
    for (const [id, part] of parts) {
      const story = id === articleId ? undefined : catalogue.visible(id, now)
      if (story === undefined) continue
      const score = relatedScore({
        ...part,
        sameSection: story.sectionId === source.sectionId,
        ageDays: (now.getTime() - story.publishedAt.getTime()) / DAY_MS,
      })
      entries.push({ story, score })
    }
    return entries
      .sort((a, b) => b.score - a.score || b.story.id - a.story.id)
      .slice(0, RELATED_KEEP)
  }

  return {
    build: async () => {
      const next = createRelatedIndex()
      changedDuringBuild = new Set()
      let after: number | undefined = 0
      try {
        while (after !== undefined && !cancelled) after = await indexPage(next, after)
      } finally {
        const changed = [...changedDuringBuild]
        changedDuringBuild = undefined
        if (after === undefined) {
          next.settle()
          index = next
          memo = new Map()
          if (changed.length > 0) await sync(changed)
        }
      }
    },
    sync: (ids) => sync(ids),
    reconcile: async (published) => {
      const keep = new Set(published)
      for (const id of index.ids()) if (!keep.has(id)) index.remove(id)
      const missing = published.filter((id) => !index.has(id))
      for (let i = 0; i < missing.length; i += BUILD_PAGE)
        await sync(missing.slice(i, i + BUILD_PAGE))
    },
    refreshCoReads: async (touched) => {
      if (touched === 'all') {
        const next = new Map<number, { ids: Int32Array; reads: Int32Array }>()
        let after = 0
        for (;;) {
          const page = await coReadsAfter(db, after, BUILD_PAGE)
          const last = page.at(-1)
          if (last === undefined) break
          // Pages hold whole stories, so each page's strongest partners are final.
          for (const [id, partners] of strongest(page)) next.set(id, partners)
          after = last.articleId
        }
        coReads = next
      } else {
        const ids = [...touched]
        const next = new Map(coReads)
        for (let i = 0; i < ids.length; i += 500) {
          const chunk = ids.slice(i, i + 500)
          const fresh = strongest(await coReadsOf(db, chunk))
          for (const id of chunk) {
            const partners = fresh.get(id)
            if (partners === undefined) next.delete(id)
            else next.set(id, partners)
          }
        }
        coReads = next
      }
      memo = new Map()
    },
    of: (articleId, now) => {
      let entries = memo.get(articleId)
      if (entries === undefined) {
        entries = compute(articleId, now)
        if (memo.size >= 5000) memo = new Map()
        memo.set(articleId, entries)
      }
      return entries
    },
    cancel: () => {
      cancelled = true
    },
    index: () => index,
  }
}

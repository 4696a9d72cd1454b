/**
 * The content side of "You May Also Like": a BM25 index over headline, dek, body and tags, kept in
 * compact typed arrays and updated one story at a time (no full rebuild on publish or edit).
 */

import { Growable } from './growable.js'
import { rawTokens, termOf } from '../lib/text-analysis.js'

/** What the index reads of a story. */
export interface IndexDocument {
  articleId: number
  headline: string
  dek: string
  body: string
  tags: readonly string[]
}

/** A similar story and its score, 1 meaning "as similar as the story is to itself". */
export interface Similar {
  articleId: number
  score: number
}

/** Term-frequency weight of each field (a simple BM25F: a headline word counts thrice). */
export const FIELD_WEIGHTS = { headline: 3, tags: 3, dek: 2, body: 1 } as const
/** BM25 saturation and length normalisation, the usual values. */
export const BM25_K1 = 1.2
export const BM25_B = 0.75
/** Each story keeps its most distinctive terms (by tf·idf) in the index; see decision 0005. */
export const TERMS_PER_DOC = 40
/**
 * A term's weighted frequency is a sum of the whole-number field weights, so it is stored in 16
 * bits (half of a float's memory in the two frequency columns; 1.5 MiB at 10,000 stories). A word
 * repeated past this in one story counts as this: BM25 has saturated long before.
 */
const MAX_STORED_TF = 65_535

export interface RelatedIndex {
  /** Adds stories, replacing any already indexed under the same id. */
  add(documents: readonly IndexDocument[]): void
  /** Drops a story (unpublished). */
  remove(articleId: number): void
  has(articleId: number): boolean
  /** Every indexed story id. */
  ids(): number[]
  /** Up to `limit` stories most similar to `articleId` by content, best first. */
  similar(articleId: number, limit: number): Similar[]
  /**
   * Packs a freshly built index: merges recent postings, drops the columns' spare capacity and
   * forgets the token cache (together about a third of a 10,000-story index's memory).
   */
  settle(): void
  /** Figures for logs and the benchmark. */
  stats(): { docs: number; terms: number; postings: number; bytes: number }
}

/** Creates an empty index. */
export function createRelatedIndex(): RelatedIndex {
  const vocabulary = new Map<string, number>()
  const df = new Growable(Int32Array)
  // One row per indexed document (its position is the document number, never reused).
  const docArticle = new Growable(Int32Array)
  const docLength = new Growable(Float32Array)
  const docStart = new Growable(Int32Array)
  const docCount = new Growable(Int32Array)
  const deleted = new Growable(Uint8Array)
  const docTerms = new Growable(Int32Array)
  const docTfs = new Growable(Uint16Array)
  const byArticle = new Map<number, number>()
  let live = 0
  let totalLength = 0
  // Postings: a compacted part (CSR by term) plus recent additions, merged when these grow.
  let offsets = new Int32Array(1)
  let postDocs = new Int32Array(0)
  let postTfs = new Uint16Array(0)
  let recent = new Map<number, number[]>()
  let recentCount = 0
  let scratch = new Float64Array(0)
  // Raw token → term id (-1: not a term); an outlet's vocabulary is bounded, so this stays small.
  const tokenTerms = new Map<string, number>()
  let tfScratch = new Float64Array(1024)

  const termId = (term: string): number => {
    let id = vocabulary.get(term)
    if (id === undefined) {
      id = vocabulary.size
      vocabulary.set(term, id)
      df.ensure(id)
    }
    return id
  }

  const idf = (term: number): number => {
    const n = df.at(term)
    return Math.log(1 + (live - n + 0.5) / (n + 0.5))
  }

  const saturation = (tf: number, length: number): number => {
    const average = live > 0 ? totalLength / live : 1
    return (tf * (BM25_K1 + 1)) / (tf + BM25_K1 * (1 - BM25_B + (BM25_B * length) / average))
  }

  /** A document's distinct term ids and their weighted frequencies, and its weighted length. */
  const termsOf = (
    document: IndexDocument,
  ): { ids: Int32Array; tfs: Float64Array; length: number } => {
    const touched: number[] = []
    let length = 0
    const field = (text: string, weight: number): void => {
      for (const raw of rawTokens(text)) {
        if (raw === '') continue
        let id = tokenTerms.get(raw)
        if (id === undefined) {
          const term = termOf(raw)
          id = term === null ? -1 : termId(term)
          if (tokenTerms.size < 1_000_000) tokenTerms.set(raw, id)
        }
        if (id < 0) continue
        if (id >= tfScratch.length) {
          const grown = new Float64Array(Math.max(id + 1, tfScratch.length * 2))
          grown.set(tfScratch)
          tfScratch = grown
        }
        if (tfScratch[id] === 0) touched.push(id)
        tfScratch[id]! += weight
        length += weight
      }
    }
    field(document.headline, FIELD_WEIGHTS.headline)
    field(document.tags.join(' '), FIELD_WEIGHTS.tags)
    field(document.dek, FIELD_WEIGHTS.dek)
    field(document.body, FIELD_WEIGHTS.body)
    const ids = Int32Array.from(touched)
    const tfs = new Float64Array(ids.length)
    ids.forEach((id, i) => {
      tfs[i] = tfScratch[id]!
      tfScratch[id] = 0
    })
    return { ids, tfs, length }
  }

  const remove = (articleId: number): void => {
    const doc = byArticle.get(articleId)
    if (doc === undefined) return
    byArticle.delete(articleId)
    deleted.data[doc] = 1
    live -= 1
    totalLength -= docLength.at(doc)
    // Only the kept terms are known now; other terms' df stay one too high until the next
    // rebuild, which makes them look a little more common than they are (harmless).
    const start = docStart.at(doc)
    for (let i = start; i < start + docCount.at(doc); i++) df.data[docTerms.at(i)]! -= 1
  }

  const compact = (): void => {
    const terms = vocabulary.size
    const counts = new Int32Array(terms + 1)
    for (let doc = 0; doc < docArticle.length; doc++) {
      if (deleted.at(doc) === 1) continue
      const start = docStart.at(doc)
      for (let i = start; i < start + docCount.at(doc); i++) counts[docTerms.at(i) + 1]! += 1
    }
    for (let t = 0; t < terms; t++) counts[t + 1]! += counts[t]!
    offsets = counts
    const fill = offsets.slice(0, terms)
    postDocs = new Int32Array(offsets[terms] ?? 0)
    postTfs = new Uint16Array(postDocs.length)
    for (let doc = 0; doc < docArticle.length; doc++) {
      if (deleted.at(doc) === 1) continue
      const start = docStart.at(doc)
      for (let i = start; i < start + docCount.at(doc); i++) {
        const at = fill[docTerms.at(i)]!++
        postDocs[at] = doc
        postTfs[at] = docTfs.at(i)
      }
    }
    recent = new Map()
    recentCount = 0
  }

  const add = (documents: readonly IndexDocument[]): void => {
    for (const document of documents) remove(document.articleId)
    // Count document frequencies for the whole batch first, so the first stories of a cold
    // build are pruned with the batch's idf rather than with almost none.
    const analysed = documents.map((document) => {
      const terms = termsOf(document)
      for (const id of terms.ids) df.data[id]! += 1
      live += 1
      totalLength += terms.length
      return { document, ...terms }
    })
    for (const { document, ids, tfs, length } of analysed) {
      const order = mostDistinctive(ids, tfs, idf)
      const doc = docArticle.push(document.articleId)
      docLength.push(length)
      docStart.push(docTerms.length)
      docCount.push(order.length)
      deleted.push(0)
      byArticle.set(document.articleId, doc)
      for (const i of order) {
        const id = ids[i]!
        const tf = Math.min(tfs[i]!, MAX_STORED_TF)
        docTerms.push(id)
        docTfs.push(tf)
        let list = recent.get(id)
        if (list === undefined) recent.set(id, (list = []))
        list.push(doc, tf)
        recentCount += 1
      }
    }
    if (recentCount > Math.max(50_000, postDocs.length / 4)) compact()
  }

  const similar = (articleId: number, limit: number): Similar[] => {
    const doc = byArticle.get(articleId)
    if (doc === undefined || limit <= 0) return []
    if (scratch.length < docArticle.length) scratch = new Float64Array(docArticle.data.length)
    const touched: number[] = []
    const accumulate = (other: number, tf: number, weight: number): void => {
      if (deleted.data[other] === 1) return
      if (scratch[other] === 0) touched.push(other)
      scratch[other]! += weight * saturation(tf, docLength.data[other]!)
    }
    let selfScore = 0
    const length = docLength.at(doc)
    const start = docStart.at(doc)
    for (let i = start; i < start + docCount.at(doc); i++) {
      const term = docTerms.at(i)
      const own = saturation(docTfs.at(i), length)
      const weight = own * idf(term)
      selfScore += weight * own
      if (term < offsets.length - 1) {
        for (let p = offsets[term]!; p < offsets[term + 1]!; p++)
          accumulate(postDocs[p]!, postTfs[p]!, weight)
      }
      const list = recent.get(term)
      if (list !== undefined)
        for (let p = 0; p < list.length; p += 2) accumulate(list[p]!, list[p + 1]!, weight)
    }
    const best = new TopScores(limit)
    for (const other of touched) {
      const score = scratch[other]!
      scratch[other] = 0
      if (other !== doc && score > 0) best.offer(docArticle.at(other), score / (selfScore || 1))
    }
    return best.sorted()
  }

  const settle = (): void => {
    compact()
    for (const column of [df, docArticle, docLength, docStart, docCount, deleted, docTerms, docTfs])
      column.trim()
    tokenTerms.clear()
  }

  return {
    add,
    remove,
    settle,
    has: (articleId) => byArticle.has(articleId),
    ids: () => [...byArticle.keys()],
    similar,
    stats: () => ({
      docs: live,
      terms: vocabulary.size,
      postings: postDocs.length + recentCount,
      bytes:
        offsets.byteLength +
        postDocs.byteLength +
        postTfs.byteLength +
        recentCount * 16 +
        [df, docArticle, docLength, docStart, docCount, deleted, docTerms, docTfs].reduce(
          (sum, column) => sum + column.bytes,
          0,
        ),
    }),
  }
}

/**
 * The `limit` best (score, then higher id) of many offers, without sorting them all. A query of
 * a small vocabulary touches most of the archive; sorting every touched story (one object each)
 * made a query grow faster than the archive: 117 ms p50 at 100,000 demo stories on a story
 * page's cache miss, against 1.8 ms at 10,000.
 */
class TopScores {
  private readonly kept: Similar[] = []
  /** The worst kept after the last trim: an offer no better can never make the cut. */
  private floor: Similar | undefined

  constructor(private readonly limit: number) {}

  offer(articleId: number, score: number): void {
    if (this.floor !== undefined && !better(articleId, score, this.floor)) return
    this.kept.push({ articleId, score })
    if (this.kept.length >= this.limit * 2) {
      this.kept.sort(order).length = this.limit
      this.floor = this.kept.at(-1)
    }
  }

  sorted(): Similar[] {
    return this.kept.sort(order).slice(0, this.limit)
  }
}

const order = (a: Similar, b: Similar): number => b.score - a.score || b.articleId - a.articleId

function better(articleId: number, score: number, than: Similar): boolean {
  return score > than.score || (score === than.score && articleId > than.articleId)
}

/**
 * Positions of the TERMS_PER_DOC terms with the highest tf·idf (ties: the lower term id). A
 * threshold from a native numeric sort beats sorting with a comparator by about 5x here.
 */
function mostDistinctive(
  ids: Int32Array,
  tfs: Float64Array,
  idf: (term: number) => number,
): number[] {
  const n = ids.length
  const above: number[] = []
  if (n <= TERMS_PER_DOC) {
    for (let i = 0; i < n; i++) above.push(i)
    return above
  }
  const weight = new Float64Array(n)
  for (let i = 0; i < n; i++) weight[i] = tfs[i]! * idf(ids[i]!)
  const threshold = weight.slice().sort()[n - TERMS_PER_DOC]!
  const tied: number[] = []
  for (let i = 0; i < n; i++) {
    if (weight[i]! > threshold) above.push(i)
    else if (weight[i] === threshold) tied.push(i)
  }
  tied.sort((a, b) => ids[a]! - ids[b]!).length = Math.min(
    tied.length,
    TERMS_PER_DOC - above.length,
  )
  return [...above, ...tied]
}

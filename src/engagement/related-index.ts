/**
 * The content side of "You May Also Like": a BM25 index over headline, dek, body and tags, kept in
 * compact typed arrays and updated one story at a time (no full rebuild on publish or edit).
 */

import { Growable } from './growable.js'
import { createAnalyzer } from './text-analysis.js'

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

export interface RelatedIndex {
  /** Adds stories, replacing any already indexed under the same id. */
  add(documents: readonly IndexDocument[]): void
  /** Drops a story (unpublished). */
  remove(articleId: number): void
  has(articleId: number): boolean
  /** Up to `limit` stories most similar to `articleId` by content, best first. */
  similar(articleId: number, limit: number): Similar[]
  /** Figures for logs and the benchmark. */
  stats(): { docs: number; terms: number; postings: number; bytes: number }
}

/** Creates an empty index. */
export function createRelatedIndex(): RelatedIndex {
  const analyze = createAnalyzer()
  const vocabulary = new Map<string, number>()
  const df = new Growable(Int32Array)
  // One row per indexed document (its position is the document number, never reused).
  const docArticle = new Growable(Int32Array)
  const docLength = new Growable(Float32Array)
  const docStart = new Growable(Int32Array)
  const docCount = new Growable(Int32Array)
  const deleted = new Growable(Uint8Array)
  const docTerms = new Growable(Int32Array)
  const docTfs = new Growable(Float32Array)
  const byArticle = new Map<number, number>()
  let live = 0
  let totalLength = 0
  // Postings: a compacted part (CSR by term) plus recent additions, merged when these grow.
  let offsets = new Int32Array(1)
  let postDocs = new Int32Array(0)
  let postTfs = new Float32Array(0)
  let recent = new Map<number, number[]>()
  let recentCount = 0
  let scratch = new Float64Array(0)

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

  const termsOf = (document: IndexDocument): { tfs: Map<number, number>; length: number } => {
    const tfs = new Map<number, number>()
    let length = 0
    const field = (text: string, weight: number): void =>
      analyze(text, (term) => {
        const id = termId(term)
        tfs.set(id, (tfs.get(id) ?? 0) + weight)
        length += weight
      })
    field(document.headline, FIELD_WEIGHTS.headline)
    field(document.tags.join(' '), FIELD_WEIGHTS.tags)
    field(document.dek, FIELD_WEIGHTS.dek)
    field(document.body, FIELD_WEIGHTS.body)
    return { tfs, length }
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
    postTfs = new Float32Array(postDocs.length)
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
      for (const id of terms.tfs.keys()) df.data[id]! += 1
      live += 1
      totalLength += terms.length
      return { document, ...terms }
    })
    for (const { document, tfs, length } of analysed) {
      const kept = [...tfs]
        .map(([id, tf]) => ({ id, tf, weight: tf * idf(id) }))
        .sort((a, b) => b.weight - a.weight || a.id - b.id)
        .slice(0, TERMS_PER_DOC)
      const doc = docArticle.push(document.articleId)
      docLength.push(length)
      docStart.push(docTerms.length)
      docCount.push(kept.length)
      deleted.push(0)
      byArticle.set(document.articleId, doc)
      for (const { id, tf } of kept) {
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
    const out: Similar[] = []
    for (const other of touched) {
      const score = scratch[other]!
      scratch[other] = 0
      if (other !== doc && score > 0)
        out.push({ articleId: docArticle.at(other), score: score / (selfScore || 1) })
    }
    return out.sort((a, b) => b.score - a.score || b.articleId - a.articleId).slice(0, limit)
  }

  return {
    add,
    remove,
    has: (articleId) => byArticle.has(articleId),
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

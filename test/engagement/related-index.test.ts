/** The BM25 related-stories index on a hand-written corpus with known answers. */

import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { createRelatedIndex } from '../../src/engagement/related-index.js'
import { CORPUS } from './related-corpus.js'

const documents = CORPUS.map((story, i) => ({ articleId: i + 1, ...story }))
const topicOf = (articleId: number) => CORPUS[articleId - 1]?.topic

/** Mean share of each story's top five that share its topic. */
function precisionAt5(similar: (articleId: number) => number[]): number {
  let sum = 0
  for (const { articleId } of documents) {
    const top = similar(articleId).slice(0, 5)
    sum += top.filter((id) => topicOf(id) === topicOf(articleId)).length / 5
  }
  return sum / documents.length
}

describe('related index', () => {
  test('finds stories of the same topic: precision@5 of at least 0.8', () => {
    const index = createRelatedIndex()
    index.add(documents)
    const precision = precisionAt5((id) => index.similar(id, 5).map((s) => s.articleId))
    assert.ok(precision >= 0.8, `precision@5 ${precision.toFixed(2)}`)
  })

  test('never returns the story itself, and scores fall from best to worst', () => {
    const index = createRelatedIndex()
    index.add(documents)
    const similar = index.similar(1, 10)
    assert.equal(similar.length, 10)
    assert.ok(similar.every((s) => s.articleId !== 1))
    for (let i = 1; i < similar.length; i++)
      assert.ok((similar[i - 1]?.score ?? 0) >= (similar[i]?.score ?? 0))
  })

  test('a word repeated past 16 bits of frequency still ranks its story first', () => {
    const index = createRelatedIndex()
    index.add(documents)
    const flood = 'lighthouse '.repeat(70_000)
    index.add([
      { articleId: 9001, headline: 'Keeper', dek: '', body: flood, tags: [] },
      { articleId: 9002, headline: 'Keeper', dek: '', body: `${flood}lamp`, tags: [] },
    ])
    index.settle()
    const [best] = index.similar(9001, 3)
    assert.equal(best?.articleId, 9002)
    assert.ok(Number.isFinite(best.score) && best.score > 0.9, `score ${best.score}`)
  })

  test('a short list is the head of a long one: the best are kept without ranking them all', () => {
    const index = createRelatedIndex()
    index.add(documents)
    for (const { articleId } of documents) {
      const all = index.similar(articleId, documents.length)
      for (const limit of [1, 3, 5, 7])
        assert.deepEqual(index.similar(articleId, limit), all.slice(0, limit))
    }
  })

  test('follows additions, edits and removals without a rebuild', () => {
    const index = createRelatedIndex()
    index.add(documents)
    const ferry = {
      articleId: 100,
      headline: 'Ferry pilots',
      dek: '',
      body: 'Harbour ferry pilots and vessels at the pier.',
      tags: ['Ferries'],
    }
    index.add([ferry])
    assert.equal(topicOf(index.similar(100, 1)[0]?.articleId ?? 0), 'ferries')
    // The same story edited into an election story moves to the other topic.
    index.add([
      {
        ...ferry,
        headline: 'Ballots',
        body: 'Voters cast ballots at polling stations.',
        tags: ['Elections'],
      },
    ])
    assert.equal(topicOf(index.similar(100, 1)[0]?.articleId ?? 0), 'election')
    assert.ok(index.similar(1, 30).some((s) => s.articleId === 2))
    index.remove(2)
    assert.equal(index.has(2), false)
    assert.ok(index.similar(1, 30).every((s) => s.articleId !== 2))
    assert.deepEqual(index.similar(2, 5), [])
    assert.equal(index.stats().docs, documents.length)
  })

  test('settling a built index frees memory and changes no answer, and it keeps growing after', () => {
    const index = createRelatedIndex()
    index.add(documents)
    const before = documents.map(({ articleId }) => index.similar(articleId, 8))
    const bytes = index.stats().bytes
    index.settle()
    assert.ok(index.stats().bytes < bytes, `${index.stats().bytes} < ${bytes}`)
    assert.deepEqual(
      documents.map(({ articleId }) => index.similar(articleId, 8)),
      before,
    )
    index.add([
      {
        articleId: 500,
        headline: 'Ferry timetable',
        dek: '',
        body: 'Ferries and the pier.',
        tags: ['Ferries'],
      },
    ])
    assert.equal(topicOf(index.similar(500, 1)[0]?.articleId ?? 0), 'ferries')
  })
})

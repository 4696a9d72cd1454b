/** The revisions diff: shortest line edits, word-level changes, and both texts recoverable from it. */

import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { createSeededRandom } from '../../src/lib/seeded-random.js'
import { diffSequences, diffText, diffWords } from '../../src/lib/text-diff.js'

/** The `before` and `after` sides a diff describes, rebuilt from it. */
function sides<T>(runs: ReturnType<typeof diffSequences<T>>): { before: T[]; after: T[] } {
  const before: T[] = []
  const after: T[] = []
  for (const run of runs) {
    if (run.kind !== 'added') before.push(...run.items)
    if (run.kind !== 'removed') after.push(...run.items)
  }
  return { before, after }
}

/** The length of a longest common subsequence, by the textbook table (the reference). */
function longestCommon(a: readonly string[], b: readonly string[]): number {
  const row = new Array<number>(b.length + 1).fill(0)
  for (const x of a) {
    let diagonal = 0
    for (let j = 1; j <= b.length; j++) {
      const above = row[j] ?? 0
      row[j] = x === b[j - 1] ? diagonal + 1 : Math.max(above, row[j - 1] ?? 0)
      diagonal = above
    }
  }
  return row[b.length] ?? 0
}

describe('text diff', () => {
  test('equal texts are one run kept', () => {
    assert.deepEqual(diffSequences(['a', 'b'], ['a', 'b']), [{ kind: 'same', items: ['a', 'b'] }])
    assert.deepEqual(diffSequences([], []), [])
  })

  test('finds the shortest edit: one removal and one insertion', () => {
    const runs = diffSequences([...'ABCABBA'], [...'CBABAC'])
    const edits = runs.filter((r) => r.kind !== 'same').reduce((n, r) => n + r.items.length, 0)
    assert.equal(edits, 5, 'Myers’ example needs five edits')
    assert.deepEqual(sides(runs), { before: [...'ABCABBA'], after: [...'CBABAC'] })
  })

  test('random sequences: both sides are rebuilt exactly', () => {
    const random = createSeededRandom(42)
    for (let round = 0; round < 200; round++) {
      const pick = (): string[] =>
        Array.from({ length: random.int(0, 30) }, () => random.pick(['a', 'b', 'c', 'd']))
      const a = pick()
      const b = pick()
      const runs = diffSequences(a, b)
      assert.deepEqual(sides(runs), { before: a, after: b })
      const kept = runs.filter((r) => r.kind === 'same').reduce((n, r) => n + r.items.length, 0)
      assert.equal(kept, longestCommon(a, b), 'keeps a longest common subsequence')
    }
  })

  test('a changed line is shown word by word', () => {
    const diff = diffText(
      'Intro\nThe cat sat on the mat.\nEnd',
      'Intro\nThe dog sat on the mat.\nEnd',
    )
    assert.deepEqual(diff[0], { kind: 'same', text: 'Intro' })
    assert.deepEqual(diff[1], {
      kind: 'changed',
      parts: [
        { kind: 'same', text: 'The ' },
        { kind: 'removed', text: 'cat' },
        { kind: 'added', text: 'dog' },
        { kind: 'same', text: ' sat on the mat.' },
      ],
    })
    assert.deepEqual(diff[2], { kind: 'same', text: 'End' })
  })

  test('added and removed lines stay whole', () => {
    assert.deepEqual(diffText('one\ntwo', 'one\ntwo\nthree'), [
      { kind: 'same', text: 'one' },
      { kind: 'same', text: 'two' },
      { kind: 'added', text: 'three' },
    ])
    assert.deepEqual(diffText('one\ntwo', 'two'), [
      { kind: 'removed', text: 'one' },
      { kind: 'same', text: 'two' },
    ])
  })

  test('words rejoin to the original lines', () => {
    const parts = diffWords('a  quick brown fox', 'a slow brown  fox!')
    assert.equal(
      parts
        .filter((p) => p.kind !== 'added')
        .map((p) => p.text)
        .join(''),
      'a  quick brown fox',
    )
    assert.equal(
      parts
        .filter((p) => p.kind !== 'removed')
        .map((p) => p.text)
        .join(''),
      'a slow brown  fox!',
    )
  })

  test('very different long texts still give a correct (wholesale) diff quickly', () => {
    const a = Array.from({ length: 5000 }, (_, i) => `a${i}`)
    const b = Array.from({ length: 5000 }, (_, i) => `b${i}`)
    const started = Date.now()
    assert.deepEqual(sides(diffSequences(a, b)), { before: a, after: b })
    assert.ok(Date.now() - started < 5000)
  })
})

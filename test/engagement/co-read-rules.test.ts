/** Co-reads and continuations from a reader's shared rows, whatever order processes flush in. */

import assert from 'node:assert/strict'
import { test } from 'node:test'
import { readingLinks, type TimedRead } from '../../src/engagement/co-read-rules.js'

const read = (articleId: number, atMs: number): TimedRead => ({ articleId, atMs })
const counted = (articleId: number, atMs: number) => ({ articleId, atMs, counted: true })

test('a first story adds nothing; a second pairs with it and the first led on', () => {
  assert.deepEqual(readingLinks([], [counted(1, 10)]), { pairs: [], continuations: [] })
  assert.deepEqual(readingLinks([read(1, 10)], [counted(2, 20)]), {
    pairs: [[2, 1]],
    continuations: [{ articleId: 1, atMs: 20 }],
  })
})

test('an earlier read recorded after a later one: it led on itself, the later one did not', () => {
  assert.deepEqual(readingLinks([read(2, 20)], [counted(1, 10)]), {
    pairs: [[1, 2]],
    continuations: [{ articleId: 1, atMs: 10 }],
  })
})

test('every story but the last leads on once, in whatever order the rows arrive', () => {
  const reads = [read(1, 10), read(2, 20), read(3, 30), read(4, 40)]
  for (const order of [
    [0, 1, 2, 3],
    [3, 2, 1, 0],
    [2, 0, 3, 1],
  ]) {
    const known: TimedRead[] = []
    const led = new Map<number, number>()
    const pairs = new Set<string>()
    for (const index of order) {
      const next = reads[index] ?? read(0, 0)
      const links = readingLinks(known, [{ ...next, counted: true }])
      for (const c of links.continuations) led.set(c.articleId, (led.get(c.articleId) ?? 0) + 1)
      for (const [a, b] of links.pairs) pairs.add([a, b].sort().join('-'))
      known.push(next)
    }
    assert.deepEqual(Object.fromEntries(led), { 1: 1, 2: 1, 3: 1 }, `order ${order.join()}`)
    assert.equal(pairs.size, 6)
  }
})

test('several new stories of one flush pair with each other once, oldest first', () => {
  const links = readingLinks([read(1, 10)], [counted(3, 30), counted(2, 20)])
  assert.deepEqual(links.pairs, [
    [2, 1],
    [3, 2],
    [3, 1],
  ])
  assert.deepEqual(links.continuations, [
    { articleId: 1, atMs: 20 },
    { articleId: 2, atMs: 30 },
  ])
})

test('a new story pairs with the latest `depth` only; a refused one adds nothing', () => {
  const earlier = [read(1, 10), read(2, 20), read(3, 30)]
  assert.deepEqual(readingLinks(earlier, [counted(4, 40)], 2).pairs, [
    [4, 3],
    [4, 2],
  ])
  const refused = readingLinks(earlier, [{ articleId: 4, atMs: 40, counted: false }])
  assert.deepEqual(refused, { pairs: [], continuations: [] })
})

/** The daily dedupe memory: one count per reader and story, co-read partners, bounded growth. */

import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { CO_READ_DEPTH, DailyReaders } from '../../src/engagement/daily-readers.js'

const partnersOf = (readers: DailyReaders, hi: number, lo: number, id: number): number[] => {
  const visit = readers.record(hi, lo, id)
  return visit.counted ? [...visit.partners.slice(0, visit.partnerCount)] : ['repeat' as never]
}

describe('DailyReaders', () => {
  test('a reader counts once per story; another reader counts again', () => {
    const readers = new DailyReaders()
    assert.equal(readers.record(1, 2, 10).counted, true)
    assert.equal(readers.record(1, 2, 10).counted, false)
    assert.equal(readers.record(1, 2, 11).counted, true)
    assert.equal(readers.record(1, 3, 10).counted, true)
    assert.deepEqual(readers.counts, { pairs: 0, readers: 2, histories: 1 })
  })

  test('a new story pairs with the reader’s earlier stories, at most CO_READ_DEPTH of them', () => {
    const readers = new DailyReaders()
    assert.deepEqual(partnersOf(readers, 7, 7, 1), [])
    assert.deepEqual(partnersOf(readers, 7, 7, 2), [1])
    assert.deepEqual(partnersOf(readers, 7, 7, 3), [1, 2])
    for (let id = 4; id <= CO_READ_DEPTH + 1; id++) partnersOf(readers, 7, 7, id)
    const latest = Array.from({ length: CO_READ_DEPTH }, (_, i) => i + 2)
    assert.deepEqual(partnersOf(readers, 7, 7, 100), latest)
    // A reload of a story in the history adds no pair.
    assert.deepEqual(partnersOf(readers, 7, 7, 3), ['repeat'])
  })

  test('holds 200,000 readers in compact typed arrays and grows past its first size', () => {
    const readers = new DailyReaders()
    for (let i = 1; i <= 200_000; i++)
      readers.record(i, Math.imul(i, 2654435761) >>> 0, 1 + (i % 7))
    assert.equal(readers.counts.readers, 200_000)
    for (let i = 1; i <= 200_000; i += 997) {
      assert.equal(readers.record(i, Math.imul(i, 2654435761) >>> 0, 1 + (i % 7)).counted, false)
    }
    // 8 bytes a pair key and 12 a reader at a load of at most 3/4, doubling: < 64 bytes a reader.
    assert.ok(readers.bytes() < 200_000 * 64, `${readers.bytes()} bytes`)
  })

  test('a heavy reader’s stories that left the co-read list still count once', () => {
    const readers = new DailyReaders()
    for (let id = 1; id <= 40; id++) assert.equal(readers.record(9, 9, id).counted, true)
    for (let id = 1; id <= 40; id++) assert.equal(readers.record(9, 9, id).counted, false)
    assert.equal(readers.counts.pairs, 40 - CO_READ_DEPTH)
    assert.equal(readers.record(9, 9, 41).partnerCount, CO_READ_DEPTH)
  })

  test('at its caps it starts over instead of growing', () => {
    const readers = new DailyReaders({
      maxPairSlots: 1 << 12,
      maxReaderSlots: 1 << 12,
      maxHistories: 16,
    })
    for (let i = 1; i <= 10_000; i++) readers.record(i, i, 5)
    assert.ok(readers.resetCount >= 3)
    assert.ok(readers.counts.readers <= (1 << 12) * 0.75)
    for (let i = 1; i <= 100; i++) readers.record(7, 7, i)
    for (let i = 1; i <= 100; i++) readers.record(8, 8, i)
    assert.ok(readers.counts.histories <= 16)
    assert.ok(readers.bytes() <= (1 << 12) * 20 + 16 * 4 * (1 + CO_READ_DEPTH) * 1024)
  })
})

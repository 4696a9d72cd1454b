/** The pure ranking rules: windows, the decay of Popular Now, the related blend, rail slicing. */

import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import {
  decayedScore,
  decayWeight,
  pickDistinct,
  railSlice,
  relatedScore,
  windowStart,
} from '../../src/engagement/ranking-rules.js'

const NOW = new Date('2026-11-20T12:00:00.000Z')
const hoursAgo = (h: number): Date => new Date(NOW.getTime() - h * 3_600_000)

describe('ranking rules', () => {
  test('a 48-hour window starts 47 hour buckets before the current one', () => {
    assert.deepEqual(
      windowStart(new Date('2026-11-20T12:34:00.000Z'), 48),
      new Date('2026-11-18T13:00:00.000Z'),
    )
  })

  test('a view weighs half after one half-life, and the current hour weighs 1', () => {
    assert.equal(decayWeight(NOW.getTime(), NOW.getTime(), 6), 1)
    const bucket = hoursAgo(6.5).getTime()
    assert.ok(Math.abs(decayWeight(NOW.getTime(), bucket, 6) - 0.5) < 1e-9)
  })

  test('100 views in the last hour beat 300 views two days ago', () => {
    const recent = decayedScore(NOW, [{ hour: hoursAgo(1), views: 100 }], 6)
    const old = decayedScore(NOW, [{ hour: hoursAgo(47), views: 300 }], 6)
    assert.ok(recent > old, `${recent} > ${old}`)
    // Outside the 48 hours nothing counts.
    assert.equal(decayedScore(NOW, [{ hour: hoursAgo(48), views: 300 }], 6), 0)
  })

  test('a long half-life lets the older, bigger story win', () => {
    const recent = decayedScore(NOW, [{ hour: hoursAgo(1), views: 100 }], 48)
    const old = decayedScore(NOW, [{ hour: hoursAgo(40), views: 300 }], 48)
    assert.ok(old > recent, `${old} > ${recent}`)
  })

  test('strong co-reading outweighs a small content lead; weak co-reading does not', () => {
    const base = { sameSection: false, ageDays: 1 }
    const similar = relatedScore({ ...base, content: 0.6, coReads: 0 })
    assert.ok(relatedScore({ ...base, content: 0.45, coReads: 40 }) > similar)
    assert.ok(relatedScore({ ...base, content: 0.3, coReads: 1 }) < similar)
    assert.ok(
      relatedScore({ ...base, content: 0.5, coReads: 0, sameSection: true }) >
        relatedScore({ ...base, content: 0.5, coReads: 0 }),
    )
    assert.ok(
      relatedScore({ ...base, content: 0.5, coReads: 0, ageDays: 0 }) >
        relatedScore({ ...base, content: 0.5, coReads: 0, ageDays: 120 }),
    )
  })

  test('railSlice skips excluded ids before applying the limit', () => {
    const items = [{ id: 1 }, { id: 2 }, { id: 3 }]
    assert.deepEqual(railSlice(items, { limit: 2, excludeIds: [1] }), [{ id: 2 }, { id: 3 }])
    assert.deepEqual(railSlice(items, { limit: -1 }), [])
  })

  test('pickDistinct prefers stories not taken and repeats only when too few are left', () => {
    const taken = new Set([1])
    const items = [{ id: 1 }, { id: 2 }, { id: 3 }]
    assert.deepEqual(pickDistinct(items, 2, taken), [{ id: 2 }, { id: 3 }])
    assert.deepEqual(pickDistinct(items, 2, taken), [{ id: 1 }, { id: 2 }])
  })
})

const ids = (list: { id: number }[]) => list.map((s) => s.id)

describe('pickDistinct across a page’s rails', () => {
  test('prefers stories not yet on the page and keeps the ranked order', () => {
    const taken = new Set([2, 3])
    const picked = pickDistinct(
      [1, 2, 3, 4, 5].map((id) => ({ id })),
      3,
      taken,
    )
    assert.deepEqual(ids(picked), [1, 4, 5])
    assert.deepEqual([...taken].sort(), [1, 2, 3, 4, 5])
  })

  test('tops up with repeats only when too few other stories exist', () => {
    const picked = pickDistinct(
      [1, 2, 3].map((id) => ({ id })),
      3,
      new Set([2]),
    )
    assert.deepEqual(ids(picked), [1, 2, 3])
  })

  test('never returns more than the candidates, nor duplicates within one rail', () => {
    assert.deepEqual(ids(pickDistinct([{ id: 1 }, { id: 1 }], 5, new Set())), [1])
    assert.deepEqual(pickDistinct([{ id: 1 }], 0, new Set()), [])
  })
})

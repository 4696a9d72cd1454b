/** The pure ranking rules: windows, top lists and rail slicing. */

import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { railSlice, topIds, windowStart } from '../../src/engagement/ranking-rules.js'

describe('ranking rules', () => {
  test('a 24-hour window starts 23 hour buckets before the current one', () => {
    assert.deepEqual(
      windowStart(new Date('2026-11-20T12:34:00.000Z'), 24),
      new Date('2026-11-19T13:00:00.000Z'),
    )
  })

  test('topIds ranks by value, breaks ties by newer id and leaves out zeros', () => {
    const rows = [
      { articleId: 1, v: 5 },
      { articleId: 2, v: 9 },
      { articleId: 3, v: 5 },
      { articleId: 4, v: 0 },
    ]
    assert.deepEqual(
      topIds(rows, (r) => r.v, 10),
      [2, 3, 1],
    )
    assert.deepEqual(
      topIds(rows, (r) => r.v, 1),
      [2],
    )
  })

  test('railSlice skips excluded ids before applying the limit', () => {
    const items = [{ id: 1 }, { id: 2 }, { id: 3 }]
    assert.deepEqual(railSlice(items, { limit: 2, excludeIds: [1] }), [{ id: 2 }, { id: 3 }])
    assert.deepEqual(railSlice(items, { limit: -1 }), [])
  })
})

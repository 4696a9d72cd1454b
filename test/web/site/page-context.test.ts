/** Rail de-duplication and the pagination window: the pure rules behind the article page's rails. */

import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { pageWindow } from '../../../src/web/site/components/pagination.tsx'
import { newestChange, pickDistinct } from '../../../src/web/site/page-context.js'
import { summaries } from './site-fixtures.js'

const ids = (list: { id: number }[]) => list.map((s) => s.id)

describe('pickDistinct', () => {
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

describe('newestChange', () => {
  test('is the latest publication or update among the stories, null when empty', () => {
    const list = summaries(3)
    const edited = { ...list[0]!, updatedAt: new Date('2027-01-01T00:00:00Z') }
    assert.equal(newestChange([...list, edited])?.toISOString(), '2027-01-01T00:00:00.000Z')
    assert.equal(newestChange([]), null)
  })
})

describe('pageWindow', () => {
  test('shows every page when there are few', () => {
    assert.deepEqual(pageWindow(1, 1), [1])
    assert.deepEqual(pageWindow(2, 4), [1, 2, 3, 4])
  })

  test('puts ellipses between the first, the window around the current page, and the last', () => {
    assert.deepEqual(pageWindow(10, 20), [1, null, 8, 9, 10, 11, 12, null, 20])
    assert.deepEqual(pageWindow(1, 20), [1, 2, 3, null, 20])
    assert.deepEqual(pageWindow(20, 20), [1, null, 18, 19, 20])
  })
})

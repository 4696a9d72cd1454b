/** The pagination window and a page's last change: pure rules behind the list and story pages. */

import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { pageWindow } from '../../../src/web/site/components/pagination.tsx'
import { newestChange } from '../../../src/web/site/page-context.js'
import { summaries } from './site-fixtures.js'

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

/** Page cache keys: tracking parameters dropped, the rest sorted. */

import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { isTrackingParam, pageCacheKey } from '../../../src/web/plugins/page-url.js'

describe('pageCacheKey', () => {
  test('a URL without a query is its own key', () => {
    assert.equal(pageCacheKey('/world/harbour-plans'), '/world/harbour-plans')
  })

  test('tracking parameters are dropped and the rest sorted by name, then value', () => {
    assert.equal(pageCacheKey('/world?utm_source=a&fbclid=b&gclid=c'), '/world')
    assert.equal(pageCacheKey('/world?page=2&utm_campaign=x&a=1'), '/world?a=1&page=2')
    assert.equal(pageCacheKey('/tag/x?b=2&b=1'), '/tag/x?b=1&b=2')
  })

  test('only utm_*, fbclid and gclid count as tracking', () => {
    assert.equal(isTrackingParam('utm_medium'), true)
    assert.equal(isTrackingParam('fbclid'), true)
    assert.equal(isTrackingParam('page'), false)
    assert.equal(isTrackingParam('utm'), false)
  })
})

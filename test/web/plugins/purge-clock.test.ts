/** The purge clock: a page is stale after a purge of one of its own tags, or of everything. */

import assert from 'node:assert/strict'
import { test } from 'node:test'
import { EVERYTHING } from '../../../src/web/plugins/page-cache-invalidation.js'
import { createPurgeClock } from '../../../src/web/plugins/purge-clock.js'

test('only a purge of one of its tags after the moment makes a page stale', () => {
  const clock = createPurgeClock()
  const story = ['article:1', 'section:world', 'rails']
  const before = clock.now()
  clock.purge(['article:2'])
  assert.equal(clock.purgedSince(before, story), false, 'another story was purged')
  clock.purge(['section:world'])
  assert.equal(clock.purgedSince(before, story), true)
  const after = clock.now()
  assert.equal(clock.purgedSince(after, story), false, 'a render started after the purge')
})

test('everything, and a clock that forgot its tags, make every page stale', () => {
  const clock = createPurgeClock(3)
  const since = clock.now()
  clock.purge([EVERYTHING])
  assert.equal(clock.purgedSince(since, ['article:9']), true)
  assert.equal(clock.purgedSince(since, []), true)
  const later = clock.now()
  clock.purge(['a', 'b'])
  assert.equal(clock.purgedSince(later, ['c']), false)
  clock.purge(['d', 'e'])
  assert.equal(clock.purgedSince(later, ['c']), true, 'past 3 tags it treats all as purged')
})

/** viewHistory: sparse hourly buckets that never pass `now`, most views early, bounded in number. */

import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { viewHistory } from '../../src/demo/view-history.js'
import { addHours } from '../../src/lib/iso-time.js'
import { createSeededRandom } from '../../src/lib/seeded-random.js'

const NOW = new Date('2026-11-20T12:00:00.000Z')

describe('viewHistory', () => {
  test('an old story gets at most ~90 fine buckets, all before now, front-loaded', () => {
    const publishedAt = addHours(NOW, -24 * 40)
    const buckets = viewHistory(createSeededRandom(1), {
      publishedAt,
      now: NOW,
      popularity: 5_000,
      detail: 'fine',
      revival: false,
    })
    assert.ok(buckets.length > 40 && buckets.length <= 120, `${buckets.length} buckets`)
    assert.ok(
      buckets.every((b) => b.hour <= NOW && b.hour >= addHours(publishedAt, -1) && b.views >= 1),
    )
    const firstDay = buckets.filter((b) => b.hour < addHours(publishedAt, 24))
    const sum = (list: typeof buckets) => list.reduce((n, b) => n + b.views, 0)
    assert.ok(sum(firstDay) > sum(buckets) / 2)
  })

  test('coarse detail keeps big seeds small; a revival adds views in the last day', () => {
    const publishedAt = addHours(NOW, -24 * 20)
    const input = { publishedAt, now: NOW, popularity: 2_000, detail: 'coarse' as const }
    const quiet = viewHistory(createSeededRandom(2), { ...input, revival: false })
    const revived = viewHistory(createSeededRandom(2), { ...input, revival: true })
    assert.ok(quiet.length <= 8)
    const lastDay = (list: typeof quiet) => list.filter((b) => b.hour > addHours(NOW, -24)).length
    assert.equal(lastDay(quiet), 0)
    assert.ok(lastDay(revived) > 0)
  })

  test('a story published an hour ago has only the hours up to now', () => {
    const buckets = viewHistory(createSeededRandom(3), {
      publishedAt: addHours(NOW, -1.5),
      now: NOW,
      popularity: 800,
      detail: 'fine',
      revival: true,
    })
    assert.ok(buckets.length >= 1 && buckets.length <= 2)
    assert.ok(buckets.every((b) => b.hour <= NOW))
  })
})

/** Sign-in throttling rules: free failures, growing waits, a lock, and forgetting. */

import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import {
  accountPolicy,
  addressPolicy,
  delayAfter,
  liveFailures,
  strictest,
  throttleVerdict,
} from '../../src/accounts/throttle-rules.js'

const LOCK = 15 * 60_000
const policy = accountPolicy(LOCK)
const at = new Date('2026-12-03T10:00:00.000Z')
const later = (ms: number) => new Date(at.getTime() + ms)

describe('throttle rules', () => {
  test('four failures are free, then the waits double from one second, capped', () => {
    assert.deepEqual(
      [1, 2, 3, 4, 5, 6, 7, 8, 9].map((n) => delayAfter(n, policy)),
      [0, 0, 0, 0, 1000, 2000, 4000, 8000, 16000],
    )
    assert.equal(delayAfter(40, addressPolicy(LOCK)), 60_000)
  })

  test('a wait runs from the last failure; after it the key is open again', () => {
    const state = { failures: 6, lastFailureAt: at }
    assert.deepEqual(throttleVerdict(state, policy, later(500)), {
      kind: 'wait',
      retryAfterMs: 1500,
    })
    assert.deepEqual(throttleVerdict(state, policy, later(2000)), { kind: 'open' })
  })

  test('ten failures lock for the lock time, after which the count starts again', () => {
    const state = { failures: 10, lastFailureAt: at }
    assert.deepEqual(throttleVerdict(state, policy, later(60_000)), {
      kind: 'locked',
      retryAfterMs: LOCK - 60_000,
    })
    assert.deepEqual(throttleVerdict(state, policy, later(LOCK)), { kind: 'open' })
    assert.equal(liveFailures(state, policy, later(LOCK)), 0)
  })

  test('failures an hour old are forgotten', () => {
    const state = { failures: 7, lastFailureAt: at }
    assert.equal(liveFailures(state, policy, later(59 * 60_000)), 7)
    assert.equal(liveFailures(state, policy, later(60 * 60_000)), 0)
  })

  test('the strictest verdict wins: a lock over a wait, the longer of two waits', () => {
    assert.deepEqual(
      strictest([
        { kind: 'open' },
        { kind: 'wait', retryAfterMs: 5 },
        { kind: 'wait', retryAfterMs: 9 },
      ]),
      { kind: 'wait', retryAfterMs: 9 },
    )
    assert.equal(
      strictest([
        { kind: 'locked', retryAfterMs: 1 },
        { kind: 'wait', retryAfterMs: 9 },
      ]).kind,
      'locked',
    )
    assert.deepEqual(strictest([]), { kind: 'open' })
  })
})

/** Job clock times: "daily HH:MM" and "hourly :MM" in UTC, and the next run after an instant. */

import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { nextRunAt, parseJobTime } from '../../src/infra/job-time.js'

const at = (iso: string): number => new Date(iso).getTime()
const iso = (ms: number): string => new Date(ms).toISOString()

describe('job time', () => {
  test('daily HH:MM runs later today, or tomorrow once the time has passed', () => {
    const time = parseJobTime('daily 03:30')
    assert.equal(iso(nextRunAt(time, at('2026-11-20T01:00:00Z'))), '2026-11-20T03:30:00.000Z')
    assert.equal(iso(nextRunAt(time, at('2026-11-20T03:30:00Z'))), '2026-11-21T03:30:00.000Z')
    assert.equal(iso(nextRunAt(time, at('2026-11-20T23:59:59Z'))), '2026-11-21T03:30:00.000Z')
    const midnight = parseJobTime('daily 00:00')
    assert.equal(iso(nextRunAt(midnight, at('2026-12-31T12:00:00Z'))), '2027-01-01T00:00:00.000Z')
  })

  test('hourly :MM runs at that minute of this hour or the next', () => {
    const time = parseJobTime('hourly :05')
    assert.equal(iso(nextRunAt(time, at('2026-11-20T10:04:59Z'))), '2026-11-20T10:05:00.000Z')
    assert.equal(iso(nextRunAt(time, at('2026-11-20T10:05:00Z'))), '2026-11-20T11:05:00.000Z')
    assert.equal(iso(nextRunAt(time, at('2026-11-20T23:30:00Z'))), '2026-11-21T00:05:00.000Z')
  })

  test('anything else is refused', () => {
    for (const bad of ['daily 24:00', 'daily 3:30', 'hourly :60', 'hourly 05', 'weekly 03:00', ''])
      assert.throws(() => parseJobTime(bad), /daily HH:MM/, bad)
  })
})

/** Reader-page dates and counts: the English fast path must write exactly what ICU writes. */

import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import {
  formatCount,
  formatDate,
  formatDateTime,
  formatEditionDate,
  formatViews,
} from '../../../src/web/render/format.js'

const intl = (language: string, options: Intl.DateTimeFormatOptions, at: Date): string =>
  new Intl.DateTimeFormat(language, { ...options, timeZone: 'UTC' }).format(at)

/** Every hour of 2026 at a varying minute, plus the edges of a few other years. */
function sampleDates(): Date[] {
  const dates: Date[] = []
  for (let hour = 0; hour < 365 * 24; hour++) {
    dates.push(new Date(Date.UTC(2026, 0, 1, hour, (hour * 7) % 60)))
  }
  for (const year of [1999, 2000, 2024, 2099]) {
    dates.push(new Date(Date.UTC(year, 1, 29, 0, 0)), new Date(Date.UTC(year, 11, 31, 23, 59)))
  }
  return dates
}

describe('reader-page formats', () => {
  for (const language of ['en', 'en-US', 'en-GB']) {
    test(`${language}: long dates, times and edition lines equal ICU's over a year`, () => {
      for (const at of sampleDates()) {
        const when = at.toISOString()
        assert.equal(formatDate(at, language), intl(language, { dateStyle: 'long' }, at), when)
        assert.equal(
          formatDateTime(at, language),
          `${intl(language, { dateStyle: 'long', timeStyle: 'short' }, at)} UTC`,
          when,
        )
        assert.equal(
          formatEditionDate(at, language),
          intl(language, { dateStyle: 'full' }, at),
          when,
        )
      }
    })
  }

  test('other languages are formatted by ICU in their own words', () => {
    const at = new Date(Date.UTC(2026, 10, 20, 12, 0))
    assert.equal(formatDate(at, 'de'), '20. November 2026')
    assert.equal(formatDate(at, 'fr'), '20 novembre 2026')
    assert.equal(formatEditionDate(at, 'pt-PT'), intl('pt-PT', { dateStyle: 'full' }, at))
    assert.equal(
      formatDateTime(at, 'en-AU'),
      `${intl('en-AU', { dateStyle: 'long', timeStyle: 'short' }, at)} UTC`,
    )
  })

  test('counts are grouped as ICU groups them for en-US', () => {
    const icu = new Intl.NumberFormat('en-US')
    for (const value of [
      0,
      1,
      12,
      999,
      1000,
      1234,
      99_999,
      100_000,
      1_234_567,
      -4321,
      2 ** 53 - 1,
      12.5,
    ]) {
      assert.equal(formatCount(value), icu.format(value), String(value))
    }
    assert.equal(formatViews(1), '1 view')
    assert.equal(formatViews(50_215), '50,215 views')
  })
})

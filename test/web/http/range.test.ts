/** rangeOf: single byte ranges, suffixes, unsatisfiable and ignored Range headers, case by case. */

import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { rangeOf, type RangeOutcome } from '../../../src/web/http/range.js'

const FULL: RangeOutcome = { kind: 'full' }
const NONE: RangeOutcome = { kind: 'unsatisfiable' }
const part = (start: number, end: number): RangeOutcome => ({
  kind: 'partial',
  range: { start, end },
})

/** [Range header, body size, outcome]. */
const CASES: ReadonlyArray<[string | undefined, number, RangeOutcome]> = [
  [undefined, 1000, FULL],
  ['bytes=0-99', 1000, part(0, 99)],
  ['bytes=100-', 1000, part(100, 999)],
  ['bytes=-100', 1000, part(900, 999)],
  ['bytes=-5000', 1000, part(0, 999)],
  ['bytes=990-5000', 1000, part(990, 999)],
  ['bytes=999-999', 1000, part(999, 999)],
  ['Bytes = 0-0', 1000, part(0, 0)],
  ['bytes=1000-', 1000, NONE],
  ['bytes=1000-2000', 1000, NONE],
  ['bytes=-0', 1000, NONE],
  ['bytes=0-', 0, NONE],
  ['bytes=-10', 0, NONE],
  ['bytes=99-0', 1000, FULL],
  ['bytes=0-99, 200-299', 1000, FULL],
  ['bytes=-', 1000, FULL],
  ['bytes=a-b', 1000, FULL],
  ['bytes=0x10-20', 1000, FULL],
  ['items=0-10', 1000, FULL],
  ['bytes', 1000, FULL],
  ['', 1000, FULL],
]

describe('rangeOf', () => {
  for (const [header, size, expected] of CASES) {
    test(`${JSON.stringify(header)} of ${size} bytes → ${JSON.stringify(expected)}`, () => {
      assert.deepEqual(rangeOf(header, size), expected)
    })
  }
})

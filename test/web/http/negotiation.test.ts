/** chooseEncoding: Accept-Encoding with q-values, `*`, identity and refusals, case by case. */

import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { type ContentCoding, chooseEncoding } from '../../../src/web/http/negotiation.js'

const BOTH: readonly ContentCoding[] = ['br', 'gzip']

/** [Accept-Encoding, codings the body exists in, coding expected]. */
const CASES: ReadonlyArray<[string | undefined, readonly ContentCoding[], ContentCoding]> = [
  [undefined, BOTH, 'identity'],
  ['', BOTH, 'identity'],
  ['gzip, deflate, br', BOTH, 'br'],
  ['gzip, deflate, br, zstd', BOTH, 'br'],
  ['gzip', BOTH, 'gzip'],
  ['GZIP', BOTH, 'gzip'],
  ['x-gzip', BOTH, 'gzip'],
  ['br', ['gzip'], 'identity'],
  ['br, gzip', ['gzip'], 'gzip'],
  ['br;q=0', BOTH, 'identity'],
  ['br;q=0, gzip', BOTH, 'gzip'],
  ['br;q=0, gzip;q=0.5', BOTH, 'gzip'],
  ['br ; q=0 , gzip ; q=0.5', BOTH, 'gzip'],
  ['br;q=0.5, gzip;q=1', BOTH, 'gzip'],
  ['br;q=1, gzip;q=1', BOTH, 'br'],
  ['br;q=0.000', BOTH, 'identity'],
  ['*', BOTH, 'br'],
  ['*;q=0', BOTH, 'identity'],
  ['gzip;q=0, *', BOTH, 'br'],
  ['br;q=0, *', BOTH, 'gzip'],
  ['identity', BOTH, 'identity'],
  ['identity;q=1, gzip;q=0.5', BOTH, 'identity'],
  ['identity;q=0.2, gzip;q=0.5', BOTH, 'gzip'],
  ['identity;q=0, *;q=0', BOTH, 'identity'],
  ['deflate', BOTH, 'identity'],
  ['br;q=2, gzip', BOTH, 'gzip'],
  ['br;q=abc, gzip', BOTH, 'gzip'],
  ['br;level=5, gzip;q=0.1', BOTH, 'br'],
  [' , ,br', BOTH, 'br'],
  ['br;q=0, br', BOTH, 'identity'],
]

describe('chooseEncoding', () => {
  for (const [header, available, expected] of CASES) {
    test(`${JSON.stringify(header)} with [${available.join(', ')}] → ${expected}`, () => {
      assert.equal(chooseEncoding(header, available), expected)
    })
  }
})

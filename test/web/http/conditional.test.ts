/** isNotModified, rangeStillValid and entityTags: RFC 9110's conditional rules, case by case. */

import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import {
  type ConditionalHeaders,
  entityTags,
  isNotModified,
  rangeStillValid,
  type Validators,
} from '../../../src/web/http/conditional.js'

const CHANGED = new Date('2026-11-20T10:00:00.750Z')
const CURRENT: Validators = { etags: ['"abc"', '"abc-br"'], lastModified: CHANGED }
const BEFORE = 'Fri, 20 Nov 2026 09:59:59 GMT'
const SAME = 'Fri, 20 Nov 2026 10:00:00 GMT'
const AFTER = 'Fri, 20 Nov 2026 10:00:01 GMT'

/** [what the request sent, whether the answer is 304]. */
const NOT_MODIFIED: ReadonlyArray<[ConditionalHeaders, boolean]> = [
  [{}, false],
  [{ ifNoneMatch: '"abc"' }, true],
  [{ ifNoneMatch: 'W/"abc"' }, true],
  [{ ifNoneMatch: '"abc-br"' }, true],
  [{ ifNoneMatch: '"other", "abc-br"' }, true],
  [{ ifNoneMatch: '"other",W/"abc"' }, true],
  [{ ifNoneMatch: '*' }, true],
  [{ ifNoneMatch: ' * ' }, true],
  [{ ifNoneMatch: '"ab"' }, false],
  [{ ifNoneMatch: '"xabcx"' }, false],
  [{ ifNoneMatch: 'abc' }, false],
  [{ ifNoneMatch: '"a,b", "abc"' }, true],
  [{ ifNoneMatch: '' }, false],
  // If-None-Match present: If-Modified-Since is not looked at, even when it would match.
  [{ ifNoneMatch: '"other"', ifModifiedSince: AFTER }, false],
  [{ ifModifiedSince: AFTER }, true],
  [{ ifModifiedSince: SAME }, true],
  [{ ifModifiedSince: BEFORE }, false],
  [{ ifModifiedSince: 'not a date' }, false],
]

describe('isNotModified', () => {
  for (const [headers, expected] of NOT_MODIFIED) {
    test(`${JSON.stringify(headers)} → ${expected ? '304' : '200'}`, () => {
      assert.equal(isNotModified(headers, CURRENT), expected)
    })
  }

  test('Last-Modified given as the HTTP-date already sent compares the same way', () => {
    const current = { etags: ['"abc"'], lastModified: SAME }
    assert.equal(isNotModified({ ifModifiedSince: SAME }, current), true)
    assert.equal(isNotModified({ ifModifiedSince: BEFORE }, current), false)
  })

  test('without a Last-Modified, If-Modified-Since never matches', () => {
    assert.equal(isNotModified({ ifModifiedSince: AFTER }, { etags: ['"abc"'] }), false)
  })
})

/** [If-Range, whether the range still applies]. */
const IF_RANGE: ReadonlyArray<[string | undefined, boolean]> = [
  [undefined, true],
  ['"abc"', true],
  ['W/"abc"', false],
  ['"other"', false],
  [SAME, true],
  [BEFORE, false],
  [AFTER, false],
  ['garbage', false],
]

describe('rangeStillValid', () => {
  for (const [ifRange, expected] of IF_RANGE) {
    test(`If-Range ${JSON.stringify(ifRange)} → ${expected}`, () => {
      assert.equal(rangeStillValid(ifRange, CURRENT), expected)
    })
  }
})

describe('entityTags', () => {
  const CASES: ReadonlyArray<[string, string[] | '*']> = [
    ['"a"', ['"a"']],
    ['"a", W/"b" ,"c"', ['"a"', 'W/"b"', '"c"']],
    ['"a,b"', ['"a,b"']],
    ['*', '*'],
    ['"a", broken, "c"', ['"a"']],
    ['"unterminated', []],
    ['', []],
  ]
  for (const [header, expected] of CASES) {
    test(`${JSON.stringify(header)}`, () => {
      assert.deepEqual(entityTags(header), expected)
    })
  }
})

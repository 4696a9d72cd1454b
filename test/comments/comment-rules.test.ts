/** The pure comment rules: grapheme counting, limits, characters and e-mail. */

import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { graphemeLength, validateComment } from '../../src/comments/comment-rules.js'

const valid = { authorName: 'Ana', body: 'Good story.' }

function failure(input: { authorName: string; authorEmail?: string | null; body: string }) {
  try {
    validateComment(input)
  } catch (error) {
    const { code, details } = error as { code: string; details: Record<string, unknown> }
    return { code, details }
  }
  return undefined
}

describe('comment rules', () => {
  test('an emoji flag, a family emoji and an accented letter each count as one', () => {
    assert.equal(graphemeLength('🇯🇵'), 1)
    assert.equal(graphemeLength('👨‍👩‍👧'), 1)
    assert.equal(graphemeLength('e\u0301'), 1)
    assert.equal(graphemeLength('🇯🇵 ok'), 4)
  })

  test('300 graphemes pass and 301 fail with the limit and the length', () => {
    assert.equal(validateComment({ ...valid, body: '🇯🇵'.repeat(300) }).body.length, 1200)
    assert.deepEqual(failure({ ...valid, body: '🇯🇵'.repeat(301) }), {
      code: 'COMMENT_TOO_LONG',
      details: { field: 'body', max: 300, length: 301 },
    })
    assert.equal(failure({ ...valid, body: `  ${'a'.repeat(300)}  ` }), undefined)
  })

  test('one grapheme cannot smuggle bulk: code points and marks per character are capped', () => {
    // The probe: "a" and 31,000 combining marks is one grapheme and 62 KB.
    assert.equal(graphemeLength(`a${'\u0301'.repeat(31_000)}`), 1)
    assert.deepEqual(failure({ ...valid, body: `a${'\u0301'.repeat(31_000)}` }), {
      code: 'COMMENT_TOO_MANY_CODE_POINTS',
      details: { field: 'body', max: 2000 },
    })
    // Under the code-point cap a fifth mark on one letter is refused (NFC composes none onto x)…
    assert.deepEqual(failure({ ...valid, body: `ok x${'\u0301'.repeat(5)}` }), {
      code: 'COMMENT_TOO_MANY_MARKS',
      details: { field: 'body', max: 4 },
    })
    assert.equal(
      failure({ ...valid, authorName: `Ax${'\u0301'.repeat(5)}na` })?.code,
      'COMMENT_TOO_MANY_MARKS',
    )
    // …while real writing (Vietnamese stacks two marks, Devanagari a few) passes.
    assert.equal(failure({ ...valid, body: 'Tiê\u0301ng Vie\u0323\u0302t, क्षि' }), undefined)
    assert.equal(failure({ ...valid, body: `x${'\u0301'.repeat(4)}` }), undefined)
    // 260 graphemes (within 300) of 8-code-point family emoji are 2,080 code points: refused.
    const family = '👨🏽\u200D👩🏽\u200D👧🏽'
    assert.equal(graphemeLength(family), 1)
    assert.equal(
      failure({ ...valid, body: family.repeat(260) })?.code,
      'COMMENT_TOO_MANY_CODE_POINTS',
    )
    assert.equal(failure({ ...valid, body: family.repeat(250) }), undefined)
  })

  test('names are required and at most 50 graphemes', () => {
    assert.equal(failure({ ...valid, authorName: '   ' })?.code, 'COMMENT_NAME_REQUIRED')
    assert.equal(failure({ ...valid, authorName: 'n'.repeat(51) })?.code, 'COMMENT_NAME_TOO_LONG')
    assert.equal(failure({ ...valid, authorName: '🇯🇵'.repeat(50) }), undefined)
    assert.equal(failure({ ...valid, authorName: '' })?.details.field, 'authorName')
  })

  test('an empty or whitespace-only body is required', () => {
    assert.equal(failure({ ...valid, body: '' })?.code, 'COMMENT_BODY_REQUIRED')
    assert.equal(failure({ ...valid, body: ' \n\t ' })?.code, 'COMMENT_BODY_REQUIRED')
  })

  test('control characters are refused except newline and tab', () => {
    assert.equal(failure({ ...valid, body: 'bell\u0007' })?.code, 'COMMENT_INVALID_CHARACTERS')
    assert.equal(failure({ ...valid, body: 'nul\u0000x' })?.details.field, 'body')
    assert.equal(failure({ ...valid, authorName: 'A\nB' })?.code, 'COMMENT_INVALID_CHARACTERS')
    assert.equal(
      validateComment({ ...valid, body: 'line one\r\n\tline two' }).body,
      'line one\n\tline two',
    )
  })

  test('an optional e-mail is validated and blank means none', () => {
    assert.equal(
      failure({ ...valid, authorEmail: 'not-an-address' })?.code,
      'COMMENT_EMAIL_INVALID',
    )
    assert.equal(validateComment({ ...valid, authorEmail: '  ' }).authorEmail, null)
    assert.equal(
      validateComment({ ...valid, authorEmail: 'Ana@Example.org' }).authorEmail,
      'ana@example.org',
    )
  })
})

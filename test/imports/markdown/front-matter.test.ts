import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { frontDate } from '../../../src/imports/markdown/front-dates.js'
import { frontMatter, scalar } from '../../../src/imports/markdown/front-matter.js'

describe('frontMatter', () => {
  test('reads scalars, quotes, both list forms, blocks and comments', () => {
    const parsed = frontMatter(
      [
        '---',
        'title: "A \\"quoted\\" title"  ',
        "other: 'it''s'",
        'plain: some text # a comment',
        'empty:',
        'nothing: ~',
        'flow: [a, "b, c", \'d\']',
        '# a comment line',
        'block:',
        '  - one',
        '  - "two"',
        'kept: |',
        '  line one',
        '  line two',
        'folded: >',
        '  joined',
        '  together',
        'Mixed_Case-Key: yes',
        '---',
        'Body text',
      ].join('\n'),
    )
    assert.ok(parsed)
    assert.deepEqual(Object.fromEntries(parsed.fields), {
      title: 'A "quoted" title',
      other: "it's",
      plain: 'some text',
      empty: null,
      nothing: null,
      flow: ['a', 'b, c', 'd'],
      block: ['one', 'two'],
      kept: 'line one\nline two',
      folded: 'joined together',
      'mixed_case-key': 'yes',
    })
    assert.equal(parsed.body, 'Body text')
    assert.equal(parsed.bodyLine, 20)
    assert.deepEqual(parsed.problems, [])
  })

  test('no opening fence is no front matter; an unclosed one is a problem', () => {
    assert.equal(frontMatter('# Title\n'), undefined)
    assert.deepEqual(
      frontMatter('---\ntitle: x\n')?.problems.map((p) => p.line),
      [1],
    )
  })

  test('reports unreadable lines and nested mappings by line number', () => {
    const parsed = frontMatter(
      '---\ntitle: ok\njust words\nauthor:\n  name: Ana\n  email: a@example.org\ntags: [a, b\n---\n',
    )
    assert.deepEqual(
      parsed?.problems.map((p) => p.line),
      [3, 4, 7],
    )
    assert.equal(parsed?.fields.get('title'), 'ok')
  })

  test('scalar keeps # inside quotes and words', () => {
    assert.equal(scalar('"a # b"'), 'a # b')
    assert.equal(scalar('C#'), 'C#')
  })
})

describe('frontDate', () => {
  test('reads dates, times and zones; local times count as UTC', () => {
    assert.equal(frontDate('2024-03-05')?.toISOString(), '2024-03-05T00:00:00.000Z')
    assert.equal(frontDate('2024-03-05 14:30')?.toISOString(), '2024-03-05T14:30:00.000Z')
    assert.equal(frontDate('2024-03-05T14:30:10+0200')?.toISOString(), '2024-03-05T12:30:10.000Z')
    assert.equal(frontDate('2024-03-05T14:30:10.5Z')?.toISOString(), '2024-03-05T14:30:10.000Z')
  })

  test('days that do not exist and other text are no dates', () => {
    for (const text of ['2024-02-30', '2024-13-01', 'March 5, 2024', '05/03/2024', ''])
      assert.equal(frontDate(text), undefined, text)
  })
})

/** The query parser and its two compilers: what reaches FTS5 and tsquery for each kind of input. */

import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { tsvectorOf } from '../../src/search/index-postgres-tsvector.js'
import { toFts5, toTsquery } from '../../src/search/query-compile.js'
import { parseQuery } from '../../src/search/query-parser.js'

const both = (input: string): [string | undefined, string | undefined] => {
  const query = parseQuery(input)
  return [toFts5(query), toTsquery(query)]
}

describe('search query parser', () => {
  test('words are analysed terms, every one required', () => {
    assert.deepEqual(both('Ferries STORM'), ['"ferry" AND "storm"', "'ferry' & 'storm'"])
  })

  test('quotes make a phrase, * a prefix, - and NOT an exclusion, OR an alternative', () => {
    assert.deepEqual(both('"tidal power"'), ['"tidal power"', "('tidal' <-> 'power')"])
    assert.deepEqual(both('ferr*'), ['"ferr" *', "'ferr':*"])
    assert.deepEqual(both('power -tidal'), ['("power") NOT "tidal"', "'power' & !'tidal'"])
    assert.deepEqual(both('power NOT tidal'), both('power -tidal'))
    assert.deepEqual(both('storm OR gale ferry'), [
      '("storm" OR "gale") AND "ferry"',
      "('storm' | 'gale') & 'ferry'",
    ])
  })

  test('a word with inner punctuation is a phrase of its parts, as the index saw it', () => {
    assert.deepEqual(both('e-mail'), ['"e mail"', "('e' <-> 'mail')"])
  })

  test('operators and symbols alone leave nothing to search for', () => {
    for (const input of [
      '',
      'AND',
      'OR',
      'NOT',
      '-',
      '*',
      '**',
      '(',
      '😀',
      '\u0000',
      '""',
      'NOT ferry',
    ])
      assert.deepEqual(both(input), [undefined, undefined], JSON.stringify(input))
  })

  test('unbalanced quotes, NEAR and column filters are read as words, never as syntax', () => {
    assert.deepEqual(both('NEAR('), ['"near"', "'near'"])
    assert.deepEqual(both('"open ferry'), ['"open" AND "ferry"', "'open' & 'ferry'"])
    assert.deepEqual(both('NEAR(ferry storm)'), [
      '"near ferry" AND "storm"',
      "('near' <-> 'ferry') & 'storm'",
    ])
    assert.deepEqual(both('headline:ferry'), ['"headline ferry"', "('headline' <-> 'ferry')"])
    assert.deepEqual(both("'; drop table x; --"), [
      '"drop" AND "table" AND "x"',
      "'drop' & 'table' & 'x'",
    ])
  })

  test('at most twelve units are read', () => {
    const query = parseQuery(Array.from({ length: 30 }, (_, i) => `word${i}`).join(' '))
    assert.equal(query.groups.length, 12)
  })

  test('a document becomes a tsvector with field weights and a gap between fields', () => {
    const vector = tsvectorOf({
      articleId: 1,
      headline: 'Ferries stop',
      dek: 'Storm',
      body: 'Ferries wait',
      tags: 'Transport',
      authors: 'Ann Lee',
      sourceModifiedAt: '2026-11-20T12:00:00.000Z',
    })
    assert.equal(
      vector,
      "'ferry':2A,12D 'stop':3A 'transport':5B 'ann':7B 'lee':8B 'storm':10C 'wait':13D",
    )
  })
})

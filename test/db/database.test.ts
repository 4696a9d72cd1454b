/** openDatabase's URL handling: a schema chosen through the PostgreSQL URL's options parameter. */

import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { searchPathOf } from '../../src/db/database.js'

describe('searchPathOf', () => {
  test('reads the schema from options=-c search_path=…', () => {
    const base = 'postgres://masthead@127.0.0.1:5432/news'
    assert.equal(searchPathOf(`${base}?options=-c%20search_path%3Dledger`), 'ledger')
    assert.equal(searchPathOf(`${base}?options=--search_path%3Dledger`), 'ledger')
    assert.equal(searchPathOf(`${base}?options=-c%20search_path%3Dledger,public`), 'ledger')
    assert.equal(searchPathOf(`${base}?sslmode=disable`), undefined)
    assert.equal(searchPathOf(base), undefined)
  })
})

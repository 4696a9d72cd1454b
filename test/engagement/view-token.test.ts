/** View tokens on every database: signed per story, good for half an hour, shared by every process. */

import assert from 'node:assert/strict'
import { test } from 'node:test'
import { createViewTokens, VIEW_TOKEN_MAX_AGE_MS } from '../../src/engagement/view-token.js'
import { createFixedClock } from '../../src/lib/clock.js'
import { forEachDatabase } from '../helpers/databases.js'

forEachDatabase('view tokens', (t) => {
  test('a token names its story until it expires; forged and altered ones name nothing', async () => {
    const clock = createFixedClock(new Date('2026-11-20T12:00:00Z'))
    const tokens = createViewTokens({ db: t.handle.db, clock })
    const token = await tokens.issue(42)
    assert.equal(await tokens.check(token), 42)
    const [, issued, mac] = token.split('.')
    assert.equal(await tokens.check(`43.${issued}.${mac}`), undefined)
    assert.equal(await tokens.check(`42.${Number(issued) + 1}.${mac}`), undefined)
    for (const bad of ['', 'x', '42', `42.${issued}.${'A'.repeat(22)}`, `${token}A`]) {
      assert.equal(await tokens.check(bad), undefined, bad)
    }
    clock.advance(VIEW_TOKEN_MAX_AGE_MS - 1000)
    assert.equal(await tokens.check(token), 42, 'still good just before it expires')
    clock.advance(2000)
    assert.equal(await tokens.check(token), undefined, 'expired')
    assert.equal(await tokens.check(await tokens.issue(42)), 42, 'a fresh page has a fresh one')
  })

  test('a second process on the same database accepts the first one’s tokens', async () => {
    const clock = createFixedClock(new Date('2026-11-20T12:00:00Z'))
    const first = createViewTokens({ db: t.handle.db, clock })
    const second = createViewTokens({ db: t.handle.db, clock })
    assert.equal(await second.check(await first.issue(7)), 7)
  })
})

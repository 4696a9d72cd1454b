/** A full disk answers 503 STORAGE_FULL (not 500) and turns /healthz red; an aborted body is a 400. */

import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import BetterSqlite3 from 'better-sqlite3'
import { publicError } from '../../../src/web/plugins/error-handler.js'
import { buildTestApp, type TestApp } from '../../helpers/build-test-app.js'

describe('storage full and aborted bodies', () => {
  let testApp: TestApp
  before(async () => {
    testApp = await buildTestApp({ articles: 1 })
  })
  after(() => testApp.dispose())

  test('the driver errors of a full disk map to 503 STORAGE_FULL on every dialect', () => {
    const pgDiskFull = Object.assign(new Error('could not extend file'), { code: '53100' })
    const enospc = Object.assign(new Error('no space left on device'), { code: 'ENOSPC' })
    const wrapped = new Error('write failed', { cause: enospc })
    for (const error of [
      new BetterSqlite3.SqliteError('database or disk is full', 'SQLITE_FULL'),
      pgDiskFull,
      enospc,
      wrapped,
    ]) {
      const answer = publicError(error, 'req-1')
      assert.equal(answer.status, 503, error.message)
      assert.equal(answer.code, 'STORAGE_FULL')
    }
  })

  test('a post that fails for lack of space answers 503 and /healthz says unavailable', async () => {
    const { app } = testApp
    assert.equal((await app.web.inject({ url: '/healthz' })).statusCode, 200)
    const { items } = await app.services.newsroom.listArticles({}, 1, 1)
    const comments = app.services.comments
    const post = comments.post
    // What better-sqlite3 throws when SQLite cannot grow the file (a real full disk cannot be
    // made without root): the same class and code, thrown where the write happens.
    comments.post = async () => {
      throw new BetterSqlite3.SqliteError('database or disk is full', 'SQLITE_FULL')
    }
    try {
      const response = await app.web.inject({
        method: 'POST',
        url: `/api/v1/articles/${items[0]?.slug ?? ''}/comments`,
        payload: { name: 'Ada', body: 'Will this fit?' },
      })
      assert.equal(response.statusCode, 503)
      assert.equal(response.json<{ error: { code: string } }>().error.code, 'STORAGE_FULL')
      assert.equal(response.headers['retry-after'], '60')
      const health = await app.web.inject({ url: '/healthz' })
      assert.equal(health.statusCode, 503)
      assert.deepEqual(health.json(), { status: 'unavailable' })
    } finally {
      comments.post = post
    }
  })

  test('a body the client stopped sending is a 400 REQUEST_ABORTED, not a 500', () => {
    // What Node's request stream emits when the client goes away, with the 400 Fastify adds.
    const aborted = Object.assign(new Error('aborted'), { code: 'ECONNRESET', statusCode: 400 })
    const answer = publicError(aborted, 'req-2')
    assert.equal(answer.status, 400)
    assert.equal(answer.code, 'REQUEST_ABORTED')
  })
})

/** The API mount: unknown API paths answer a JSON 404 with a stable code, never the site's page. */

import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { buildTestApp, type TestApp } from '../../helpers/build-test-app.js'

describe('api mount', () => {
  let testApp: TestApp

  before(async () => {
    testApp = await buildTestApp({ articles: 1 })
  })

  after(async () => {
    await testApp.dispose()
  })

  for (const url of ['/api/v1/no-such-thing', '/api/unknown', '/api/v1/articles/x/y/z']) {
    test(`${url} answers a JSON 404 even to a browser`, async () => {
      const response = await testApp.app.web.inject({
        url,
        headers: { accept: 'text/html' },
      })
      assert.equal(response.statusCode, 404)
      assert.match(String(response.headers['content-type']), /^application\/json/)
      assert.equal(response.json<{ error: { code: string } }>().error.code, 'ROUTE_NOT_FOUND')
    })
  }
})

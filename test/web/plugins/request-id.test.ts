/** Request ids: generated unless a safe one arrives, and always echoed. */

import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { pluginApp } from './plugin-app.js'

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/

describe('request id', () => {
  test('a request without an id gets a fresh UUID in x-request-id', async () => {
    const app = await pluginApp()
    app.get('/id', async (request) => ({ id: request.id }))
    const response = await app.inject({ url: '/id' })
    assert.match(String(response.headers['x-request-id']), UUID)
    assert.equal(response.json<{ id: string }>().id, response.headers['x-request-id'])
    await app.close()
  })

  test('behind a trusted proxy a short safe incoming id is kept; anything else is replaced', async () => {
    const app = await pluginApp({ trustProxy: true })
    app.get('/id', async (request) => ({ id: request.id }))
    const kept = await app.inject({ url: '/id', headers: { 'x-request-id': 'edge-7f3a:01' } })
    assert.equal(kept.headers['x-request-id'], 'edge-7f3a:01')
    for (const unsafe of ['has space', 'x'.repeat(65), '<script>', 'a\u00e9b']) {
      const replaced = await app.inject({ url: '/id', headers: { 'x-request-id': unsafe } })
      assert.match(String(replaced.headers['x-request-id']), UUID, unsafe)
    }
    await app.close()
  })

  test('without a trusted proxy a client’s x-request-id is never echoed', async () => {
    const app = await pluginApp()
    app.get('/id', async (request) => ({ id: request.id }))
    const response = await app.inject({ url: '/id', headers: { 'x-request-id': 'edge-7f3a:01' } })
    assert.match(String(response.headers['x-request-id']), UUID)
    assert.equal(response.json<{ id: string }>().id, response.headers['x-request-id'])
    await app.close()
  })
})

/** The urlencoded form parser: fields as strings, repeats as arrays, oversized bodies refused. */

import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { pluginApp } from './plugin-app.js'

const FORM = { 'content-type': 'application/x-www-form-urlencoded' }

describe('form body', () => {
  test('fields arrive as strings and repeated names as arrays', async () => {
    const app = await pluginApp()
    app.post('/echo', async (request) => ({ body: request.body }))
    const response = await app.inject({
      method: 'POST',
      url: '/echo',
      headers: FORM,
      payload: 'name=Ana+Lee&body=Caf%C3%A9+%F0%9F%87%B3%F0%9F%87%B4&tag=a&tag=b',
    })
    assert.equal(response.statusCode, 200)
    assert.deepEqual(response.json(), {
      body: { name: 'Ana Lee', body: 'Café 🇳🇴', tag: ['a', 'b'] },
    })
    await app.close()
  })

  test('a body over the limit answers 413 BODY_TOO_LARGE', async () => {
    const app = await pluginApp({ bodyLimit: 1024 })
    app.post('/echo', async (request) => ({ body: request.body }))
    const response = await app.inject({
      method: 'POST',
      url: '/echo',
      headers: FORM,
      payload: `body=${'x'.repeat(2000)}`,
    })
    assert.equal(response.statusCode, 413)
    assert.equal(response.json<{ error: { code: string } }>().error.code, 'BODY_TOO_LARGE')
    await app.close()
  })
})

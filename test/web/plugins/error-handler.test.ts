/** Errors map to one status table, with stable codes, JSON for APIs and an HTML page for browsers. */

import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { parseHTML } from 'linkedom'
import { type ErrorKind, MastheadError } from '../../../src/lib/errors.js'
import { publicError, statusForError } from '../../../src/web/plugins/error-handler.js'
import { pluginApp } from './plugin-app.js'

const KINDS: Record<ErrorKind, number> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  too_large: 413,
  unsupported_type: 415,
  rate_limited: 429,
  unavailable: 503,
  internal: 500,
}

interface ErrorBody {
  error: { code: string; message: string; details: Record<string, unknown> }
}

describe('error handler', () => {
  test('each MastheadError kind answers its status with the error code and details', async () => {
    const app = await pluginApp()
    app.get<{ Params: { kind: ErrorKind } }>('/fail/:kind', async (request) => {
      throw new MastheadError('THING_FAILED', request.params.kind, 'The thing failed.', {
        details: { limit: 3 },
      })
    })
    for (const [kind, status] of Object.entries(KINDS)) {
      const response = await app.inject({ url: `/fail/${kind}` })
      assert.equal(response.statusCode, status, kind)
      const body = response.json<ErrorBody>()
      assert.equal(body.error.code, 'THING_FAILED')
      assert.deepEqual(body.error.details, { limit: 3 })
      assert.equal(response.headers['cache-control'], 'no-store')
      assert.equal(statusForError(new MastheadError('X', kind as ErrorKind, 'x')), status)
    }
    await app.close()
  })

  test('a schema violation answers 400 REQUEST_INVALID naming the fields', async () => {
    const app = await pluginApp()
    app.get(
      '/list',
      {
        schema: {
          querystring: {
            type: 'object',
            properties: { page: { type: 'integer', minimum: 1 } },
            additionalProperties: false,
          },
        },
      },
      async () => 'ok',
    )
    const bad = await app.inject({ url: '/list?page=zero' })
    assert.equal(bad.statusCode, 400)
    assert.equal(bad.json<ErrorBody>().error.code, 'REQUEST_INVALID')
    assert.deepEqual(bad.json<ErrorBody>().error.details.fields, ['page'])
    const unknown = await app.inject({ url: '/list?sort=new' })
    assert.equal(unknown.statusCode, 400)
    assert.deepEqual(unknown.json<ErrorBody>().error.details.fields, ['sort'])
    assert.equal((await app.inject({ url: '/list?page=2' })).statusCode, 200)
    await app.close()
  })

  test('an unexpected error answers 500 INTERNAL_ERROR without leaking its message', async () => {
    // Behind a trusted proxy, so the proxy's request id is the one quoted.
    const app = await pluginApp({ trustProxy: true })
    app.get('/crash', async () => {
      throw new Error('secret database password in here')
    })
    const response = await app.inject({
      url: '/crash',
      headers: { 'x-request-id': 'trace-123' },
    })
    assert.equal(response.statusCode, 500)
    const body = response.json<ErrorBody>()
    assert.equal(body.error.code, 'INTERNAL_ERROR')
    assert.ok(!response.body.includes('secret'))
    assert.ok(!response.body.includes('at '), 'no stack frames')
    assert.equal(body.error.details.requestId, 'trace-123')
    assert.equal(response.headers['x-request-id'], 'trace-123')
    await app.close()
  })

  test('browsers get a small valid HTML page; /api/ always gets JSON', async () => {
    const app = await pluginApp()
    app.get('/page', async () => {
      throw new MastheadError('ARTICLE_NOT_FOUND', 'not_found', 'No story <here>.')
    })
    app.get('/api/v1/thing', async () => {
      throw new MastheadError('ARTICLE_NOT_FOUND', 'not_found', 'No story.')
    })
    const html = await app.inject({ url: '/page', headers: { accept: 'text/html' } })
    assert.equal(html.statusCode, 404)
    assert.match(String(html.headers['content-type']), /^text\/html/)
    const { document } = parseHTML(html.body)
    assert.equal(document.documentElement.getAttribute('lang'), 'en')
    assert.equal(document.querySelector('main h1')?.textContent, 'Page not found')
    assert.equal(document.querySelector('main p')?.textContent, 'No story <here>.')
    assert.ok(!html.body.includes('<here>'), 'the message is escaped')
    const api = await app.inject({ url: '/api/v1/thing', headers: { accept: 'text/html' } })
    assert.equal(api.json<ErrorBody>().error.code, 'ARTICLE_NOT_FOUND')
    await app.close()
  })

  test('an unknown route answers 404 ROUTE_NOT_FOUND in JSON or HTML', async () => {
    const app = await pluginApp()
    const json = await app.inject({ url: '/api/nothing' })
    assert.equal(json.statusCode, 404)
    assert.equal(json.json<ErrorBody>().error.code, 'ROUTE_NOT_FOUND')
    const html = await app.inject({ url: '/nothing', headers: { accept: 'text/html,*/*' } })
    assert.equal(html.statusCode, 404)
    assert.match(html.body, /^<!doctype html>/)
    await app.close()
  })

  test('an unsupported body type answers 415 UNSUPPORTED_MEDIA_TYPE', async () => {
    const app = await pluginApp()
    app.post('/form', async () => 'ok')
    const response = await app.inject({
      method: 'POST',
      url: '/form',
      headers: { 'content-type': 'application/x-strange' },
      payload: 'x',
    })
    assert.equal(response.statusCode, 415)
    assert.equal(response.json<ErrorBody>().error.code, 'UNSUPPORTED_MEDIA_TYPE')
    await app.close()
  })

  test('publicError keeps Fastify internals out and falls back to 500', () => {
    assert.equal(publicError('a string thrown', 'r1').code, 'INTERNAL_ERROR')
    assert.equal(publicError(undefined, 'r1').status, 500)
    const tooLarge = Object.assign(new Error('x'), {
      code: 'FST_ERR_CTP_BODY_TOO_LARGE',
      statusCode: 413,
    })
    assert.deepEqual(
      [publicError(tooLarge, 'r1').status, publicError(tooLarge, 'r1').code],
      [413, 'BODY_TOO_LARGE'],
    )
  })
})

/** Route validators compiled on first use: same answers as eager ones, and every schema compiles. */

import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import Fastify from 'fastify'
import { createLazyValidators } from '../../src/web/lazy-validators.js'
import { buildTestApp, type TestApp } from '../helpers/build-test-app.js'

/** A tiny server with the options server.ts gives Ajv, eager or lazy. */
async function server(lazy: boolean) {
  const validators = createLazyValidators()
  const app = Fastify({
    ...(lazy
      ? { schemaController: { compilersFactory: { buildValidator: validators.buildValidator } } }
      : {}),
    ajv: { customOptions: { removeAdditional: false, coerceTypes: true, allErrors: false } },
  })
  app.get(
    '/items',
    {
      schema: {
        querystring: {
          type: 'object',
          properties: { page: { type: 'integer', minimum: 1, default: 1 } },
          additionalProperties: false,
        },
      },
    },
    async (request) => ({ query: request.query }),
  )
  app.post(
    '/items/:id',
    {
      schema: {
        params: { type: 'object', properties: { id: { type: 'integer' } }, required: ['id'] },
        body: {
          type: 'object',
          properties: { name: { type: 'string', minLength: 1 } },
          required: ['name'],
        },
      },
    },
    async (request) => ({ params: request.params, body: request.body }),
  )
  await app.ready()
  return { app, validators }
}

describe('lazy route validators', () => {
  test('nothing is compiled at start; answers match the eager compiler exactly', async () => {
    const lazy = await server(true)
    const eager = await server(false)
    // GET's querystring (and its automatic HEAD route's), the POST's params and body.
    assert.equal(lazy.validators.pending(), 4, 'every validator waits for a request')
    const requests = [
      { method: 'GET', url: '/items' },
      { method: 'GET', url: '/items?page=3' },
      { method: 'GET', url: '/items?page=0' },
      { method: 'GET', url: '/items?page=x' },
      { method: 'GET', url: '/items?other=1' },
      { method: 'HEAD', url: '/items?page=x' },
      { method: 'POST', url: '/items/7', payload: { name: 'ok' } },
      { method: 'POST', url: '/items/7', payload: { name: '' } },
      { method: 'POST', url: '/items/seven', payload: { name: 'ok' } },
      { method: 'POST', url: '/items/7', payload: {} },
    ] as const
    for (const request of requests) {
      const [a, b] = await Promise.all([lazy.app.inject(request), eager.app.inject(request)])
      assert.equal(a.statusCode, b.statusCode, `${request.method} ${request.url}`)
      assert.equal(a.body, b.body, `${request.method} ${request.url}`)
    }
    // Coercion and defaults reach the handler: ?page=3 is the number 3, no page is 1.
    assert.deepEqual((await lazy.app.inject({ url: '/items?page=3' })).json(), {
      query: { page: 3 },
    })
    assert.deepEqual((await lazy.app.inject({ url: '/items' })).json(), { query: { page: 1 } })
    assert.equal(lazy.validators.pending(), 0)
    await Promise.all([lazy.app.close(), eager.app.close()])
  })

  test('a schema that does not compile surfaces in compilePending', async () => {
    const validators = createLazyValidators()
    const app = Fastify({
      schemaController: { compilersFactory: { buildValidator: validators.buildValidator } },
    })
    app.get('/broken', { schema: { querystring: { type: 'no-such-type' } } }, async () => 'x')
    await app.ready()
    await assert.rejects(validators.compilePending(), /type/)
    await app.close()
  })
})

describe("every route schema of Masthead's server compiles", () => {
  let testApp: TestApp
  before(async () => {
    testApp = await buildTestApp()
  })
  after(() => testApp.dispose())

  test('compilePendingValidators compiles them all without an error', async () => {
    const { web } = testApp.app
    await web.ready()
    await web.compilePendingValidators()
    // A second call has nothing left to do.
    await web.compilePendingValidators()
  })
})

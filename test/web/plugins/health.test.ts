/** /healthz answers 200 when the database does and 503 when it does not, never cached. */

import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import Fastify from 'fastify'
import { healthPlugin } from '../../../src/web/plugins/health.js'

async function healthApp(checkHealth: () => Promise<void>, warm = () => true) {
  const app = Fastify({ logger: false })
  await app.register(healthPlugin, { checkHealth, warm })
  return app
}

describe('healthz', () => {
  test('a healthy process answers 200 {"status":"ok"} and whether its rails are warm', async () => {
    let warm = false
    const app = await healthApp(
      async () => {},
      () => warm,
    )
    const cold = await app.inject({ url: '/healthz' })
    assert.equal(cold.statusCode, 200)
    assert.deepEqual(cold.json(), { status: 'ok', warm: false })
    assert.equal(cold.headers['cache-control'], 'no-store')
    warm = true
    assert.deepEqual((await app.inject({ url: '/healthz' })).json(), { status: 'ok', warm: true })
    await app.close()
  })

  test('a failing check answers 503 {"status":"unavailable"} without its reason', async () => {
    const app = await healthApp(async () => {
      throw new Error('connection refused to 10.0.0.5')
    })
    const response = await app.inject({ url: '/healthz' })
    assert.equal(response.statusCode, 503)
    assert.deepEqual(response.json(), { status: 'unavailable' })
    assert.equal(response.headers['cache-control'], 'no-store')
    await app.close()
  })
})

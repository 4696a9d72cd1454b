/** Slow clients through a real socket: a body that trickles in is cut off by the request timeout. */

import assert from 'node:assert/strict'
import net from 'node:net'
import { after, before, describe, test } from 'node:test'
import { buildTestApp, type TestApp } from '../helpers/build-test-app.js'

describe('slow clients', () => {
  let testApp: TestApp
  let port = 0

  before(async () => {
    testApp = await buildTestApp({
      articles: 1,
      env: { MASTHEAD_REQUEST_TIMEOUT_MS: '1000', MASTHEAD_HEADERS_TIMEOUT_MS: '1000' },
    })
    await testApp.app.web.listen({ host: '127.0.0.1', port: 0 })
    const address = testApp.app.web.server.address()
    port = typeof address === 'object' && address !== null ? address.port : 0
  })
  after(() => testApp.dispose())

  test('a body sent a byte at a time is answered 408 and the socket closed', async () => {
    const socket = net.connect({ host: '127.0.0.1', port })
    await new Promise<void>((resolve) => socket.once('connect', resolve))
    socket.write(
      'POST /api/v1/articles/any/comments HTTP/1.1\r\nHost: 127.0.0.1\r\n' +
        'Content-Type: application/json\r\nContent-Length: 100\r\n\r\n{',
    )
    // One more byte now and then, as the slow-loris client of issue 16 did (every 10 s there).
    const drip = setInterval(() => socket.write(' '), 300)
    let received = ''
    socket.on('data', (chunk: Buffer) => (received += chunk.toString()))
    const closed = await Promise.race([
      new Promise<boolean>((resolve) => socket.once('close', () => resolve(true))),
      // Bounded: without the timeout the socket would stay open for ever.
      new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 15_000)),
    ])
    clearInterval(drip)
    socket.destroy()
    assert.equal(closed, true, 'the server closed the connection')
    assert.match(received, /^HTTP\/1\.1 408 /)
  })
})

/**
 * The prepared head against writeHead over real sockets: the same bytes on a keep-alive
 * connection, the same connection limits, and writeHead wherever the exchange is not plain.
 */

import assert from 'node:assert/strict'
import { createServer, type ServerResponse } from 'node:http'
import { connect, type AddressInfo } from 'node:net'
import { describe, test } from 'node:test'
import { prepareHead, type PreparedHead } from '../../../src/web/plugins/prepared-head.js'

const BODY = Buffer.from('<!doctype html><title>A story</title><p>Hello, reader.</p>')
const HEADERS = [
  'x-content-type-options',
  'nosniff',
  'etag',
  '"a1b2c3"',
  'content-type',
  'text/html; charset=utf-8',
  'vary',
  'Accept-Encoding',
  'content-length',
  String(BODY.length),
]
const ID = 'req-7f3a'

interface Limits {
  keepAliveTimeout?: number
  maxRequestsPerSocket?: number
  /** Whether a last response saying Connection: close is waited on to close (Node's own limit does not close). */
  awaitClose?: boolean
}

/** Serves every request with `send`, runs `requests` in turn on one socket, returns what came back. */
async function exchange(
  send: (response: ServerResponse) => void,
  requests: string[],
  limits: Limits = {},
): Promise<{ responses: string[]; closed: boolean }> {
  const server = createServer((_request, response) => send(response))
  if (limits.keepAliveTimeout !== undefined) server.keepAliveTimeout = limits.keepAliveTimeout
  if (limits.maxRequestsPerSocket !== undefined)
    server.maxRequestsPerSocket = limits.maxRequestsPerSocket
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  const socket = connect(port, '127.0.0.1')
  let received = Buffer.alloc(0)
  let closed = false
  let arrived = (): void => {}
  socket.on('data', (chunk: Buffer) => {
    received = Buffer.concat([received, chunk])
    arrived()
  })
  socket.on('close', () => {
    closed = true
    arrived()
  })
  const responses: string[] = []
  try {
    for (const request of requests) {
      socket.write(request)
      const response = await new Promise<string>((resolve, reject) => {
        arrived = () => {
          const text = received.toString('latin1')
          const end = text.indexOf('\r\n\r\n')
          const length = Number(/\r\ncontent-length: (\d+)/i.exec(text)?.[1] ?? NaN)
          if (end >= 0 && received.length >= end + 4 + length) {
            received = received.subarray(end + 4 + length)
            resolve(text.slice(0, end + 4 + length))
          } else if (closed) reject(new Error(`the socket closed after ${text.length} bytes`))
        }
        arrived()
      })
      responses.push(response)
    }
    // A response that says it closes is followed by the close (given time on a busy machine);
    // any other connection must stay open a moment longer.
    const closing =
      limits.awaitClose !== false && /\r\nConnection: close\r\n/i.test(responses.at(-1) ?? '')
    const deadline = Date.now() + (closing ? 2000 : 50)
    while (!closed && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10))
    return { responses, closed }
  } finally {
    socket.destroy()
    await new Promise((resolve) => server.close(resolve))
  }
}

/** The response with its Date value masked: the one byte range that may differ. */
const undated = (response: string): string =>
  response.replace(/\r\nDate: [^\r]*\r\n/, '\r\nDate: (masked)\r\n')

function viaWriteHead(headers: string[]): (response: ServerResponse) => void {
  return (response) => {
    response.writeHead(200, ['x-request-id', ID, ...headers])
    response.end(BODY)
  }
}

function viaPrepared(head: PreparedHead): (response: ServerResponse) => void {
  return (response) => head.send(response, ID, BODY)
}

const GET = 'GET /story HTTP/1.1\r\nHost: masthead.test\r\n\r\n'

describe('prepared head', () => {
  test("after its first page it sends writeHead's bytes, without writeHead", async () => {
    const head = prepareHead(HEADERS)
    assert.equal(head.state, 'unproven')
    const expected = await exchange(viaWriteHead(HEADERS), [GET, GET, GET])
    const states: string[] = []
    const got = await exchange(
      (response) => {
        viaPrepared(head)(response)
        states.push(head.state)
      },
      [GET, GET, GET],
    )
    assert.deepEqual(states, ['prepared', 'prepared', 'prepared'])
    assert.deepEqual(got.responses.map(undated), expected.responses.map(undated))
    assert.match(got.responses[2] ?? '', /^HTTP\/1\.1 200 OK\r\nx-request-id: req-7f3a\r\n/)
    assert.match(got.responses[2] ?? '', /\r\nDate: \w{3}, \d\d \w{3} \d{4} \d\d:\d\d:\d\d GMT\r\n/)
    assert.ok(got.responses[2]?.endsWith(BODY.toString('latin1')))
    assert.equal(got.closed, false)
  })

  test("the server's keep-alive timeout and request limit are sent and kept", async () => {
    const limits = { keepAliveTimeout: 7000, maxRequestsPerSocket: 3, awaitClose: false }
    const head = prepareHead(HEADERS)
    const expected = await exchange(viaWriteHead(HEADERS), [GET, GET, GET], limits)
    const got = await exchange(viaPrepared(head), [GET, GET, GET], limits)
    assert.equal(head.state, 'prepared')
    assert.deepEqual(got.responses.map(undated), expected.responses.map(undated))
    assert.match(got.responses[1] ?? '', /\r\nKeep-Alive: timeout=7, max=3\r\n/)
    assert.match(got.responses[2] ?? '', /\r\nConnection: close\r\n/)
  })

  test('a closing or HTTP/1.0 exchange gets what writeHead sends', async () => {
    const closing = 'GET /story HTTP/1.1\r\nHost: masthead.test\r\nConnection: close\r\n\r\n'
    const old = 'GET /story HTTP/1.0\r\n\r\n'
    for (const request of [closing, old]) {
      const head = prepareHead(HEADERS)
      const expected = await exchange(viaWriteHead(HEADERS), [GET, request])
      const got = await exchange(viaPrepared(head), [GET, request])
      assert.equal(head.state, 'prepared')
      assert.deepEqual(got.responses.map(undated), expected.responses.map(undated))
      assert.match(got.responses[1] ?? '', /\r\nConnection: close\r\n/)
      assert.equal(got.closed, true)
      assert.equal(expected.closed, true)
    }
  })

  test('a head with a header Node acts on, or one it refuses, stays with writeHead', async () => {
    const withConnection = [...HEADERS, 'Connection', 'close']
    const head = prepareHead(withConnection)
    assert.equal(head.state, 'writeHead')
    const expected = await exchange(viaWriteHead(withConnection), [GET])
    const got = await exchange(viaPrepared(head), [GET])
    assert.deepEqual(got.responses.map(undated), expected.responses.map(undated))
    assert.equal(got.closed, true)
    assert.equal(prepareHead([...HEADERS, 'x-broken', 'a\r\nb']).state, 'writeHead')
    assert.equal(prepareHead([...HEADERS, 'bad name', 'x']).state, 'writeHead')
  })
})

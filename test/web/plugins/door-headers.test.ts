/**
 * The front door reads its headers from rawHeaders; for every request it reads them from, it must
 * see what Node's request.headers would show, and leave repeated names to request.headers.
 */

import assert from 'node:assert/strict'
import { createServer, type IncomingMessage } from 'node:http'
import type { AddressInfo } from 'node:net'
import { connect } from 'node:net'
import { after, before, describe, test } from 'node:test'
import { PREFETCH_HEADERS } from '../../../src/engagement/reader-filter.js'
import { readDoorHeaders } from '../../../src/web/plugins/door-headers.js'

/** The headers given, without the names not sent (undefined). */
function sent(headers: Record<string, string | string[] | undefined>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(headers).filter(([, value]) => value !== undefined))
}

const pending: ((request: IncomingMessage) => void)[] = []

/** Sends `lines` as one raw HTTP request and resolves with the request Node's server parsed. */
function parsed(port: number, lines: string[]): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => {
    pending.push(resolve)
    const socket = connect(port, '127.0.0.1', () => {
      socket.end(['GET /story HTTP/1.1', 'Host: example.test', ...lines, '', ''].join('\r\n'))
    })
    socket.on('error', reject)
    socket.resume()
  })
}

describe('door headers against Node', () => {
  const server = createServer((request, response) => {
    pending.shift()?.(request)
    response.end()
  })
  let port = 0
  before(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    port = (server.address() as AddressInfo).port
  })
  after(() => new Promise<void>((resolve) => server.close(() => resolve())))

  test('a browser request: the same values as request.headers, in any letter case', async () => {
    const request = await parsed(port, [
      'ACCEPT-ENCODING: gzip, deflate, br, zstd',
      'User-Agent: Mozilla/5.0 (X11; Linux x86_64) Firefox/133.0',
      'Accept-Language: en-GB,en;q=0.9',
      'Referer: https://news.example.org/front',
      'Sec-Purpose: prefetch;prerender',
      'Connection: keep-alive',
      'Cache-Control: max-age=0',
      'Sec-Fetch-Mode: navigate',
    ])
    const door = readDoorHeaders(request.rawHeaders)
    assert.ok(door !== undefined)
    assert.equal(door.acceptEncoding, request.headers['accept-encoding'])
    assert.equal(door.conditional, false)
    assert.deepEqual(sent(door.viewer), {
      'user-agent': request.headers['user-agent'],
      referer: request.headers.referer,
      'sec-purpose': request.headers['sec-purpose'],
    })
  })

  test('validators make the request conditional; a bare request has no coding and no agent', async () => {
    const etag = await parsed(port, ['If-None-Match: "abc"'])
    assert.equal(readDoorHeaders(etag.rawHeaders)?.conditional, true)
    const since = await parsed(port, ['if-modified-since: Sun, 06 Dec 2026 05:04:00 GMT'])
    assert.equal(readDoorHeaders(since.rawHeaders)?.conditional, true)
    const bare = readDoorHeaders((await parsed(port, [])).rawHeaders)
    assert.ok(bare !== undefined)
    assert.equal(bare.acceptEncoding, undefined)
    assert.equal(bare.conditional, false)
    assert.deepEqual(sent(bare.viewer), {})
  })

  test('every prefetch hint the view counter reads reaches it', async () => {
    for (const name of PREFETCH_HEADERS) {
      const request = await parsed(port, [`${name.toUpperCase()}: prefetch`])
      const door = readDoorHeaders(request.rawHeaders)
      assert.ok(door !== undefined)
      assert.equal(door.viewer[name], 'prefetch', name)
      assert.equal(door.viewer[name], request.headers[name], name)
    }
  })

  test('a repeated name it reads is left to request.headers (joined or first kept there)', async () => {
    for (const repeated of [
      ['Accept-Encoding: br', 'accept-encoding: gzip'],
      ['User-Agent: one agent', 'User-Agent: another agent'],
      ['Purpose: prefetch', 'purpose: other'],
    ]) {
      const request = await parsed(port, repeated)
      assert.equal(readDoorHeaders(request.rawHeaders), undefined, repeated.join(' / '))
    }
    // Names it does not read may repeat.
    const cookies = await parsed(port, ['Cookie: a=1', 'Cookie: b=2', 'Accept-Encoding: br'])
    assert.equal(readDoorHeaders(cookies.rawHeaders)?.acceptEncoding, 'br')
  })
})

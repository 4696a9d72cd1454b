/** A real HTTP receiver on 127.0.0.1 for webhook tests: it records each request and answers as told. */

import { createHmac, timingSafeEqual } from 'node:crypto'
import http from 'node:http'
import type { AddressInfo } from 'node:net'

export interface ReceivedRequest {
  headers: http.IncomingHttpHeaders
  body: string
  json: { id: string; event: string; occurred_at: string; story: Record<string, unknown> }
}

export interface Receiver {
  url: string
  received: ReceivedRequest[]
  /** Status codes for the next requests, in order; 200 once they run out. */
  answers: number[]
  close(): Promise<void>
}

/** Starts a receiver on a free port. */
export async function startReceiver(): Promise<Receiver> {
  const received: ReceivedRequest[] = []
  const answers: number[] = []
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = []
    request.on('data', (chunk: Buffer) => chunks.push(chunk))
    request.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8')
      received.push({
        headers: request.headers,
        body,
        json: JSON.parse(body) as ReceivedRequest['json'],
      })
      const status = answers.shift() ?? 200
      response.writeHead(
        status,
        status >= 300 && status < 400 ? { location: 'http://example.org/' } : {},
      )
      response.end('ok')
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}/hooks`,
    received,
    answers,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

/**
 * What a receiver does with the Masthead-Signature header, written from docs/webhooks.md and not
 * from our signing code: HMAC-SHA256 over "<t>.<raw body>", compared in constant time, with `t`
 * no further than `toleranceSeconds` from `nowSeconds`.
 */
export function receiverAccepts(
  secret: string,
  request: ReceivedRequest,
  nowSeconds: number,
  toleranceSeconds = 300,
): boolean {
  const header = String(request.headers['masthead-signature'] ?? '')
  const match = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(header)
  if (match === null) return false
  const [, t = '', v1 = ''] = match
  if (Math.abs(nowSeconds - Number(t)) > toleranceSeconds) return false
  const expected = createHmac('sha256', secret).update(`${t}.${request.body}`).digest()
  return timingSafeEqual(expected, Buffer.from(v1, 'hex'))
}

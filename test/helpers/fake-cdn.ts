/**
 * A real local HTTP server standing for a CDN's purge API (Fastly, Cloudflare or a webhook's
 * receiver): it records every request and can fail the first N with a 5xx. Our own fake of a
 * third-party API, reached over a socket as the real one would be.
 */

import { createServer, type IncomingHttpHeaders } from 'node:http'
import type { AddressInfo } from 'node:net'

export interface RecordedPurge {
  readonly method: string
  /** Path and query, e.g. /service/abc/purge. */
  readonly path: string
  readonly headers: IncomingHttpHeaders
  readonly body: string
  /** When it arrived (Date.now()). */
  readonly at: number
}

export interface FakeCdn {
  /** http://127.0.0.1:<port>, to put in MASTHEAD_CDN_PURGE_URL. */
  readonly url: string
  /** Every request received, failed ones included, in order. */
  readonly requests: RecordedPurge[]
  /** The next `count` requests are answered `status` (default 503). */
  failNext(count: number, status?: number): void
  /** Resolves once `check` holds of the requests (polled every 5 ms); rejects after `ms`. */
  waitFor(check: (requests: RecordedPurge[]) => boolean, ms?: number): Promise<void>
  close(): Promise<void>
}

/** Starts a fake CDN API on a free port of 127.0.0.1. */
export async function startFakeCdn(): Promise<FakeCdn> {
  const requests: RecordedPurge[] = []
  let failing = 0
  let failStatus = 503
  const server = createServer((request, response) => {
    const chunks: Buffer[] = []
    request.on('data', (chunk: Buffer) => chunks.push(chunk))
    request.on('end', () => {
      requests.push({
        method: request.method ?? '',
        path: request.url ?? '',
        headers: request.headers,
        body: Buffer.concat(chunks).toString('utf8'),
        at: Date.now(),
      })
      if (failing > 0) {
        failing -= 1
        response.writeHead(failStatus, { 'content-type': 'application/json' })
        response.end('{"success":false,"errors":[{"code":1,"message":"try later"}]}')
        return
      }
      response.writeHead(200, { 'content-type': 'application/json' })
      response.end('{"success":true}')
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    failNext: (count, status = 503) => {
      failing = count
      failStatus = status
    },
    waitFor: async (check, ms = 2000) => {
      const started = Date.now()
      while (!check(requests)) {
        if (Date.now() - started > ms)
          throw new Error(`fake CDN: not within ${ms} ms; got ${JSON.stringify(requests)}`)
        await new Promise((resolve) => setTimeout(resolve, 5))
      }
    },
    close: async () => {
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}

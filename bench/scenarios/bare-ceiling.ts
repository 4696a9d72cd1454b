/** The ceiling: a bare node:http server sending one page's exact bytes, under the same load as the app. */

import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { LOAD, type LoadResult, runLoad } from '../load.js'
import { formatRate, type ScenarioResult } from './scenario.js'

export interface PageBytes {
  body: Buffer
  contentType: string
  /** The response's headers a replaying server may send as they are (not the hop-by-hop ones). */
  headers: Record<string, string>
}

/** Headers a replaying server does not copy: its own connection handling sets these. */
const HOP_HEADERS = new Set([
  'date',
  'connection',
  'keep-alive',
  'content-length',
  'transfer-encoding',
])

/**
 * Fetches `url` once with `requestHeaders` (none: uncompressed, as autocannon asks) and keeps
 * its bytes and headers.
 */
export async function fetchPageBytes(
  url: string,
  requestHeaders: Record<string, string> = {},
): Promise<PageBytes> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers: requestHeaders }, (response) => {
        const chunks: Buffer[] = []
        response.on('data', (chunk: Buffer) => chunks.push(chunk))
        response.on('end', () => {
          if (response.statusCode !== 200) {
            reject(new Error(`${url} answered ${response.statusCode}`))
            return
          }
          const headers: Record<string, string> = {}
          for (const [name, value] of Object.entries(response.headers))
            if (!HOP_HEADERS.has(name) && typeof value === 'string') headers[name] = value
          resolve({
            body: Buffer.concat(chunks),
            contentType: response.headers['content-type'] ?? '',
            headers,
          })
        })
        response.on('error', reject)
      })
      .on('error', reject)
  })
}

/** Measures a bare server sending the bytes `url` answers with: the most the app could reach. */
export async function bareCeilingScenario(
  url: string,
): Promise<ScenarioResult & { load: LoadResult }> {
  const page = await fetchPageBytes(url)
  const load = await measureBareServer(page)
  return {
    name: 'bareCeiling',
    load,
    data: { ...load, bodyBytes: page.body.length, contentType: page.contentType, ...LOAD },
    rows: [
      {
        metric: 'bare node:http ceiling (same bytes)',
        value: formatRate(load.requestsPerSecond),
        target: '',
        pass: undefined,
      },
    ],
  }
}

/** Serves `page` from a bare http server on 127.0.0.1 and measures it with the standard load. */
async function measureBareServer(page: PageBytes): Promise<LoadResult> {
  const headers = { 'content-type': page.contentType, 'content-length': String(page.body.length) }
  const server = http.createServer((_request, response) => {
    response.writeHead(200, headers)
    response.end(page.body)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  try {
    const { port } = server.address() as AddressInfo
    return await runLoad(`http://127.0.0.1:${port}/`)
  } finally {
    server.closeAllConnections()
    await new Promise((resolve) => server.close(resolve))
  }
}

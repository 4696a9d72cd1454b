/** One HTTP request over a real socket: inject would bypass the server and its front door. */

import { request as httpRequest, type IncomingHttpHeaders } from 'node:http'

export interface SocketAnswer {
  status: number
  headers: IncomingHttpHeaders
  body: Buffer
}

/** Sends `method` `path` to 127.0.0.1:`port` with `headers`; resolves with the whole answer. */
export function socketGet(
  port: number,
  path: string,
  headers: Record<string, string> = {},
  method = 'GET',
): Promise<SocketAnswer> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, path, headers, method }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (chunk: Buffer) => chunks.push(chunk))
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
      )
    })
    req.on('error', reject)
    req.end()
  })
}

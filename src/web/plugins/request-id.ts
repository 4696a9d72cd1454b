/** Request ids: a fresh UUID unless a proxy sent a short safe one; echoed on every response. */

import { randomUUID } from 'node:crypto'
import type { IncomingMessage } from 'node:http'
import fp from 'fastify-plugin'

/** Ids a proxy may hand us: short, and safe to put in a header and a log line. */
const SAFE_ID = /^[A-Za-z0-9._:-]{1,64}$/

/** Fastify's genReqId: trusts an incoming x-request-id only when it is a short safe token. */
export function requestIdFor(request: IncomingMessage): string {
  const incoming = request.headers['x-request-id']
  return typeof incoming === 'string' && SAFE_ID.test(incoming) ? incoming : randomUUID()
}

/** Echoes the request id in an x-request-id response header, so a reader can quote it. */
export const requestIdPlugin = fp(
  async (app) => {
    app.addHook('onRequest', (request, reply, done) => {
      reply.header('x-request-id', request.id)
      done()
    })
  },
  { name: 'masthead-request-id' },
)

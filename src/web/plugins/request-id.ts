/** Request ids: a fresh UUID unless a trusted proxy sent a short safe one; echoed on every response. */

import { randomUUID } from 'node:crypto'
import type { IncomingMessage } from 'node:http'
import fp from 'fastify-plugin'

/** Ids a proxy may hand us: short, and safe to put in a header and a log line. */
const SAFE_ID = /^[A-Za-z0-9._:-]{1,64}$/

/**
 * Fastify's genReqId. Behind a trusted proxy (MASTHEAD_TRUST_PROXY set) an incoming x-request-id
 * that is a short safe token is kept, so logs of both line up; without one, any client could
 * choose the ids our logs and error pages quote, so every request gets a fresh UUID.
 */
export function requestIdGenerator(trustProxy: boolean): (request: IncomingMessage) => string {
  if (!trustProxy) return () => randomUUID()
  return (request) => {
    const incoming = request.headers['x-request-id']
    return typeof incoming === 'string' && SAFE_ID.test(incoming) ? incoming : randomUUID()
  }
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

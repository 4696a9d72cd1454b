/** The client's address as Fastify's request.ip computes it, for code that runs before Fastify. */

import type { IncomingMessage } from 'node:http'
import proxyAddr from '@fastify/proxy-addr'

/** Which proxies are trusted: Fastify's trustProxy option as server.ts builds it. */
export type TrustProxyOption = boolean | string[] | ((address: string, hop: number) => boolean)

/**
 * A function giving a request's client address under `trust`: the socket's peer when no proxy is
 * trusted, else the nearest address in X-Forwarded-For that is not a trusted proxy (the same
 * package and rule as Fastify's request.ip, so both count the same reader).
 */
export function clientAddressResolver(
  trust: TrustProxyOption,
): (request: IncomingMessage) => string | undefined {
  if (trust === false) return (request) => request.socket.remoteAddress
  const trusted =
    trust === true ? () => true : typeof trust === 'function' ? trust : proxyAddr.compile(trust)
  return (request) => proxyAddr.all(request, trusted).at(-1)
}

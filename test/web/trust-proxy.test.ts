/** MASTHEAD_TRUST_PROXY through Fastify: which X-Forwarded-For address becomes the client's. */

import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import Fastify from 'fastify'
import { parseConfig } from '../../src/config.js'
import { trustProxyOption } from '../../src/web/server.js'

/** The client address Fastify derives for `forwarded` arriving from `peer` under `setting`. */
async function clientIp(setting: string, peer: string, forwarded: string): Promise<string> {
  const config = parseConfig({ MASTHEAD_TRUST_PROXY: setting })
  const app = Fastify({ trustProxy: trustProxyOption(config.server.trustProxy) })
  app.get('/ip', async (request) => request.ip)
  const response = await app.inject({
    url: '/ip',
    remoteAddress: peer,
    headers: { 'x-forwarded-for': forwarded },
  })
  await app.close()
  return response.body
}

describe('trust proxy', () => {
  test('off: the socket peer is the client, whatever X-Forwarded-For says', async () => {
    assert.equal(await clientIp('false', '198.51.100.9', '203.0.113.1, 127.0.0.1'), '198.51.100.9')
  })

  test('one hop: the address our proxy saw, never what the client wrote before it', async () => {
    // The attack of issue 16: a client writes addresses of its choice in front of the real one.
    for (let i = 1; i <= 3; i++) {
      assert.equal(await clientIp('1', '10.0.0.2', `203.0.113.${i}, 198.51.100.7`), '198.51.100.7')
    }
    assert.equal(await clientIp('2', '10.0.0.2', '203.0.113.1, 198.51.100.7'), '203.0.113.1')
  })

  test('a list of proxies: hops are believed only while they are listed proxies', async () => {
    const list = '10.0.0.0/8'
    assert.equal(await clientIp(list, '10.0.0.2', '203.0.113.1, 198.51.100.7'), '198.51.100.7')
    assert.equal(await clientIp(list, '10.0.0.2', '198.51.100.7, 10.0.0.9'), '198.51.100.7')
    // A client that connects directly is not a proxy: its header is ignored.
    assert.equal(await clientIp(list, '198.51.100.50', '203.0.113.1'), '198.51.100.50')
  })
})

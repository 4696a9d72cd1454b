/**
 * The CDN purger against a real local HTTP server standing for the CDN's API: tags asked for
 * together go out as one batch, a failed request is retried (each failure logged), a whole-site
 * purge swallows the tags pending with it, and close() sends what is pending.
 */

import assert from 'node:assert/strict'
import { Writable } from 'node:stream'
import { after, before, beforeEach, describe, test } from 'node:test'
import { createCdnPurger, RETRY_DELAYS_MS } from '../../../src/infra/cdn/cdn-purger.js'
import type { PurgeTarget } from '../../../src/infra/cdn/purge-requests.js'
import { createLogger, type Logger } from '../../../src/infra/logger.js'
import { type FakeCdn, startFakeCdn } from '../../helpers/fake-cdn.js'

/** A logger whose lines are kept, parsed. */
function capturingLogger(): { logger: Logger; lines: Record<string, unknown>[] } {
  const lines: Record<string, unknown>[] = []
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(JSON.parse(chunk.toString('utf8')) as Record<string, unknown>)
      done()
    },
  })
  return { logger: createLogger({ level: 'debug', destination }), lines }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

describe('CDN purger', () => {
  let cdn: FakeCdn
  before(async () => {
    cdn = await startFakeCdn()
  })
  after(async () => {
    await cdn.close()
  })
  beforeEach(() => {
    cdn.requests.length = 0
    cdn.failNext(0)
  })

  const fastly = (): PurgeTarget => ({
    provider: 'fastly',
    apiUrl: cdn.url,
    serviceId: 'service1234',
    token: 'fastly-token',
  })

  test('retries after 1, 5 and 20 s by default', () => {
    assert.deepEqual(RETRY_DELAYS_MS, [1000, 5000, 20_000])
  })

  test('tags asked for within the batch window go out as one request', async () => {
    const { logger } = capturingLogger()
    const purger = createCdnPurger({ target: fastly(), siteTag: 'masthead', logger, batchMs: 50 })
    purger.purge(['article:1', 'front'])
    purger.purge(['front', 'section:world'])
    await cdn.waitFor((requests) => requests.length === 1)
    await sleep(100)
    assert.equal(cdn.requests.length, 1)
    const [request] = cdn.requests
    assert.equal(request?.method, 'POST')
    assert.equal(request?.path, '/service/service1234/purge')
    assert.equal(request?.headers['fastly-key'], 'fastly-token')
    assert.equal(request?.headers['surrogate-key'], 'article:1 front section:world')
    purger.purge(['article:2'])
    await cdn.waitFor((requests) => requests.length === 2)
    assert.equal(cdn.requests[1]?.headers['surrogate-key'], 'article:2')
    await purger.close()
  })

  test('a failed request is retried after each wait, with a warning per failure', async () => {
    const { logger, lines } = capturingLogger()
    const purger = createCdnPurger({
      target: { provider: 'webhook', url: `${cdn.url}/hook`, token: 'bearer-token' },
      siteTag: 'masthead',
      logger,
      batchMs: 10,
      retryDelaysMs: [30, 60, 90],
    })
    cdn.failNext(2)
    purger.purge(['article:9'])
    await cdn.waitFor((requests) => requests.length === 3)
    const [first, second, third] = cdn.requests
    assert.ok(first !== undefined && second !== undefined && third !== undefined)
    for (const request of cdn.requests) {
      assert.deepEqual(JSON.parse(request.body), { tags: ['article:9'] })
      assert.equal(request.headers.authorization, 'Bearer bearer-token')
    }
    assert.ok(second.at - first.at >= 25, `waited ${second.at - first.at} ms`)
    assert.ok(third.at - second.at >= 55, `waited ${third.at - second.at} ms`)
    const warnings = lines.filter((line) => line.msg === 'CDN purge failed; retrying')
    assert.deepEqual(
      warnings.map((line) => [line.level, line.attempt, line.retryInMs]),
      [
        [40, 1, 30],
        [40, 2, 60],
      ],
    )
    assert.match(String(warnings[0]?.failure), /^HTTP 503/)
    await sleep(150)
    assert.equal(cdn.requests.length, 3, 'a request that succeeded is not sent again')
    await purger.close()
  })

  test('after the last retry the purge is given up, with an error', async () => {
    const { logger, lines } = capturingLogger()
    const purger = createCdnPurger({
      target: fastly(),
      siteTag: 'masthead',
      logger,
      batchMs: 10,
      retryDelaysMs: [10, 10],
    })
    cdn.failNext(5, 500)
    purger.purge(['front'])
    await cdn.waitFor((requests) => requests.length === 3)
    await sleep(50)
    assert.equal(cdn.requests.length, 3)
    assert.ok(lines.some((line) => line.level === 50 && String(line.msg).includes('given up')))
    await purger.close()
  })

  test('a whole-site purge takes the tags pending with it: cloudflare purge_everything', async () => {
    const { logger } = capturingLogger()
    const purger = createCdnPurger({
      target: {
        provider: 'cloudflare',
        apiUrl: cdn.url,
        zoneId: '023e105f4ecef8ad9ca31a8372d0c353',
        token: 'cf-token',
      },
      siteTag: 'masthead',
      logger,
      batchMs: 20,
    })
    purger.purge(['article:1'])
    purger.purgeEverything()
    await cdn.waitFor((requests) => requests.length === 1)
    await sleep(60)
    assert.equal(cdn.requests.length, 1)
    assert.equal(cdn.requests[0]?.path, '/zones/023e105f4ecef8ad9ca31a8372d0c353/purge_cache')
    assert.equal(cdn.requests[0]?.headers.authorization, 'Bearer cf-token')
    assert.deepEqual(JSON.parse(cdn.requests[0]?.body ?? ''), { purge_everything: true })
    await purger.close()
  })

  test('close sends the pending batch at once and waits for it; later purges are ignored', async () => {
    const { logger } = capturingLogger()
    const purger = createCdnPurger({
      target: fastly(),
      siteTag: 'masthead',
      logger,
      batchMs: 60_000,
    })
    purger.purgeEverything()
    await purger.close()
    assert.equal(cdn.requests.length, 1)
    assert.equal(cdn.requests[0]?.headers['surrogate-key'], 'masthead')
    purger.purge(['front'])
    await sleep(30)
    assert.equal(cdn.requests.length, 1)
  })

  test('an unreachable CDN is a logged failure, never a thrown one', async () => {
    const { logger, lines } = capturingLogger()
    const purger = createCdnPurger({
      target: { provider: 'webhook', url: 'http://127.0.0.1:9/nothing', token: undefined },
      siteTag: 'masthead',
      logger,
      batchMs: 5,
      retryDelaysMs: [],
    })
    purger.purge(['front'])
    await purger.close()
    assert.ok(lines.some((line) => String(line.msg).includes('given up')))
  })
})

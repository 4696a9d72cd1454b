/** Tests the purge requests of each provider: URL, credentials, how tags travel, chunking, everything. */

import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { purgeRequests, type PurgeTarget } from '../../../src/infra/cdn/purge-requests.js'

const FASTLY: PurgeTarget = {
  provider: 'fastly',
  apiUrl: 'https://api.fastly.com',
  serviceId: 'SU1Z0isxPaozGVKXdv0eY',
  token: 'fastly-token',
}
const CLOUDFLARE: PurgeTarget = {
  provider: 'cloudflare',
  apiUrl: 'https://api.cloudflare.com/client/v4',
  zoneId: '023e105f4ecef8ad9ca31a8372d0c353',
  token: 'cf-token',
}
const WEBHOOK: PurgeTarget = {
  provider: 'webhook',
  url: 'https://purge.test/hook',
  token: undefined,
}

describe('purgeRequests', () => {
  test('fastly: one batch purge with the keys in Surrogate-Key and the token in Fastly-Key', () => {
    assert.deepEqual(purgeRequests(FASTLY, { tags: ['article:7', 'front'] }, 'masthead'), [
      {
        url: 'https://api.fastly.com/service/SU1Z0isxPaozGVKXdv0eY/purge',
        headers: {
          'fastly-key': 'fastly-token',
          'surrogate-key': 'article:7 front',
          accept: 'application/json',
        },
        body: undefined,
        tags: ['article:7', 'front'],
      },
    ])
    const [all] = purgeRequests(FASTLY, { everything: true }, 'masthead')
    assert.equal(all?.headers['surrogate-key'], 'masthead')
  })

  test('cloudflare: purge_cache with {"tags":[…]}, 100 a request; everything is purge_everything', () => {
    const tags = Array.from({ length: 201 }, (_, i) => `article:${i}`)
    const requests = purgeRequests(CLOUDFLARE, { tags }, 'masthead')
    assert.deepEqual(
      requests.map((r) => (JSON.parse(r.body ?? '') as { tags: string[] }).tags.length),
      [100, 100, 1],
    )
    assert.equal(
      requests[0]?.url,
      'https://api.cloudflare.com/client/v4/zones/023e105f4ecef8ad9ca31a8372d0c353/purge_cache',
    )
    assert.equal(requests[0]?.headers.authorization, 'Bearer cf-token')
    const [all] = purgeRequests(CLOUDFLARE, { everything: true }, 'masthead')
    assert.deepEqual(JSON.parse(all?.body ?? ''), { purge_everything: true })
  })

  test('webhook: {"tags":[…]} to its URL, a bearer token only when configured', () => {
    const [plain] = purgeRequests(WEBHOOK, { tags: ['front'] }, 'masthead')
    assert.equal(plain?.url, 'https://purge.test/hook')
    assert.deepEqual(JSON.parse(plain?.body ?? ''), { tags: ['front'] })
    assert.equal(plain?.headers.authorization, undefined)
    const [signed] = purgeRequests(
      { ...WEBHOOK, token: 'bearer-token' },
      { everything: true },
      'masthead',
    )
    assert.equal(signed?.headers.authorization, 'Bearer bearer-token')
    assert.deepEqual(JSON.parse(signed?.body ?? ''), { tags: ['masthead'] })
  })

  test('no tags, no request', () => {
    assert.deepEqual(purgeRequests(FASTLY, { tags: [] }, 'masthead'), [])
  })
})

/** Tests MASTHEAD_CDN_*: defaults (off), edge lifetimes, the tag header, purge providers and their credentials. */

import assert from 'node:assert/strict'
import path from 'node:path'
import { describe, test } from 'node:test'
import { ConfigError, DEFAULT_CDN, type Env, parseConfig } from '../../src/config.js'

const CWD = path.resolve('/srv/masthead')
const FASTLY = {
  MASTHEAD_CDN_PURGE: 'fastly',
  MASTHEAD_CDN_FASTLY_SERVICE_ID: 'SU1Z0isxPaozGVKXdv0eY',
  MASTHEAD_CDN_FASTLY_API_TOKEN: 'fastly-token-123456',
}
const CLOUDFLARE = {
  MASTHEAD_CDN_PURGE: 'cloudflare',
  MASTHEAD_CDN_CLOUDFLARE_ZONE_ID: '023e105f4ecef8ad9ca31a8372d0c353',
  MASTHEAD_CDN_CLOUDFLARE_API_TOKEN: 'Y2xvdWRmbGFyZS10b2tlbg',
}

const cdn = (env: Env) => parseConfig(env, CWD).cdn

/** Asserts that parsing `env` throws a ConfigError naming `variable`; returns its message. */
function rejects(env: Env, variable: string): string {
  let message = ''
  assert.throws(
    () => parseConfig(env, CWD),
    (error: unknown) => {
      message = error instanceof Error ? error.message : ''
      return error instanceof ConfigError && error.variable === variable
    },
    `expected a ConfigError for ${variable} from ${JSON.stringify(env)}`,
  )
  return message
}

describe('CDN configuration', () => {
  test('nothing set: no edge lifetime, no tag header, no purges', () => {
    assert.deepEqual(cdn({}), DEFAULT_CDN)
    assert.deepEqual(cdn({ MASTHEAD_CDN_S_MAXAGE: '', MASTHEAD_CDN_PURGE: ' ' }), DEFAULT_CDN)
  })

  test('edge lifetimes are whole seconds up to a year', () => {
    const set = cdn({
      MASTHEAD_CDN_S_MAXAGE: '600',
      MASTHEAD_CDN_STALE_WHILE_REVALIDATE: '30',
      MASTHEAD_CDN_STALE_IF_ERROR: '86400',
    })
    assert.equal(set.sMaxAge, 600)
    assert.equal(set.staleWhileRevalidate, 30)
    assert.equal(set.staleIfError, 86400)
    for (const value of ['-1', '1.5', '10s', '31536001']) {
      rejects({ MASTHEAD_CDN_S_MAXAGE: value }, 'MASTHEAD_CDN_S_MAXAGE')
    }
  })

  test('stale-while-revalidate and stale-if-error need s-maxage', () => {
    rejects({ MASTHEAD_CDN_STALE_WHILE_REVALIDATE: '30' }, 'MASTHEAD_CDN_STALE_WHILE_REVALIDATE')
    rejects({ MASTHEAD_CDN_STALE_IF_ERROR: '30' }, 'MASTHEAD_CDN_STALE_IF_ERROR')
    assert.equal(cdn({ MASTHEAD_CDN_STALE_IF_ERROR: '0' }).staleIfError, 0)
  })

  test('the tag header follows the purge provider unless set', () => {
    assert.equal(cdn(FASTLY).tagHeader, 'surrogate-key')
    assert.equal(cdn(CLOUDFLARE).tagHeader, 'cache-tag')
    const webhook = { MASTHEAD_CDN_PURGE: 'webhook', MASTHEAD_CDN_PURGE_URL: 'https://x.test/p' }
    assert.equal(cdn(webhook).tagHeader, 'both')
    assert.equal(cdn({}).tagHeader, 'none')
    assert.equal(cdn({ ...FASTLY, MASTHEAD_CDN_TAG_HEADER: 'both' }).tagHeader, 'both')
    assert.equal(cdn({ MASTHEAD_CDN_TAG_HEADER: 'Cache-Tag' }).tagHeader, 'cache-tag')
    assert.equal(cdn({ ...CLOUDFLARE, MASTHEAD_CDN_TAG_HEADER: 'none' }).tagHeader, 'none')
    rejects({ MASTHEAD_CDN_TAG_HEADER: 'xkey' }, 'MASTHEAD_CDN_TAG_HEADER')
  })

  test('fastly needs a service id and a token; the API is api.fastly.com unless overridden', () => {
    assert.deepEqual(cdn(FASTLY).purge, {
      provider: 'fastly',
      apiUrl: 'https://api.fastly.com',
      serviceId: 'SU1Z0isxPaozGVKXdv0eY',
      token: 'fastly-token-123456',
    })
    const local = cdn({ ...FASTLY, MASTHEAD_CDN_PURGE_URL: 'http://127.0.0.1:8123/' }).purge
    assert.equal(local.provider === 'fastly' && local.apiUrl, 'http://127.0.0.1:8123')
    rejects({ ...FASTLY, MASTHEAD_CDN_FASTLY_SERVICE_ID: '' }, 'MASTHEAD_CDN_FASTLY_SERVICE_ID')
    rejects({ ...FASTLY, MASTHEAD_CDN_FASTLY_SERVICE_ID: 'a b' }, 'MASTHEAD_CDN_FASTLY_SERVICE_ID')
    rejects({ ...FASTLY, MASTHEAD_CDN_FASTLY_API_TOKEN: '' }, 'MASTHEAD_CDN_FASTLY_API_TOKEN')
  })

  test('cloudflare needs a zone id and a token', () => {
    assert.deepEqual(cdn(CLOUDFLARE).purge, {
      provider: 'cloudflare',
      apiUrl: 'https://api.cloudflare.com/client/v4',
      zoneId: '023e105f4ecef8ad9ca31a8372d0c353',
      token: 'Y2xvdWRmbGFyZS10b2tlbg',
    })
    rejects(
      { ...CLOUDFLARE, MASTHEAD_CDN_CLOUDFLARE_ZONE_ID: 'zone' },
      'MASTHEAD_CDN_CLOUDFLARE_ZONE_ID',
    )
    rejects(
      { ...CLOUDFLARE, MASTHEAD_CDN_CLOUDFLARE_API_TOKEN: '' },
      'MASTHEAD_CDN_CLOUDFLARE_API_TOKEN',
    )
  })

  test('a webhook needs its URL; its bearer token is optional', () => {
    const webhook = {
      MASTHEAD_CDN_PURGE: 'webhook',
      MASTHEAD_CDN_PURGE_URL: 'https://x.test/p?a=1',
    }
    assert.deepEqual(cdn(webhook).purge, {
      provider: 'webhook',
      url: 'https://x.test/p?a=1',
      token: undefined,
    })
    const signed = cdn({ ...webhook, MASTHEAD_CDN_WEBHOOK_TOKEN: 'secret-bearer' }).purge
    assert.equal(signed.provider === 'webhook' && signed.token, 'secret-bearer')
    rejects({ MASTHEAD_CDN_PURGE: 'webhook' }, 'MASTHEAD_CDN_PURGE_URL')
    rejects({ ...webhook, MASTHEAD_CDN_WEBHOOK_TOKEN: 'short' }, 'MASTHEAD_CDN_WEBHOOK_TOKEN')
  })

  test('purge URLs are https, or http to this machine only, and carry no password', () => {
    const webhook = (url: string) => ({
      MASTHEAD_CDN_PURGE: 'webhook',
      MASTHEAD_CDN_PURGE_URL: url,
    })
    for (const url of ['http://127.0.0.1:9000/purge', 'http://localhost/p', 'http://[::1]:80/p'])
      assert.equal(cdn(webhook(url)).purge.provider, 'webhook')
    for (const url of [
      'http://purger.example/p',
      'ftp://x.test/',
      'not a url',
      'https://u:p@x.test/',
    ])
      rejects(webhook(url), 'MASTHEAD_CDN_PURGE_URL')
  })

  test('an unknown provider is refused, and a bad token is never echoed', () => {
    rejects({ MASTHEAD_CDN_PURGE: 'akamai' }, 'MASTHEAD_CDN_PURGE')
    const message = rejects(
      { ...FASTLY, MASTHEAD_CDN_FASTLY_API_TOKEN: 'has a space' },
      'MASTHEAD_CDN_FASTLY_API_TOKEN',
    )
    assert.ok(!message.includes('has a space'), message)
  })

  test('the result is frozen', () => {
    const parsed = cdn(FASTLY)
    assert.ok(Object.isFrozen(parsed) && Object.isFrozen(parsed.purge))
  })
})

/** Built assets: content-hashed URLs, immutable caching, precompression and the favicon. */

import assert from 'node:assert/strict'
import { createHash } from 'node:crypto'
import { describe, test } from 'node:test'
import { brotliDecompressSync } from 'node:zlib'
import Fastify from 'fastify'
import { errorHandlerPlugin } from '../../../src/web/plugins/error-handler.js'
import { buildAssets } from '../../../src/web/assets/build-assets.js'
import { staticAssetsPlugin } from '../../../src/web/plugins/static-assets.js'

async function assetApp() {
  const assets = await buildAssets()
  const app = Fastify({ logger: false })
  await app.register(errorHandlerPlugin, { language: 'en' })
  await app.register(staticAssetsPlugin, { assets })
  return { app, assets }
}

describe('static assets', () => {
  test('every manifest URL is content-hashed and served immutable with its type', async () => {
    const { app, assets } = await assetApp()
    const { manifest } = assets
    const urls = [manifest.stylesheet, manifest.scripts.commentCounter, manifest.scripts.copyLink]
    for (const url of urls) {
      const match = /^\/assets\/[a-z-]+\.([0-9a-f]{12})\.(js|css)$/.exec(url)
      assert.ok(match !== null, url)
      const response = await app.inject({ url })
      assert.equal(response.statusCode, 200, url)
      assert.equal(response.headers['cache-control'], 'public, max-age=31536000, immutable')
      const type = match[2] === 'js' ? 'text/javascript' : 'text/css'
      assert.match(String(response.headers['content-type']), new RegExp(`^${type}`))
      const hash = createHash('sha256').update(response.rawPayload).digest('hex').slice(0, 12)
      assert.equal(hash, match[1], 'the URL hash is the hash of the bytes')
    }
    await app.close()
  })

  test('scripts are minified bundles with no module syntax left', async () => {
    const { app, assets } = await assetApp()
    const response = await app.inject({ url: assets.manifest.scripts.copyLink })
    assert.ok(!/^\s*(import|export)\s/m.test(response.body))
    assert.ok(response.body.includes('data-copy-link'))
    assert.ok(!response.body.includes('\n\n'), 'minified')
    await app.close()
  })

  test('a client that accepts brotli gets the precompressed bytes', async () => {
    const { app, assets } = await assetApp()
    const url = assets.manifest.scripts.commentCounter
    const plain = await app.inject({ url })
    const br = await app.inject({ url, headers: { 'accept-encoding': 'gzip, br' } })
    assert.equal(br.headers['content-encoding'], 'br')
    assert.equal(br.headers.vary, 'Accept-Encoding')
    assert.deepEqual(brotliDecompressSync(br.rawPayload), plain.rawPayload)
    const revalidated = await app.inject({
      url,
      headers: { 'if-none-match': String(br.headers.etag) },
    })
    assert.equal(revalidated.statusCode, 304)
    await app.close()
  })

  test('a refused coding (q=0) is never sent; q-values pick between the others', async () => {
    const { app, assets } = await assetApp()
    const url = assets.manifest.scripts.commentCounter
    for (const [accept, coding] of [
      ['br;q=0', undefined],
      ['br;q=0, gzip', 'gzip'],
      ['gzip;q=1, br;q=0.5', 'gzip'],
      ['*', 'br'],
      ['identity', undefined],
    ] as const) {
      const response = await app.inject({ url, headers: { 'accept-encoding': accept } })
      assert.equal(response.statusCode, 200, accept)
      assert.equal(response.headers['content-encoding'], coding, accept)
    }
    await app.close()
  })

  test('If-None-Match is a list of whole tags: a listed tag answers 304, a fragment does not', async () => {
    const { app, assets } = await assetApp()
    const url = assets.manifest.stylesheet
    const first = await app.inject({ url, headers: { 'accept-encoding': 'gzip' } })
    const etag = String(first.headers.etag)
    assert.match(etag, /^"[0-9a-f]{12}-gz"$/)
    const hash = etag.slice(1, 13)
    for (const [ifNoneMatch, status] of [
      [`"other", ${etag}`, 304],
      [`W/"${hash}"`, 304],
      ['*', 304],
      [`"x${hash}x"`, 200],
      [hash, 200],
    ] as const) {
      const response = await app.inject({ url, headers: { 'if-none-match': ifNoneMatch } })
      assert.equal(response.statusCode, status, ifNoneMatch)
    }
    await app.close()
  })

  test('an unknown or stale asset name answers 404', async () => {
    const { app } = await assetApp()
    for (const url of ['/assets/site.000000000000.css', '/assets/..%2Fserver.ts']) {
      const response = await app.inject({ url })
      assert.equal(response.statusCode, 404, url)
      assert.equal(response.json<{ error: { code: string } }>().error.code, 'ASSET_NOT_FOUND')
    }
    await app.close()
  })

  test('the favicon is an SVG', async () => {
    const { app, assets } = await assetApp()
    const favicon = await app.inject({ url: assets.manifest.favicon })
    assert.equal(favicon.statusCode, 200)
    assert.equal(favicon.headers['content-type'], 'image/svg+xml')
    assert.match(favicon.body, /^<svg /)
    await app.close()
  })
})

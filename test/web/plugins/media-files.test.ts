/** /media/*: stored files stream with type, validators, 304 and byte ranges; anything else is a 404. */

import assert from 'node:assert/strict'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { after, describe, test } from 'node:test'
import Fastify from 'fastify'
import { createFixedClock } from '../../../src/lib/clock.js'
import { createDiskStorage, createMedia } from '../../../src/media/index.js'
import { errorHandlerPlugin } from '../../../src/web/plugins/error-handler.js'
import { mediaFilesPlugin } from '../../../src/web/plugins/media-files.js'

const BYTES = Buffer.from('RIFF-not-really-webp-but-twenty-six-or-so-bytes')
const URL = '/media/2026/11/abcdef123456-480.webp'

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'masthead-media-test-'))
fs.mkdirSync(path.join(dir, '2026/11'), { recursive: true })
fs.writeFileSync(path.join(dir, '2026/11/abcdef123456-480.webp'), BYTES)
fs.writeFileSync(path.join(dir, 'secret.txt'), 'do not serve')
after(() => fs.rmSync(dir, { recursive: true, force: true }))

async function mediaApp() {
  // The media service never touches its database to serve files.
  const media = createMedia({
    db: undefined as never,
    clock: createFixedClock(new Date()),
    storage: createDiskStorage(dir),
  })
  const app = Fastify({ logger: false })
  await app.register(errorHandlerPlugin, { language: 'en' })
  await app.register(mediaFilesPlugin, { media })
  return app
}

describe('media files', () => {
  test('a stored variant streams with its type, validators and immutable caching', async () => {
    const app = await mediaApp()
    const response = await app.inject({ url: URL })
    assert.equal(response.statusCode, 200)
    assert.equal(response.headers['content-type'], 'image/webp')
    assert.equal(response.headers['cache-control'], 'public, max-age=31536000, immutable')
    assert.equal(response.headers['accept-ranges'], 'bytes')
    assert.equal(response.headers['content-length'], String(BYTES.length))
    assert.match(String(response.headers.etag), /^"[0-9a-z]+-[0-9a-z]+"$/)
    assert.equal(
      response.headers['last-modified'],
      fs.statSync(path.join(dir, '2026/11/abcdef123456-480.webp')).mtime.toUTCString(),
    )
    assert.deepEqual(response.rawPayload, BYTES)
    await app.close()
  })

  test('a client holding the file gets 304, by ETag or by date', async () => {
    const app = await mediaApp()
    const first = await app.inject({ url: URL })
    const etag = String(first.headers.etag)
    const lastModified = String(first.headers['last-modified'])
    for (const headers of [
      { 'if-none-match': etag },
      { 'if-none-match': `"other", W/${etag}` },
      { 'if-modified-since': lastModified },
    ]) {
      const response = await app.inject({ url: URL, headers })
      assert.equal(response.statusCode, 304, JSON.stringify(headers))
      assert.equal(response.body, '')
      assert.equal(response.headers.etag, etag)
    }
    const changed = await app.inject({ url: URL, headers: { 'if-none-match': '"other"' } })
    assert.equal(changed.statusCode, 200)
    const older = await app.inject({
      url: URL,
      headers: { 'if-modified-since': 'Thu, 01 Jan 2015 00:00:00 GMT' },
    })
    assert.equal(older.statusCode, 200)
    await app.close()
  })

  test('one byte range answers 206 with exactly those bytes', async () => {
    const app = await mediaApp()
    const size = BYTES.length
    for (const [range, start, end] of [
      ['bytes=0-3', 0, 3],
      ['bytes=5-', 5, size - 1],
      ['bytes=-4', size - 4, size - 1],
      ['bytes=10-100000', 10, size - 1],
    ] as const) {
      const response = await app.inject({ url: URL, headers: { range } })
      assert.equal(response.statusCode, 206, range)
      assert.equal(response.headers['content-range'], `bytes ${start}-${end}/${size}`, range)
      assert.equal(response.headers['content-length'], String(end - start + 1), range)
      assert.deepEqual(response.rawPayload, BYTES.subarray(start, end + 1), range)
    }
    await app.close()
  })

  test('a range past the end answers 416 naming the size', async () => {
    const app = await mediaApp()
    for (const range of [`bytes=${BYTES.length}-`, 'bytes=-0']) {
      const response = await app.inject({ url: URL, headers: { range } })
      assert.equal(response.statusCode, 416, range)
      assert.equal(response.headers['content-range'], `bytes */${BYTES.length}`)
      assert.equal(response.headers['cache-control'], 'no-store')
    }
    await app.close()
  })

  test('several ranges, bad syntax, a stale If-Range or HEAD get the whole file', async () => {
    const app = await mediaApp()
    const etag = String((await app.inject({ url: URL })).headers.etag)
    for (const headers of [
      { range: 'bytes=0-1, 4-5' },
      { range: 'bytes=nonsense' },
      { range: 'pages=1-2' },
      { range: 'bytes=0-3', 'if-range': '"stale"' },
      { range: 'bytes=0-3', 'if-range': `W/${etag}` },
      { range: 'bytes=0-3', 'if-range': 'Thu, 01 Jan 2015 00:00:00 GMT' },
    ]) {
      const response = await app.inject({ url: URL, headers })
      assert.equal(response.statusCode, 200, JSON.stringify(headers))
      assert.deepEqual(response.rawPayload, BYTES, JSON.stringify(headers))
    }
    const current = await app.inject({
      url: URL,
      headers: { range: 'bytes=0-3', 'if-range': etag },
    })
    assert.equal(current.statusCode, 206)
    const head = await app.inject({ method: 'HEAD', url: URL, headers: { range: 'bytes=0-3' } })
    assert.equal(head.statusCode, 200)
    assert.equal(head.headers['content-length'], String(BYTES.length))
    await app.close()
  })

  test('missing files, other types and traversal attempts answer 404', async () => {
    const app = await mediaApp()
    for (const url of [
      '/media/2026/11/nope12345678-480.webp',
      '/media/secret.txt',
      '/media/../secret.txt',
      '/media/2026/..%2F..%2Fsecret.txt',
      '/media/%2e%2e/%2e%2e/etc/passwd.jpg',
      '/media/2026//11/abcdef123456-480.webp',
      '/media/2026/11',
    ]) {
      const response = await app.inject({ url })
      assert.equal(response.statusCode, 404, url)
      // A literal '..' is resolved by the URL parser before routing, so no media route sees it.
      const { code } = response.json<{ error: { code: string } }>().error
      assert.ok(['MEDIA_NOT_FOUND', 'ROUTE_NOT_FOUND'].includes(code), `${url}: ${code}`)
    }
    await app.close()
  })
})

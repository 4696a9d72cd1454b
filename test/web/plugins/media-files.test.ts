/** /media/*: stored files stream with their type and long caching; anything else is a 404. */

import assert from 'node:assert/strict'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { after, describe, test } from 'node:test'
import Fastify from 'fastify'
import { errorHandlerPlugin } from '../../../src/web/plugins/error-handler.js'
import { mediaFilesPlugin } from '../../../src/web/plugins/media-files.js'

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'masthead-media-test-'))
fs.mkdirSync(path.join(dir, '2026/11'), { recursive: true })
fs.writeFileSync(path.join(dir, '2026/11/abc-480.webp'), Buffer.from('RIFF-not-really-webp'))
fs.writeFileSync(path.join(dir, 'secret.txt'), 'do not serve')
after(() => fs.rmSync(dir, { recursive: true, force: true }))

/** The media service's rule, as the real one states it: only /media/ paths inside `dir`. */
const media = {
  resolveFile(publicPath: string): string | undefined {
    if (!publicPath.startsWith('/media/')) return undefined
    const file = path.resolve(dir, publicPath.slice('/media/'.length))
    return file.startsWith(dir + path.sep) ? file : undefined
  },
}

async function mediaApp() {
  const app = Fastify({ logger: false })
  await app.register(errorHandlerPlugin, { language: 'en' })
  await app.register(mediaFilesPlugin, { media })
  return app
}

describe('media files', () => {
  test('a stored variant streams with its content type and immutable caching', async () => {
    const app = await mediaApp()
    const response = await app.inject({ url: '/media/2026/11/abc-480.webp' })
    assert.equal(response.statusCode, 200)
    assert.equal(response.headers['content-type'], 'image/webp')
    assert.equal(response.headers['cache-control'], 'public, max-age=31536000, immutable')
    assert.equal(response.body, 'RIFF-not-really-webp')
    await app.close()
  })

  test('missing files, other types and traversal attempts answer 404', async () => {
    const app = await mediaApp()
    for (const url of [
      '/media/2026/11/nope-480.webp',
      '/media/secret.txt',
      '/media/../secret.txt',
      '/media/2026/..%2F..%2Fsecret.txt',
      '/media/%2e%2e/%2e%2e/etc/passwd.jpg',
      '/media/2026//11/abc-480.webp',
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

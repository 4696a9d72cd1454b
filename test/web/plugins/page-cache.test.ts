/** reply.sendPage: validators, compression, 304s, warm hits with identical bytes, and tag purges. */

import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { brotliDecompressSync, gunzipSync } from 'node:zlib'
import type { FastifyInstance } from 'fastify'
import { createInProcessBus } from '../../../src/infra/bus/in-process.js'
import type { Bus } from '../../../src/infra/bus/bus.js'
import { createMemoryCacheStore } from '../../../src/infra/cache-store/memory.js'
import type { PageResult } from '../../../src/web/page-result.js'
import { pluginApp } from './plugin-app.js'

const LAST_MODIFIED = new Date('2026-11-20T10:00:00.000Z')

/** A page big enough to be worth compressing, naming its path and render count. */
function page(path: string, renders: number, tags: string[], status = 200): PageResult {
  const filler = '<p>The harbour board met again on Thursday.</p>'.repeat(60)
  return {
    status,
    html: `<!doctype html><html lang="en"><title>${path}</title><main data-render="${renders}">${filler}</main></html>`,
    cacheTags: tags,
    lastModified: LAST_MODIFIED,
  }
}

interface Harness {
  app: FastifyInstance
  bus: Bus
  renders: Map<string, number>
}

/** An app whose routes render `page()` and count renders per path. */
async function harness(options: { cache?: boolean } = {}): Promise<Harness> {
  const bus = createInProcessBus({ onHandlerError: () => {} })
  const store = options.cache === false ? undefined : createMemoryCacheStore({ maxBytes: 1 << 20 })
  const app = await pluginApp({ store, bus })
  const renders = new Map<string, number>()
  const tagsFor: Record<string, string[]> = {
    '/': ['front', 'article:1', 'article:2'],
    '/world/one': ['article:1', 'section:world', 'author:7'],
    '/world/two': ['article:2', 'section:world'],
    '/sport': ['section:sport', 'picks'],
  }
  const render = (path: string): number => {
    const count = (renders.get(path) ?? 0) + 1
    renders.set(path, count)
    return count
  }
  for (const path of Object.keys(tagsFor)) {
    app.get(path, async (_request, reply) =>
      reply.sendPage(page(path, render(path), tagsFor[path] ?? [])),
    )
  }
  app.get('/broken', async (_request, reply) =>
    reply.sendPage(page('/broken', render('/broken'), [], 503)),
  )
  app.get('/personal', async (_request, reply) =>
    reply.sendPage(page('/personal', render('/personal'), ['front']), { cache: false }),
  )
  await app.ready()
  return { app, bus, renders }
}

describe('page cache', () => {
  test('a page is sent with validators, caching headers and its HTML', async () => {
    const { app } = await harness()
    const response = await app.inject({ url: '/world/one' })
    assert.equal(response.statusCode, 200)
    assert.equal(response.headers['content-type'], 'text/html; charset=utf-8')
    assert.match(String(response.headers.etag), /^"[A-Za-z0-9_-]+"$/)
    assert.equal(response.headers['last-modified'], LAST_MODIFIED.toUTCString())
    assert.equal(response.headers['cache-control'], 'public, max-age=60')
    assert.equal(response.headers.vary, 'Accept-Encoding')
    assert.equal(response.headers['content-encoding'], undefined)
    assert.ok(response.body.includes('data-render="1"'))
    await app.close()
  })

  test('a second request is a cache hit with identical bytes and no render', async () => {
    const { app, renders } = await harness()
    const first = await app.inject({ url: '/world/one' })
    const second = await app.inject({ url: '/world/one' })
    assert.deepEqual(second.rawPayload, first.rawPayload)
    assert.equal(second.headers.etag, first.headers.etag)
    assert.equal(
      second.headers['content-security-policy'],
      first.headers['content-security-policy'],
    )
    assert.ok(second.headers['x-request-id'] !== undefined)
    assert.equal(renders.get('/world/one'), 1)
    await app.close()
  })

  test('brotli and gzip are negotiated and decode to the same page', async () => {
    const { app } = await harness()
    const plain = await app.inject({ url: '/sport' })
    for (const [accept, coding] of [
      ['gzip, deflate, br', 'br'],
      ['gzip', 'gzip'],
      ['br;q=0, gzip;q=0.5', 'gzip'],
      ['identity', undefined],
    ] as const) {
      const response = await app.inject({ url: '/sport', headers: { 'accept-encoding': accept } })
      assert.equal(response.headers['content-encoding'], coding, accept)
      const body =
        coding === 'br'
          ? brotliDecompressSync(response.rawPayload)
          : coding === 'gzip'
            ? gunzipSync(response.rawPayload)
            : response.rawPayload
      assert.deepEqual(body, plain.rawPayload, accept)
      if (coding !== undefined) assert.ok(response.rawPayload.length < plain.rawPayload.length)
    }
    await app.close()
  })

  test('a coding first asked for on a hit is stored as a new complete entry', async () => {
    const bus = createInProcessBus({ onHandlerError: () => {} })
    const store = createMemoryCacheStore({ maxBytes: 1 << 20 })
    const app = await pluginApp({ store, bus })
    let renders = 0
    app.get('/world/one', async (_request, reply) =>
      reply.sendPage(page('/world/one', ++renders, ['article:1'])),
    )
    await app.inject({ url: '/world/one', headers: { 'accept-encoding': 'br' } })
    const first = await store.get('/world/one')
    assert.ok(first?.bodies.br !== undefined)
    assert.equal(first.bodies.gzip, undefined, 'a miss compresses only for its own client')

    const gzip = await app.inject({ url: '/world/one', headers: { 'accept-encoding': 'gzip' } })
    assert.equal(gzip.headers['content-encoding'], 'gzip')
    assert.equal(renders, 1)
    const second = await store.get('/world/one')
    assert.ok(second?.bodies.gzip !== undefined && second.bodies.br !== undefined)
    assert.deepEqual(gunzipSync(second.bodies.gzip), second.bodies.identity)
    assert.equal(first.bodies.gzip, undefined, 'the entry handed out before is unchanged')

    // The new entry carries the old one's tags: a purge still reaches it.
    await bus.publish('comment.posted', { commentId: 1, articleId: 1, visible: true })
    assert.equal(await store.get('/world/one'), undefined)
    await app.close()
  })

  test('a matching If-None-Match or If-Modified-Since answers 304 without a body', async () => {
    const { app } = await harness()
    for (const warm of [false, true]) {
      const first = await app.inject({ url: '/world/two', headers: { 'accept-encoding': 'br' } })
      const etag = String(first.headers.etag)
      const byTag = await app.inject({ url: '/world/two', headers: { 'if-none-match': etag } })
      assert.equal(byTag.statusCode, 304, `etag, warm=${warm}`)
      assert.equal(byTag.body, '')
      assert.equal(byTag.headers['cache-control'], 'public, max-age=60')
      const byDate = await app.inject({
        url: '/world/two',
        headers: { 'if-modified-since': LAST_MODIFIED.toUTCString() },
      })
      assert.equal(byDate.statusCode, 304, `date, warm=${warm}`)
      const stale = await app.inject({ url: '/world/two', headers: { 'if-none-match': '"other"' } })
      assert.equal(stale.statusCode, 200)
    }
    await app.close()
  })

  test('HEAD answers the headers without a body, from the cache too', async () => {
    const { app } = await harness()
    for (let round = 0; round < 2; round += 1) {
      const response = await app.inject({ method: 'HEAD', url: '/sport' })
      assert.equal(response.statusCode, 200)
      assert.equal(response.body, '')
      assert.ok(Number(response.headers['content-length']) > 1000)
    }
    await app.close()
  })

  test('tracking parameters share the clean URL entry; other parameters do not', async () => {
    const { app, renders } = await harness()
    await app.inject({ url: '/sport' })
    await app.inject({ url: '/sport?utm_source=news&fbclid=abc&gclid=1' })
    assert.equal(renders.get('/sport'), 1)
    await app.inject({ url: '/sport?b=2&a=1' })
    await app.inject({ url: '/sport?a=1&b=2&utm_medium=x' })
    assert.equal(renders.get('/sport'), 2)
    await app.close()
  })

  test('a bus event purges exactly the pages carrying its tags', async () => {
    const { app, bus, renders } = await harness()
    for (const url of ['/', '/world/one', '/world/two', '/sport']) await app.inject({ url })
    await bus.publish('comment.posted', { commentId: 1, articleId: 1, visible: true })
    for (const url of ['/', '/world/one', '/world/two', '/sport']) await app.inject({ url })
    assert.deepEqual(Object.fromEntries(renders), {
      '/': 2,
      '/world/one': 2,
      '/world/two': 1,
      '/sport': 1,
    })
    await bus.publish('comment.posted', { commentId: 2, articleId: 2, visible: false })
    await bus.publish('picks.changed', { list: 'must-read' })
    for (const url of ['/', '/world/one', '/world/two', '/sport']) await app.inject({ url })
    assert.deepEqual(Object.fromEntries(renders), {
      '/': 3,
      '/world/one': 2,
      '/world/two': 1,
      '/sport': 2,
    })
    await app.close()
  })

  test('error pages and cache:false pages are sent but never stored', async () => {
    const { app, renders } = await harness()
    const broken = await app.inject({ url: '/broken' })
    await app.inject({ url: '/broken' })
    assert.equal(broken.statusCode, 503)
    assert.equal(broken.headers['cache-control'], 'no-store')
    assert.equal(renders.get('/broken'), 2)
    const personal = await app.inject({ url: '/personal' })
    await app.inject({ url: '/personal' })
    assert.equal(personal.headers['cache-control'], 'private, no-cache')
    assert.equal(renders.get('/personal'), 2)
    await app.close()
  })

  test('without a store every request renders, and validators still answer 304', async () => {
    const { app, renders } = await harness({ cache: false })
    const first = await app.inject({ url: '/sport' })
    assert.match(String(first.headers.etag), /^"/)
    const again = await app.inject({
      url: '/sport',
      headers: { 'if-modified-since': String(first.headers['last-modified']) },
    })
    assert.equal(again.statusCode, 304)
    assert.equal(renders.get('/sport'), 2)
    await app.close()
  })

  test('a page rendered while a purge happens is not stored', async () => {
    const bus = createInProcessBus({ onHandlerError: () => {} })
    const app = await pluginApp({ store: createMemoryCacheStore({ maxBytes: 1 << 20 }), bus })
    let renders = 0
    app.get('/racy', async (_request, reply) => {
      renders += 1
      // The story changes after this page read it but before the page is sent.
      await bus.publish('picks.changed', { list: 'must-read' })
      return reply.sendPage(page('/racy', 1, ['picks']))
    })
    await app.inject({ url: '/racy' })
    await app.inject({ url: '/racy' })
    assert.equal(renders, 2)
    await app.close()
  })

  test('a page rendered while another page is purged is stored', async () => {
    const bus = createInProcessBus({ onHandlerError: () => {} })
    const app = await pluginApp({ store: createMemoryCacheStore({ maxBytes: 1 << 20 }), bus })
    let renders = 0
    app.get('/calm', async (_request, reply) => {
      renders += 1
      // A comment on another story: nothing this page shows changed.
      await bus.publish('comment.posted', { articleId: 99, commentId: 1, visible: true })
      return reply.sendPage(page('/calm', 1, ['article:1', 'section:world']))
    })
    await app.inject({ url: '/calm' })
    await app.inject({ url: '/calm' })
    assert.equal(renders, 1, 'the second request was a hit')
    await app.close()
  })
})

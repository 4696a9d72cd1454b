/**
 * The front door answers a warm page before Fastify with the same bytes, headers, view count and
 * log line as Fastify's own cache hit, and hands everything else to Fastify.
 */

import assert from 'node:assert/strict'
import type { IncomingHttpHeaders } from 'node:http'
import type { AddressInfo } from 'node:net'
import { Writable } from 'node:stream'
import { after, before, describe, test } from 'node:test'
import Fastify, { type FastifyInstance } from 'fastify'
import { pino } from 'pino'
import { buildWeb } from '../../../src/app.js'
import { createMemoryCacheStore } from '../../../src/infra/cache-store/memory.js'
import { rawLogTarget } from '../../../src/infra/logger.js'
import { AccessLogController } from '../../../src/web/plugins/access-log.js'
import {
  createFrontDoor,
  frontDoorServerFactory,
  millisecondsText,
} from '../../../src/web/plugins/front-door.js'
import { pageCacheKey } from '../../../src/web/plugins/page-url.js'
import { buildTestApp, type TestApp } from '../../helpers/build-test-app.js'
import { socketGet } from '../../helpers/socket-get.js'

const get = socketGet

const BROWSER =
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0'

describe('front door on the real server', () => {
  let testApp: TestApp
  let web: FastifyInstance
  let port: number
  let storyPath: string
  let storyId: number

  before(async () => {
    testApp = await buildTestApp({ articles: 3 })
    web = await buildWeb(testApp.app.services)
    await web.listen({ host: '127.0.0.1', port: 0 })
    port = (web.server.address() as AddressInfo).port
    const { items } = await testApp.app.services.newsroom.listArticles({}, 1, 1)
    const story = items[0]
    assert.ok(story !== undefined)
    storyPath = `/${story.section.slug}/${story.slug}`
    storyId = story.id
  })

  after(async () => {
    await web.close()
    await testApp.dispose()
  })

  test('a warm page answers with the bytes and headers of the render, a new request id and a view', async () => {
    const { engagement } = testApp.app.services
    const before = engagement.viewStats().counted
    const rendered = await get(port, storyPath, { 'accept-encoding': 'br', 'user-agent': BROWSER })
    const warm = await get(port, storyPath, {
      'accept-encoding': 'br',
      'user-agent': `${BROWSER} Other`,
    })
    // The first warm hit proves its prepared head through writeHead; the next one sends it.
    const prepared = await get(port, storyPath, { 'accept-encoding': 'br', 'user-agent': BROWSER })
    assert.equal(rendered.status, 200)
    const names = (h: IncomingHttpHeaders): string[] => Object.keys(h).sort()
    for (const hit of [warm, prepared]) {
      assert.equal(hit.status, 200)
      assert.deepEqual(hit.body, rendered.body)
      assert.deepEqual(names(hit.headers), names(rendered.headers))
      for (const name of Object.keys(rendered.headers)) {
        if (name === 'x-request-id' || name === 'date') continue
        assert.equal(hit.headers[name], rendered.headers[name], name)
      }
      assert.notEqual(hit.headers['x-request-id'], rendered.headers['x-request-id'])
    }
    assert.notEqual(prepared.headers['x-request-id'], warm.headers['x-request-id'])
    assert.equal(warm.headers['content-encoding'], 'br')
    assert.ok(String(warm.headers['content-security-policy']).includes("default-src 'self'"))
    // Two readers (two user agents), each counted once: the render and the warm hit.
    assert.equal(engagement.viewStats().counted - before, 2)
  })

  test('a client holding the page gets 304, HEAD gets no body, and tracking parameters hit the cache', async () => {
    const warm = await get(port, storyPath, { 'accept-encoding': 'br', 'user-agent': BROWSER })
    const etag = String(warm.headers.etag)
    const revalidated = await get(port, storyPath, {
      'accept-encoding': 'br',
      'if-none-match': etag,
    })
    assert.equal(revalidated.status, 304)
    assert.equal(revalidated.body.length, 0)
    const head = await get(port, storyPath, { 'accept-encoding': 'br' }, 'HEAD')
    assert.equal(head.status, 200)
    assert.equal(head.body.length, 0)
    assert.equal(head.headers.etag, etag)
    const tracked = await get(port, `${storyPath}?utm_source=newsletter`, {
      'accept-encoding': 'br',
    })
    assert.equal(tracked.status, 200)
    assert.deepEqual(tracked.body, warm.body)
    assert.ok(storyId > 0)
  })

  test('gzip and identity clients get their own coding of the same page', async () => {
    const plain = await get(port, storyPath)
    const gzip = await get(port, storyPath, { 'accept-encoding': 'gzip' })
    assert.equal(plain.headers['content-encoding'], undefined)
    assert.match(plain.body.toString('utf8').slice(0, 20), /^<!doctype html>/i)
    assert.equal(gzip.headers['content-encoding'], 'gzip')
    const again = await get(port, storyPath, { 'accept-encoding': 'gzip' })
    assert.deepEqual(again.body, gzip.body)
  })
})

describe('front door on its own', () => {
  const lines: string[] = []
  const logger = pino(
    { base: { app: 'masthead' } },
    new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(chunk.toString('utf8'))
        done()
      },
    }),
  )
  const store = createMemoryCacheStore({ maxBytes: 1 << 20 })
  const door = createFrontDoor({
    logger,
    // As app.ts wires it: the line is serialised by the front door, not by pino.
    accessLog: rawLogTarget(logger),
    requestId: () => 'req-1',
    clientAddress: (request) => request.socket.remoteAddress,
    securityHeaders: { 'x-frame-options': 'DENY' },
  })
  const viewers: { ip: string; articleId: number }[] = []
  const server = frontDoorServerFactory(door)(
    (_request, response) => {
      response.writeHead(404, { 'content-type': 'text/plain' })
      response.end('fastify')
    },
    { keepAliveTimeout: 1000 },
  )
  let port = 0

  before(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    port = (server.address() as AddressInfo).port
    await store.set(
      '/news/story',
      {
        bodies: { identity: Buffer.from('<p>story</p>') },
        meta: { etag: 'abc', cacheControl: 'public, max-age=60', viewOf: '7' },
      },
      { tags: [], ttlMs: 60_000 },
    )
  })

  after(() => new Promise<void>((resolve) => server.close(() => resolve())))

  test('answers nothing until the page cache opens it, and nothing once closed', async () => {
    assert.equal((await get(port, '/news/story')).body.toString(), 'fastify')
    door.open({
      lookup: (key) => store.getNow?.(key),
      onPageView: (viewer, articleId) => viewers.push({ ip: viewer.ip, articleId }),
    })
    const hit = await get(port, '/news/story')
    assert.equal(hit.body.toString(), '<p>story</p>')
    assert.equal(hit.headers['x-request-id'], 'req-1')
    assert.equal(hit.headers['x-frame-options'], 'DENY')
    assert.equal(hit.headers.etag, '"abc"')
    assert.deepEqual(viewers, [{ ip: '127.0.0.1', articleId: 7 }])
    const line = JSON.parse(lines.at(-1) ?? '{}') as Record<string, unknown>
    assert.equal(line.msg, 'request completed')
    assert.equal(line.reqId, 'req-1')
    assert.equal(line.url, '/news/story')
    assert.equal(line.statusCode, 200)
    assert.equal(line.app, 'masthead')
    assert.equal((await get(port, '/news/other')).body.toString(), 'fastify', 'a miss goes on')
    assert.equal(
      (await get(port, '/news/story', {}, 'POST')).body.toString(),
      'fastify',
      'only GET',
    )
    door.close()
    assert.equal((await get(port, '/news/story')).body.toString(), 'fastify')
  })

  test("its access-log line is Fastify's, field for field, with the URL escaped", async () => {
    door.open({ lookup: (key) => store.getNow?.(key) })
    const odd = '/news/q"uote\\?x=1'
    await store.set(
      pageCacheKey(odd),
      { bodies: { identity: Buffer.from('<p>odd</p>') }, meta: { etag: 'odd' } },
      { tags: [], ttlMs: 60_000 },
    )
    assert.equal((await get(port, odd)).body.toString(), '<p>odd</p>')
    const ours = JSON.parse(lines.at(-1) ?? '{}') as Record<string, unknown>
    assert.equal(ours.url, odd)

    const fastifyLines: string[] = []
    const fastify = Fastify({
      loggerInstance: pino(
        { base: { app: 'masthead' } },
        new Writable({
          write(chunk: Buffer, _encoding, done) {
            fastifyLines.push(chunk.toString('utf8'))
            done()
          },
        }),
      ),
      logController: new AccessLogController(),
      genReqId: () => 'req-2',
    })
    fastify.get('/news/story', async () => 'story')
    await fastify.inject('/news/story')
    await fastify.close()
    const theirs = JSON.parse(
      fastifyLines.find((line) => line.includes('request completed')) ?? '{}',
    ) as Record<string, unknown>
    assert.deepEqual(Object.keys(ours), Object.keys(theirs))
    for (const key of ['level', 'app', 'method', 'statusCode', 'msg'])
      assert.equal(ours[key], theirs[key], key)
    assert.equal(typeof ours.time, 'number')
    assert.equal(typeof ours.responseTime, 'number')
    door.close()
  })
})

describe('millisecondsText', () => {
  test('writes a duration to the microsecond as a JSON number', () => {
    assert.equal(millisecondsText(0.0421875), '0.042')
    assert.equal(millisecondsText(12), '12.000')
    assert.equal(millisecondsText(1.9996), '2.000')
    assert.equal(millisecondsText(0), '0.000')
    assert.equal(JSON.parse(millisecondsText(3.1415)), 3.142)
  })

  test('falls back to the plain number outside whole microseconds', () => {
    assert.equal(millisecondsText(-1), '-1')
    assert.equal(millisecondsText(Number.NaN), 'null', 'as JSON.stringify writes it')
    assert.equal(millisecondsText(3e9), '3000000000')
  })
})

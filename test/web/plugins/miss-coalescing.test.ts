/**
 * Coalesced misses: concurrent misses of one stored page render it once and are each served it
 * as a hit (own request id, log line, view); what is not shareable is rendered by each; a purge
 * during the render is honoured; a slow leader does not hold its waiters beyond the wait.
 */

import assert from 'node:assert/strict'
import { Writable } from 'node:stream'
import { describe, test } from 'node:test'
import { brotliDecompressSync, gunzipSync } from 'node:zlib'
import type { FastifyInstance, LightMyRequestResponse } from 'fastify'
import { pino } from 'pino'
import { createInProcessBus } from '../../../src/infra/bus/in-process.js'
import { createMemoryCacheStore } from '../../../src/infra/cache-store/memory.js'
import type { PageResult } from '../../../src/web/page-result.js'
import { buildTestApp } from '../../helpers/build-test-app.js'
import { pluginApp } from './plugin-app.js'

const BROWSER =
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0'

/** A promise the test opens when it chooses. */
function gate(): { opened: Promise<void>; open(): void } {
  let open = (): void => {}
  const opened = new Promise<void>((resolve) => (open = resolve))
  return { opened, open }
}

/** Resolves when `check` holds, polling every 5 ms; rejects after 3 s. */
async function until(check: () => boolean, what: string): Promise<void> {
  const started = Date.now()
  while (!check()) {
    if (Date.now() - started > 3000) throw new Error(`${what}: not within 3 s`)
    await new Promise((resolve) => setTimeout(resolve, 5))
  }
}

const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms))

/** A page big enough to be compressed, saying which render made it. */
function page(render: number, tags: string[], status = 200): PageResult {
  const filler = '<p>The harbour board met again on Thursday.</p>'.repeat(60)
  return {
    status,
    html: `<!doctype html><html lang="en"><main data-render="${render}">${filler}</main></html>`,
    cacheTags: tags,
    lastModified: null,
  }
}

/** Which render made the page a response carries (decoded from its content coding). */
function renderOf(response: LightMyRequestResponse): string {
  const coding = response.headers['content-encoding']
  const body =
    coding === 'br'
      ? brotliDecompressSync(response.rawPayload)
      : coding === 'gzip'
        ? gunzipSync(response.rawPayload)
        : response.rawPayload
  return /data-render="(\d+)"/.exec(body.toString('utf8'))?.[1] ?? 'none'
}

interface Harness {
  app: FastifyInstance
  bus: ReturnType<typeof createInProcessBus>
  /** Renders per path. */
  renders: Map<string, number>
  /** Held until opened: the first render of each path waits for it. */
  first: ReturnType<typeof gate>
  /** `count` concurrent GETs of `url`, each a reader of its own. */
  burst(
    url: string,
    count: number,
    headers?: Record<string, string>,
  ): Promise<LightMyRequestResponse[]>
}

/** A plugin app whose routes count renders and hold the first render of each path at a gate. */
async function harness(coalesceWaitMs?: number): Promise<Harness> {
  const bus = createInProcessBus({ onHandlerError: () => {} })
  const store = createMemoryCacheStore({ maxBytes: 1 << 20 })
  const app = await pluginApp({
    store,
    bus,
    ...(coalesceWaitMs === undefined ? {} : { coalesceWaitMs }),
  })
  const renders = new Map<string, number>()
  const first = gate()
  const render = async (path: string): Promise<number> => {
    const count = (renders.get(path) ?? 0) + 1
    renders.set(path, count)
    if (count === 1) await first.opened
    return count
  }
  const stored = { config: { storesPages: true } }
  app.get('/story', stored, async (_request, reply) =>
    reply.sendPage(page(await render('/story'), ['article:1'])),
  )
  app.get('/cookie', stored, async (_request, reply) => {
    const n = await render('/cookie')
    return reply.header('set-cookie', `notice=${n}`).sendPage(page(n, ['article:2']))
  })
  app.get('/broken', stored, async (_request, reply) =>
    reply.sendPage(page(await render('/broken'), [], 503)),
  )
  app.get('/personal', stored, async (_request, reply) =>
    reply.sendPage(page(await render('/personal'), ['front']), { cache: false }),
  )
  // Not marked: its pages are stored, but its misses are not coalesced.
  app.get('/unmarked', async (_request, reply) =>
    reply.sendPage(page(await render('/unmarked'), ['front'])),
  )
  await app.ready()
  const burst: Harness['burst'] = (url, count, headers = {}) =>
    Promise.all(
      Array.from({ length: count }, (_, n) =>
        app.inject({ url, headers: { 'user-agent': `${BROWSER}.${n}`, ...headers } }),
      ),
    )
  return { app, bus, renders, first, burst }
}

describe('miss coalescing on the real app', () => {
  test('20 concurrent misses of a purged story render it once; each has its own id, log line and view', async () => {
    const lines: Record<string, unknown>[] = []
    const logger = pino(
      { level: 'info' },
      new Writable({
        write(chunk: Buffer, _encoding, done) {
          lines.push(JSON.parse(chunk.toString('utf8')) as Record<string, unknown>)
          done()
        },
      }),
    )
    const testApp = await buildTestApp({ articles: 3, logger })
    try {
      const { services, web } = testApp.app
      const story = (await services.newsroom.listArticles({}, 1, 1)).items[0]
      assert.ok(story !== undefined)
      const path = `/${story.section.slug}/${story.slug}`
      // Each render of a reader page asks for the banner once: counted, and the first one held.
      const front = services.newsroom.front
      const currentBanner = front.currentBanner.bind(front)
      let renders = 0
      const held = gate()
      front.currentBanner = async () => {
        renders += 1
        if (renders === 2) await held.opened
        return currentBanner()
      }
      const reader = (n: number) =>
        web.inject({
          url: path,
          remoteAddress: `198.51.100.${n + 1}`,
          headers: { 'user-agent': `${BROWSER}.${n}`, 'accept-encoding': 'br' },
        })
      assert.equal((await reader(100)).statusCode, 200)
      assert.equal(renders, 1)
      // A correction purges the story's page: the popular page is a miss for everyone at once.
      await services.bus.publish('comment.moderated', {
        commentId: 1,
        articleId: story.id,
        action: 'approve',
      })
      const counted = services.engagement.viewStats().counted
      lines.length = 0
      const answers = Promise.all(Array.from({ length: 20 }, (_, n) => reader(n)))
      await until(() => renders === 2, 'the leader renders')
      await pause(50)
      held.open()
      const responses = await answers

      assert.equal(renders, 2, 'one render for the 20 misses')
      for (const response of responses) {
        assert.equal(response.statusCode, 200)
        assert.equal(response.headers['content-encoding'], 'br')
        assert.deepEqual(response.rawPayload, responses[0]?.rawPayload)
      }
      const ids = responses.map((response) => String(response.headers['x-request-id']))
      assert.equal(new Set(ids).size, 20, 'a request id each')
      const logged = lines.filter((line) => line.msg === 'request completed' && line.url === path)
      assert.deepEqual(logged.map((line) => line.reqId).sort(), [...ids].sort(), 'a log line each')
      assert.equal(services.engagement.viewStats().counted - counted, 20, 'a view each')
      // The shared page was stored too: the next reader is a plain hit.
      assert.deepEqual((await reader(40)).rawPayload, responses[0]?.rawPayload)
      assert.equal(renders, 2)
    } finally {
      await testApp.dispose()
    }
  })
})

describe('miss coalescing', () => {
  test('waiters get the leader page; other codings and unmarked routes are not held', async () => {
    const { app, renders, first, burst } = await harness()
    const story = burst('/story', 5, { 'accept-encoding': 'br' })
    await until(() => renders.get('/story') === 1, 'the leader renders')
    // A gzip client is another flight, and an unmarked route never waits: both render now.
    const gzip = app.inject({ url: '/story', headers: { 'accept-encoding': 'gzip' } })
    await until(() => renders.get('/story') === 2, 'the gzip miss renders')
    const unmarked = burst('/unmarked', 3)
    await until(() => renders.get('/unmarked') === 3, 'unmarked misses all render')
    first.open()
    const responses = await story
    assert.deepEqual(responses.map(renderOf), ['1', '1', '1', '1', '1'])
    assert.equal(new Set(responses.map((r) => r.headers['x-request-id'])).size, 5)
    assert.equal((await gzip).headers['content-encoding'], 'gzip')
    assert.equal((await unmarked).length, 3)
    assert.equal(renders.get('/story'), 2)
    await app.close()
  })

  test('a page that is not shareable (a cookie, an error, cache: false) is rendered by each', async () => {
    const { app, renders, first, burst } = await harness()
    const answers = Promise.all([burst('/cookie', 4), burst('/broken', 4), burst('/personal', 4)])
    await until(
      () => ['/cookie', '/broken', '/personal'].every((path) => renders.get(path) === 1),
      'the leaders render',
    )
    await pause(30)
    // The waiters wait for their leader (nothing else renders meanwhile)…
    assert.deepEqual([...renders.values()], [1, 1, 1])
    first.open()
    const [cookie, broken, personal] = await answers
    // …then render for themselves: never given another reader's cookie or an error page.
    assert.deepEqual(cookie.map((r) => r.headers['set-cookie']).sort(), [
      'notice=1',
      'notice=2',
      'notice=3',
      'notice=4',
    ])
    assert.deepEqual(
      broken.map((r) => r.statusCode),
      [503, 503, 503, 503],
    )
    assert.deepEqual(new Set(broken.map(renderOf)).size, 4)
    assert.deepEqual(new Set(personal.map(renderOf)).size, 4)
    assert.deepEqual(personal[0]?.headers['cache-control'], 'private, no-cache')
    assert.deepEqual([...renders.values()], [4, 4, 4])
    await app.close()
  })

  test('a purge during the render is honoured: waiters get the next render, not the stale one', async () => {
    const { app, bus, renders, first, burst } = await harness()
    const answers = burst('/story', 5)
    await until(() => renders.get('/story') === 1, 'the leader renders')
    await pause(30)
    // The story changes after the leader read it: its page may be stale.
    await bus.publish('comment.moderated', { commentId: 1, articleId: 1, action: 'approve' })
    first.open()
    const responses = await answers
    const byRender = responses.map(renderOf).sort()
    assert.deepEqual(byRender, ['1', '2', '2', '2', '2'], 'the leader sends its own page only')
    assert.equal(renders.get('/story'), 2, 'one waiter renders afresh for the others')
    // The fresh page is the one stored.
    assert.equal(renderOf(await app.inject({ url: '/story' })), '2')
    assert.equal(renders.get('/story'), 2)
    await app.close()
  })

  test('a leader slower than the wait: the waiters render themselves, then a new flight starts', async () => {
    const { app, bus, renders, first, burst } = await harness(300)
    // The wait is bounded by the flight's age, so it is measured from the leader's arrival.
    const started = Date.now()
    const leader = app.inject({ url: '/story' })
    await until(() => renders.get('/story') === 1, 'the leader renders')
    const waiters = await burst('/story', 3)
    const waited = Date.now() - started
    assert.ok(waited >= 295 && waited < 2000, `waited ${waited} ms`)
    assert.deepEqual(waiters.map(renderOf).sort(), ['2', '3', '4'])
    // The leader is still rendering; the next request is a hit on a page the waiters stored.
    assert.ok(['2', '3', '4'].includes(renderOf(await app.inject({ url: '/story' }))))
    assert.equal(renders.get('/story'), 4)
    // The hung leader's flight was given up: after a purge, the next miss leads a new render
    // at once instead of queueing behind it.
    await bus.publish('comment.moderated', { commentId: 1, articleId: 1, action: 'approve' })
    const fresh = Date.now()
    assert.equal(renderOf(await app.inject({ url: '/story' })), '5')
    assert.ok(Date.now() - fresh < 200, `a new render, not a wait (${Date.now() - fresh} ms)`)
    first.open()
    assert.equal(renderOf(await leader), '1')
    await app.close()
  })
})

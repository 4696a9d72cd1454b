/** Webhooks on every database, against a real local receiver: signed, retried, ordered, durable. */

import assert from 'node:assert/strict'
import { after, before, beforeEach, test } from 'node:test'
import type { Bus } from '../../src/infra/bus/bus.js'
import { createInProcessBus } from '../../src/infra/bus/in-process.js'
import { createLogger } from '../../src/infra/logger.js'
import { createWebhooks, type Webhooks } from '../../src/integrations/index.js'
import { sendWebhook } from '../../src/integrations/webhook-delivery.js'
import { MastheadError } from '../../src/lib/errors.js'
import { forEachDatabase } from '../helpers/databases.js'
import { NOW, newsroomFixture, type NewsroomFixture } from '../newsroom/newsroom-fixtures.js'
import { type Receiver, receiverAccepts, startReceiver } from './webhook-receiver.js'

const links = {
  story: (s: { slug: string; section: { slug: string } }) => `/${s.section.slug}/${s.slug}`,
  section: (s: { slug: string }) => `/${s.slug}`,
  author: (a: { slug: string }) => `/author/${a.slug}`,
  tag: (t: { slug: string }) => `/tag/${t.slug}`,
}
const logger = createLogger({ level: 'silent' })
const code = (expected: string) => (error: unknown) =>
  error instanceof MastheadError && error.code === expected

forEachDatabase('webhooks', (t) => {
  let f: NewsroomFixture
  let receiver: Receiver
  let webhooks: Webhooks
  const build = (bus: Bus = f.bus, maxAttempts = 8): Webhooks =>
    createWebhooks({
      db: t.handle.db,
      clock: f.clock,
      bus,
      logger,
      newsroom: f.newsroom,
      siteUrl: 'https://news.example.org',
      links,
      maxAttempts,
      send: (delivery, now) => sendWebhook(delivery, now, 2_000),
    })
  const nowSeconds = (): number => Math.floor(f.clock.nowMs() / 1000)
  const advance = (ms: number): void => f.clock.set(new Date(f.clock.nowMs() + ms))

  before(async () => {
    f = await newsroomFixture(t.handle.db)
    receiver = await startReceiver()
  })
  after(async () => {
    await receiver.close()
  })
  beforeEach(async () => {
    // Each test starts with no webhook, an empty receiver and the clock at NOW.
    webhooks?.close()
    webhooks = build()
    for (const hook of await webhooks.list()) await webhooks.remove(String(hook.id))
    receiver.received.length = 0
    receiver.answers.length = 0
    f.clock.set(NOW)
  })

  test('a published story reaches the receiver once, signed, with the story as the API shows it', async () => {
    const { webhook, secret } = await webhooks.add(receiver.url, ['article.published'])
    assert.match(secret, /^whsec_[A-Za-z0-9_-]{32}$/)
    assert.deepEqual(webhook.events, ['article.published'])
    const story = await f.story({ tagNames: ['Harbour'] })

    assert.equal(await webhooks.deliverDue(), 1)
    assert.equal(receiver.received.length, 1)
    const [request] = receiver.received
    assert.ok(request)
    assert.ok(receiverAccepts(secret, request, nowSeconds()))
    assert.ok(!receiverAccepts('whsec_other', request, nowSeconds()))
    assert.ok(!receiverAccepts(secret, request, nowSeconds() + 301), 'too old is refused')
    assert.equal(request.headers['content-type'], 'application/json')
    assert.equal(request.headers['user-agent'], 'Masthead-Webhooks/1')
    assert.equal(request.headers['masthead-event'], 'article.published')
    const [logged] = await webhooks.deliveries({ limit: 1 })
    assert.equal(request.headers['masthead-delivery'], String(logged?.id))
    assert.equal(logged?.status, 'delivered')
    assert.equal(logged?.attempts, 1)
    assert.equal(logged?.lastStatusCode, 200)
    assert.equal(typeof logged?.lastDurationMs, 'number')
    assert.equal(request.json.event, 'article.published')
    assert.match(request.json.id, /^evt_/)
    assert.equal(request.json.occurred_at, NOW.toISOString())
    assert.equal(request.json.story.id, story.id)
    assert.equal(request.json.story.headline, story.headline)
    assert.equal(request.json.story.url, `https://news.example.org/${f.section.slug}/${story.slug}`)
    assert.deepEqual(
      (request.json.story.tags as { name: string }[]).map((tag) => tag.name),
      ['Harbour'],
    )
    assert.equal(await webhooks.deliverDue(), 0, 'delivered once')
  })

  test('a receiver failing twice gets the event again after 30 s and 2 min, then it is delivered', async () => {
    await webhooks.add(receiver.url, ['article.published'])
    receiver.answers.push(500, 500)
    await f.story()

    assert.equal(await webhooks.deliverDue(), 1)
    let [log] = await webhooks.deliveries({ limit: 1 })
    assert.equal(log?.status, 'pending')
    assert.equal(log?.attempts, 1)
    assert.equal(log?.lastStatusCode, 500)
    assert.equal(log?.lastError, 'HTTP 500')
    assert.deepEqual(log?.nextAttemptAt, new Date(NOW.getTime() + 30_000))

    advance(29_000)
    assert.equal(await webhooks.deliverDue(), 0, 'not before its time')
    advance(1_000)
    assert.equal(await webhooks.deliverDue(), 1)
    ;[log] = await webhooks.deliveries({ limit: 1 })
    assert.equal(log?.attempts, 2)
    assert.deepEqual(log?.nextAttemptAt, new Date(NOW.getTime() + 30_000 + 120_000))

    advance(120_000)
    assert.equal(await webhooks.deliverDue(), 1)
    ;[log] = await webhooks.deliveries({ limit: 1 })
    assert.equal(log?.status, 'delivered')
    assert.equal(log?.attempts, 3)
    assert.equal(log?.nextAttemptAt, null)
    assert.equal(receiver.received.length, 3)
    assert.equal(new Set(receiver.received.map((r) => r.json.id)).size, 1, 'the same event')
  })

  test('a delivery is given up after the configured attempts', async () => {
    webhooks.close()
    webhooks = build(f.bus, 2)
    await webhooks.add(receiver.url, ['article.published'])
    receiver.answers.push(503, 503, 503)
    await f.story()
    await webhooks.deliverDue()
    advance(30_000)
    await webhooks.deliverDue()
    const [log] = await webhooks.deliveries({ limit: 1 })
    assert.equal(log?.status, 'failed')
    assert.equal(log?.attempts, 2)
    advance(86_400_000)
    assert.equal(await webhooks.deliverDue(), 0)
  })

  test('a pending delivery is sent by a new process over the same database', async () => {
    await webhooks.add(receiver.url, ['article.published'])
    receiver.answers.push(500)
    await f.story()
    await webhooks.deliverDue()
    webhooks.close()

    // The restart: new services, their own bus, the same database.
    const restarted = build(createInProcessBus({ onHandlerError: () => {} }))
    advance(30_000)
    assert.equal(await restarted.deliverDue(), 1)
    const [log] = await restarted.deliveries({ limit: 1 })
    assert.equal(log?.status, 'delivered')
    assert.equal(log?.attempts, 2)
    restarted.close()
  })

  test('a change whose process died before announcing it still reaches receivers (the outbox)', async () => {
    await webhooks.add(receiver.url, ['article.published'])
    // No listener on the bus: as if the process died right after its transaction committed.
    webhooks.close()
    const story = await f.story()
    assert.equal(receiver.received.length, 0)

    const restarted = build(createInProcessBus({ onHandlerError: () => {} }))
    assert.equal(await restarted.deliverDue(), 1)
    assert.equal(receiver.received.length, 1)
    assert.equal(receiver.received[0]?.json.event, 'article.published')
    assert.equal((receiver.received[0]?.json.story as { id: number }).id, story.id)
    // Taken once: a second run queues nothing more.
    assert.equal(await restarted.deliverDue(), 0)
    restarted.close()
  })

  test('a change that fails leaves no event behind', async () => {
    await webhooks.add(receiver.url, ['article.published'])
    const story = await f.story()
    await webhooks.deliverDue()
    receiver.received.length = 0
    webhooks.close()
    await assert.rejects(f.story({ slug: story.slug }), code('ARTICLE_SLUG_TAKEN'))
    const restarted = build(createInProcessBus({ onHandlerError: () => {} }))
    assert.equal(await restarted.deliverDue(), 0)
    assert.equal(receiver.received.length, 0)
    restarted.close()
  })

  test('two processes taking the outbox at once queue each event once', async () => {
    const { webhook } = await webhooks.add(receiver.url, ['article.published'])
    webhooks.close()
    for (let i = 0; i < 12; i++) await f.story()
    const one = build(createInProcessBus({ onHandlerError: () => {} }))
    const two = build(createInProcessBus({ onHandlerError: () => {} }))
    await Promise.all([one.drainOutbox(), two.drainOutbox(), one.drainOutbox()])
    const queued = await one.deliveries({ webhookId: webhook.id, limit: 100 })
    assert.equal(queued.length, 12)
    one.close()
    two.close()
  })

  test('events of one story go out in order: an update waits for the publication before it', async () => {
    await webhooks.add(receiver.url, ['article.published', 'article.updated'])
    receiver.answers.push(500)
    const story = await f.story()
    await f.newsroom.updateArticle(story.id, { headline: 'Harbour story, updated' })
    const other = await f.story()

    // The publication fails; the update waits; another story is not held up.
    assert.equal(await webhooks.deliverDue(), 2)
    assert.deepEqual(
      receiver.received.map((r) => [r.json.event, r.json.story.id]),
      [
        ['article.published', story.id],
        ['article.published', other.id],
      ],
    )
    advance(10_000)
    assert.equal(await webhooks.deliverDue(), 0, 'the update still waits')
    advance(20_000)
    assert.equal(await webhooks.deliverDue(), 1)
    assert.equal(await webhooks.deliverDue(), 1)
    assert.deepEqual(
      receiver.received.slice(2).map((r) => [r.json.event, r.json.story.headline]),
      [
        ['article.published', story.headline],
        ['article.updated', 'Harbour story, updated'],
      ],
    )
  })

  test('a removed webhook gets nothing more, pending or new', async () => {
    const { webhook } = await webhooks.add(receiver.url, ['article.published'])
    await f.story()
    await webhooks.remove(String(webhook.id))
    await f.story()
    assert.equal(await webhooks.deliverDue(), 0)
    assert.equal(receiver.received.length, 0)
    const [log] = await webhooks.deliveries({ webhookId: webhook.id, limit: 5 })
    assert.equal(log?.status, 'cancelled')
    assert.deepEqual(await webhooks.list(), [])
    await assert.rejects(webhooks.remove(String(webhook.id)), code('WEBHOOK_NOT_FOUND'))
  })

  test('only subscribed events are queued; unpublication carries the story reference', async () => {
    const { webhook } = await webhooks.add(receiver.url, ['article.unpublished'])
    const story = await f.story()
    assert.deepEqual(await webhooks.deliveries({ webhookId: webhook.id, limit: 5 }), [])
    const ids = await webhooks.enqueue('article.unpublished', {
      articleId: story.id,
      slug: story.slug,
      sectionSlug: f.section.slug,
    })
    assert.equal(ids.length, 1)
    await webhooks.deliverDue()
    assert.equal(receiver.received.length, 1)
    assert.deepEqual(receiver.received[0]?.json.story, {
      id: story.id,
      slug: story.slug,
      section: { slug: f.section.slug },
    })
  })

  test('a redirect and an unreachable host are failed attempts, never a crash', async () => {
    await webhooks.add(receiver.url, ['article.published'])
    await webhooks.add('http://127.0.0.1:9/closed', ['article.published'])
    receiver.answers.push(302)
    await f.story()
    assert.equal(await webhooks.deliverDue(), 2)
    const logs = await webhooks.deliveries({ limit: 2 })
    assert.ok(logs.every((d) => d.status === 'pending' && d.attempts === 1))
    const redirected = logs.find((d) => d.lastStatusCode === 302)
    assert.match(redirected?.lastError ?? '', /redirect .* not followed/)
    const unreachable = logs.find((d) => d.lastStatusCode === null)
    assert.ok((unreachable?.lastError ?? '') !== '')
  })

  test('bad URLs and unknown events are refused with their codes', async () => {
    for (const url of [
      'ftp://example.org/x',
      'not a url',
      'javascript:alert(1)',
      'https://u:p@example.org/',
    ])
      await assert.rejects(webhooks.add(url, ['article.published']), code('WEBHOOK_URL_INVALID'))
    await assert.rejects(
      webhooks.add(receiver.url, ['article.deleted']),
      code('WEBHOOK_EVENTS_INVALID'),
    )
    await assert.rejects(webhooks.add(receiver.url, []), code('WEBHOOK_EVENTS_INVALID'))
  })
})

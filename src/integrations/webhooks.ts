/**
 * Webhooks: subscriptions, the durable queue fed from the bus, and the sending of due deliveries
 * with retries, backoff and per-story order. The queue is the database, so a restart loses nothing.
 */

import { randomBytes } from 'node:crypto'
import type { Db } from '../db/database.js'
import type { Bus } from '../infra/bus/bus.js'
import type { Logger } from '../infra/logger.js'
import type { Clock } from '../lib/clock.js'
import { webhookEventsInvalid, webhookNotFound, webhookUrlInvalid } from './errors.js'
import type { Webhook, WebhookDelivery } from './types.js'
import { type AttemptResult, type OutgoingDelivery, sendWebhook } from './webhook-delivery.js'
import { drainOutbox, OUTBOX_BATCH } from './webhook-outbox.js'
import { type PayloadDeps, webhookPayload } from './webhook-payload.js'
import {
  dueDeliveries,
  insertDeliveries,
  insertWebhook,
  liveWebhooks,
  recentDeliveries,
  recordAttempt,
  removeWebhook,
  webhooksFor,
} from './webhook-queries.js'
import {
  backoffMs,
  parseWebhookEvents,
  WEBHOOK_EVENTS,
  type WebhookEvent,
  webhookUrl,
} from './webhook-rules.js'

/** Deliveries one run sends at most, and how many at once. */
export const WEBHOOK_BATCH = 50
const CONCURRENCY = 4

export interface Webhooks {
  /** Subscribes `url` to `events`; the signing secret is returned here once. */
  add(url: string, events: readonly string[]): Promise<{ webhook: Webhook; secret: string }>
  list(): Promise<Webhook[]>
  /** Removes a webhook by id and cancels what it had pending; throws WEBHOOK_NOT_FOUND. */
  remove(ref: string): Promise<Webhook>
  /** The newest deliveries, of one webhook or all, newest first. */
  deliveries(options: { webhookId?: number; limit: number }): Promise<WebhookDelivery[]>
  /** Queues `event` for every active webhook subscribed to it; returns the delivery ids. */
  enqueue(
    event: WebhookEvent,
    subject: { articleId: number; slug: string; sectionSlug: string; commentId?: number },
  ): Promise<number[]>
  /** Queues deliveries for every event waiting in the outbox. */
  drainOutbox(): Promise<void>
  /** Queues what the outbox holds, then sends the deliveries due now (one batch); returns how many were attempted. */
  deliverDue(): Promise<number>
  /** Stops following the bus. */
  close(): void
}

export interface WebhooksDeps extends PayloadDeps {
  db: Db
  clock: Clock
  bus: Bus
  logger: Logger
  /** Attempts before a delivery is given up. */
  maxAttempts: number
  /** Sends one request; tests may shorten the timeout (default: sendWebhook, 10 s). */
  send?: (delivery: OutgoingDelivery, now: Date) => Promise<AttemptResult>
}

/**
 * Builds the webhooks service: events are taken from the outbox, which each change writes in its
 * own transaction; the bus makes the publishing process take them at once, the job everywhere.
 * @example const webhooks = createWebhooks({ db, clock, bus, logger, newsroom, siteUrl, links, maxAttempts: 8 })
 */
export function createWebhooks(deps: WebhooksDeps): Webhooks {
  const { db, clock, bus, logger, maxAttempts } = deps
  const send = deps.send ?? sendWebhook

  const enqueue: Webhooks['enqueue'] = async (event, subject) => {
    const hooks = await webhooksFor(db, event)
    if (hooks.length === 0) return []
    const at = clock.now()
    // One payload (one event id) for every webhook: receivers can tell it is the same event.
    const payload = await webhookPayload(deps, event, at, subject)
    return insertDeliveries(
      db,
      hooks.map((hook) => ({ webhookId: hook.id, event, storyId: subject.articleId, payload })),
      at,
    )
  }

  const attempt = async (delivery: Awaited<ReturnType<typeof dueDeliveries>>[number]) => {
    const result = await send(delivery, clock.now())
    const attempts = delivery.attempts + 1
    const at = clock.now()
    const givenUp = !result.ok && attempts >= maxAttempts
    await recordAttempt(db, delivery.id, {
      status: result.ok ? 'delivered' : givenUp ? 'failed' : 'pending',
      attempts,
      nextAttemptAt: result.ok || givenUp ? null : new Date(at.getTime() + backoffMs(attempts)),
      at,
      statusCode: result.statusCode,
      durationMs: result.durationMs,
      error: result.error,
    })
    if (!result.ok)
      logger.warn(
        { delivery: delivery.id, attempts, error: result.error, givenUp },
        'webhook delivery failed',
      )
  }

  // Events come from the outbox (written with each change); the bus only says "look now", so a
  // change is queued within milliseconds here and by the delivery job's next run anywhere else.
  let draining: Promise<void> | undefined
  let again = false
  const drain = (): Promise<void> => {
    if (draining !== undefined) {
      again = true
      return draining
    }
    draining = (async () => {
      do {
        again = false
        let taken: number
        do taken = await drainOutbox({ ...deps, db, clock })
        while (taken === OUTBOX_BATCH)
      } while (again)
    })().finally(() => {
      draining = undefined
    })
    return draining
  }
  // The outbox is shared: the process that wrote the change drains it (the job covers the rest).
  const once = { runsOn: 'publishing-process' } as const
  const unsubscribe = [
    bus.subscribe('article.published', () => drain(), once),
    bus.subscribe('article.updated', () => drain(), once),
    bus.subscribe('article.unpublished', () => drain(), once),
    bus.subscribe('comment.posted', () => drain(), once),
    bus.subscribe('comment.moderated', () => drain(), once),
  ]

  return {
    add: async (rawUrl, names) => {
      const url = webhookUrl(rawUrl)
      if (url === undefined) throw webhookUrlInvalid(rawUrl)
      const { events, unknown } = parseWebhookEvents(names)
      if (unknown.length > 0 || events.length === 0)
        throw webhookEventsInvalid(unknown, WEBHOOK_EVENTS)
      const secret = `whsec_${randomBytes(24).toString('base64url')}`
      const webhook = await insertWebhook(db, { url, events, secret }, clock.now())
      return { webhook, secret }
    },
    list: () => liveWebhooks(db),
    remove: async (ref) => {
      const trimmed = ref.trim()
      const id = /^\d{1,9}$/.test(trimmed) ? Number(trimmed) : undefined
      const removed = id === undefined ? undefined : await removeWebhook(db, id, clock.now())
      if (removed === undefined) throw webhookNotFound(trimmed)
      return removed
    },
    deliveries: ({ webhookId, limit }) => recentDeliveries(db, webhookId, limit),
    enqueue,
    drainOutbox: drain,
    deliverDue: async () => {
      await drain()
      const due = await dueDeliveries(db, clock.now(), WEBHOOK_BATCH)
      // A few at a time: one slow receiver must not hold up the rest, nor may a burst open
      // hundreds of sockets at once.
      let next = 0
      const worker = async (): Promise<void> => {
        while (next < due.length) {
          const delivery = due[next++]
          if (delivery !== undefined) await attempt(delivery)
        }
      }
      await Promise.all(Array.from({ length: Math.min(CONCURRENCY, due.length) }, worker))
      return due.length
    },
    close: () => {
      for (const stop of unsubscribe) stop()
    },
  }
}

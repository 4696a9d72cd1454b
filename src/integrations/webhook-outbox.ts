/**
 * Turns outbox events into webhook deliveries. The event was written in the transaction of the
 * change, and it leaves the outbox in the transaction that queues its deliveries: an event is
 * queued once, even if the process dies in between (it is simply taken on the next run).
 */

import type { Db } from '../db/database.js'
import { type OutboxEvent, pendingOutboxEvents, takeOutboxEvents } from '../db/event-outbox.js'
import type { Clock } from '../lib/clock.js'
import type { Webhook } from './types.js'
import { type PayloadDeps, webhookPayload } from './webhook-payload.js'
import { insertDeliveries, liveWebhooks } from './webhook-queries.js'

/** Events one pass takes at most. */
export const OUTBOX_BATCH = 200

interface Planned {
  eventId: number
  rows: { webhookId: number; event: string; storyId: number; payload: string }[]
}

/**
 * Queues deliveries for the oldest outbox events (one batch, oldest first, so each story's
 * events keep their order); returns how many events were taken.
 */
export async function drainOutbox(deps: PayloadDeps & { db: Db; clock: Clock }): Promise<number> {
  const { db, clock } = deps
  const events = await pendingOutboxEvents(db, OUTBOX_BATCH)
  if (events.length === 0) return 0
  const hooks = (await liveWebhooks(db)).filter((hook) => hook.active)
  // Payloads are read before the transaction: on SQLite the transaction holds the one connection.
  const planned: Planned[] = []
  for (const event of events) {
    const rows = await deliveriesOf(deps, event, hooks)
    if (rows.length > 0) planned.push({ eventId: event.id, rows })
  }
  await db.transaction().execute(async (trx) => {
    const taken = await takeOutboxEvents(
      trx,
      events.map((e) => e.id),
    )
    const rows = planned.filter((p) => taken.has(p.eventId)).flatMap((p) => p.rows)
    await insertDeliveries(trx, rows, clock.now())
  })
  return events.length
}

/** One delivery per webhook subscribed to the event, all with the same payload (one event id). */
async function deliveriesOf(
  deps: PayloadDeps,
  event: OutboxEvent,
  hooks: readonly Webhook[],
): Promise<Planned['rows']> {
  const subscribed = hooks.filter((hook) => hook.events.includes(event.topic))
  if (subscribed.length === 0) return []
  const { articleId, commentId } = event.subject
  let { slug, sectionSlug } = event.subject
  if (slug === undefined || sectionSlug === undefined) {
    // Comment events name only the story: its address is read now (a hidden story has none).
    const [story] = await deps.newsroom.summariesByIds([articleId])
    if (story === undefined) return []
    slug = story.slug
    sectionSlug = story.section.slug
  }
  const subject = {
    articleId,
    slug,
    sectionSlug,
    ...(commentId === undefined ? {} : { commentId }),
  }
  const payload = await webhookPayload(deps, event.topic, event.createdAt, subject)
  return subscribed.map((hook) => ({
    webhookId: hook.id,
    event: event.topic,
    storyId: articleId,
    payload,
  }))
}

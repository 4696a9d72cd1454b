/** SQL for webhooks and their delivery queue. */

import type { Db } from '../db/database.js'
import type { WebhookDeliveryStatus } from '../db/schema.js'
import { fromDbTime, fromNullableDbTime, toDbTime } from '../db/time-codec.js'
import type { Webhook, WebhookDelivery } from './types.js'

interface WebhookRow {
  id: number
  url: string
  events: string
  active: number
  created_at: Date | string
}

const WEBHOOK_COLUMNS = ['id', 'url', 'events', 'active', 'created_at'] as const

function webhookFromRow(row: WebhookRow): Webhook {
  return {
    id: row.id,
    url: row.url,
    events: row.events.split(',').filter((e) => e !== ''),
    active: Number(row.active) === 1,
    createdAt: fromDbTime(row.created_at),
  }
}

/** Stores a new webhook with its secret. */
export async function insertWebhook(
  db: Db,
  hook: { url: string; events: readonly string[]; secret: string },
  at: Date,
): Promise<Webhook> {
  const row = await db
    .insertInto('webhooks')
    .values({
      url: hook.url,
      events: hook.events.join(','),
      secret: hook.secret,
      active: 1,
      created_at: toDbTime(at),
    })
    .returning(WEBHOOK_COLUMNS)
    .executeTakeFirstOrThrow()
  return webhookFromRow(row)
}

/** Every webhook not removed, oldest first. */
export async function liveWebhooks(db: Db): Promise<Webhook[]> {
  const rows = await db
    .selectFrom('webhooks')
    .select(WEBHOOK_COLUMNS)
    .where('removed_at', 'is', null)
    .orderBy('id')
    .execute()
  return rows.map(webhookFromRow)
}

/** The active webhooks subscribed to `event`. */
export async function webhooksFor(db: Db, event: string): Promise<Webhook[]> {
  const hooks = await liveWebhooks(db)
  return hooks.filter((hook) => hook.active && hook.events.includes(event))
}

/**
 * Removes the webhook `id` and cancels its pending deliveries, so it gets nothing more; its log
 * stays. Returns it, or undefined when there is no live webhook with that id.
 */
export async function removeWebhook(db: Db, id: number, at: Date): Promise<Webhook | undefined> {
  return db.transaction().execute(async (tx) => {
    const row = await tx
      .updateTable('webhooks')
      .set({ removed_at: toDbTime(at), active: 0 })
      .where('id', '=', id)
      .where('removed_at', 'is', null)
      .returning(WEBHOOK_COLUMNS)
      .executeTakeFirst()
    if (row === undefined) return undefined
    await tx
      .updateTable('webhook_deliveries')
      .set({ status: 'cancelled', next_attempt_at: null, finished_at: toDbTime(at) })
      .where('webhook_id', '=', id)
      .where('status', '=', 'pending')
      .execute()
    return webhookFromRow(row)
  })
}

/** Queues one delivery per webhook, due at once. */
export async function insertDeliveries(
  db: Db,
  rows: readonly { webhookId: number; event: string; storyId: number | null; payload: string }[],
  at: Date,
): Promise<number[]> {
  if (rows.length === 0) return []
  const inserted = await db
    .insertInto('webhook_deliveries')
    .values(
      rows.map((r) => ({
        webhook_id: r.webhookId,
        event: r.event,
        story_id: r.storyId,
        payload: r.payload,
        status: 'pending' as const,
        attempts: 0,
        next_attempt_at: toDbTime(at),
        created_at: toDbTime(at),
      })),
    )
    .returning('id')
    .execute()
  return inserted.map((r) => r.id)
}

/** A delivery ready to send: its row and its webhook's address and secret. */
export interface DueDelivery {
  id: number
  event: string
  payload: string
  attempts: number
  url: string
  secret: string
}

/**
 * Pending deliveries due at `now`, oldest first, at most `limit`. A delivery waits while an
 * earlier one of the same story to the same webhook is still pending: that is the per-story order.
 */
export async function dueDeliveries(db: Db, now: Date, limit: number): Promise<DueDelivery[]> {
  return db
    .selectFrom('webhook_deliveries as d')
    .innerJoin('webhooks as w', 'w.id', 'd.webhook_id')
    .select(['d.id', 'd.event', 'd.payload', 'd.attempts', 'w.url', 'w.secret'])
    .where('d.status', '=', 'pending')
    .where('d.next_attempt_at', '<=', toDbTime(now))
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('webhook_deliveries as e')
            .select('e.id')
            .whereRef('e.webhook_id', '=', 'd.webhook_id')
            .whereRef('e.story_id', '=', 'd.story_id')
            .where('e.status', '=', 'pending')
            .whereRef('e.id', '<', 'd.id'),
        ),
      ),
    )
    .orderBy('d.id')
    .limit(limit)
    .execute()
}

/** What one attempt came to: the next state of the delivery and its log fields. */
export interface AttemptRecord {
  status: WebhookDeliveryStatus
  attempts: number
  nextAttemptAt: Date | null
  at: Date
  statusCode: number | null
  durationMs: number
  error: string | null
}

/** Writes an attempt's outcome; only a still-pending row changes (a removal may have won). */
export async function recordAttempt(db: Db, id: number, record: AttemptRecord): Promise<void> {
  await db
    .updateTable('webhook_deliveries')
    .set({
      status: record.status,
      attempts: record.attempts,
      next_attempt_at: record.nextAttemptAt === null ? null : toDbTime(record.nextAttemptAt),
      last_attempt_at: toDbTime(record.at),
      last_status_code: record.statusCode,
      last_duration_ms: record.durationMs,
      last_error: record.error === null ? null : record.error.slice(0, 500),
      finished_at: record.status === 'pending' ? null : toDbTime(record.at),
    })
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .execute()
}

/** The newest deliveries (of one webhook, or all), newest first. */
export async function recentDeliveries(
  db: Db,
  webhookId: number | undefined,
  limit: number,
): Promise<WebhookDelivery[]> {
  let query = db.selectFrom('webhook_deliveries').selectAll().orderBy('id', 'desc').limit(limit)
  if (webhookId !== undefined) query = query.where('webhook_id', '=', webhookId)
  const rows = await query.execute()
  return rows.map((row) => ({
    id: row.id,
    webhookId: row.webhook_id,
    event: row.event,
    storyId: row.story_id,
    status: row.status,
    attempts: row.attempts,
    nextAttemptAt: fromNullableDbTime(row.next_attempt_at),
    lastAttemptAt: fromNullableDbTime(row.last_attempt_at),
    lastStatusCode: row.last_status_code,
    lastDurationMs: row.last_duration_ms,
    lastError: row.last_error,
    createdAt: fromDbTime(row.created_at),
    finishedAt: fromNullableDbTime(row.finished_at),
  }))
}

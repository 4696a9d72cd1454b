/**
 * The event outbox: a change that others must hear of (webhooks) writes its event in its own
 * transaction, so the event exists exactly when the change does. Announcing on the bus after
 * the commit is fast but not durable: a crash between the two would lose the event.
 */

import type { Db } from './database.js'
import type { OutboxTopic } from './schema.js'
import { fromDbTime, toDbTime } from './time-codec.js'

/**
 * What an outbox event is about: a story (with its address parts as they were, since an
 * unpublished story is no longer readable), and for comment events the comment.
 */
export interface OutboxSubject {
  articleId: number
  slug?: string
  sectionSlug?: string
  commentId?: number
}

/** One recorded event, oldest first by id. */
export interface OutboxEvent {
  id: number
  topic: OutboxTopic
  subject: OutboxSubject
  createdAt: Date
}

/** Records `topic` about `subject`; pass the transaction that makes the change. */
export async function appendOutboxEvent(
  db: Db,
  topic: OutboxTopic,
  subject: OutboxSubject,
  at: Date,
): Promise<void> {
  await db
    .insertInto('event_outbox')
    .values({ topic, payload: JSON.stringify(subject), created_at: toDbTime(at) })
    .execute()
}

/** The oldest `limit` events not yet taken. */
export async function pendingOutboxEvents(db: Db, limit: number): Promise<OutboxEvent[]> {
  const rows = await db.selectFrom('event_outbox').selectAll().orderBy('id').limit(limit).execute()
  return rows.map((row) => ({
    id: row.id,
    topic: row.topic,
    subject: JSON.parse(row.payload) as OutboxSubject,
    createdAt: fromDbTime(row.created_at),
  }))
}

/**
 * Removes events `ids` and returns those this call removed: when two processes take the same
 * events at once, PostgreSQL's row locks let only one of them delete (and so handle) each.
 */
export async function takeOutboxEvents(db: Db, ids: readonly number[]): Promise<Set<number>> {
  if (ids.length === 0) return new Set()
  const rows = await db.deleteFrom('event_outbox').where('id', 'in', ids).returning('id').execute()
  return new Set(rows.map((row) => row.id))
}

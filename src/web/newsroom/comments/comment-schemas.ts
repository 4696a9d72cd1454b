/** Schemas of the moderation screens (TypeBox): the queue's query, the action forms, the lists. */

import { type Static, Type } from '@sinclair/typebox'
import { IntId, PageNumber } from '../../schema-parts.js'

const STRICT = { additionalProperties: false } as const

/** The queue's three filters, in the order the screen lists them. */
export const QUEUE_FILTERS = ['held', 'reported', 'spam'] as const

/** What a moderator can do to a queued comment (the last part of its form's address). */
export const QUEUE_ACTIONS = ['approve', 'reject', 'spam', 'ban'] as const
export type QueueAction = (typeof QUEUE_ACTIONS)[number]

const Filter = Type.Union(QUEUE_FILTERS.map((f) => Type.Literal(f)))
/** A page or a position as a form sends it (a string of digits). */
const Digits = Type.String({ pattern: '^[0-9]{1,6}$' })

/** `/newsroom/comments?filter=&page=&done=&comment=&at=`: done/comment say what was just done. */
export const QueueQuery = Type.Object(
  {
    filter: Type.Optional(Filter),
    page: Type.Optional(PageNumber()),
    done: Type.Optional(Type.Union(QUEUE_ACTIONS.map((a) => Type.Literal(a)))),
    comment: Type.Optional(IntId()),
    /** Where the comment acted on stood in the list: the script selects what now stands there. */
    at: Type.Optional(Type.Integer({ minimum: 0, maximum: 1000 })),
  },
  STRICT,
)
export type QueueQuery = Static<typeof QueueQuery>

export const QueueActionParams = Type.Object(
  { id: IntId(), action: Type.Union(QUEUE_ACTIONS.map((a) => Type.Literal(a))) },
  STRICT,
)
export type QueueActionParams = Static<typeof QueueActionParams>

/** Each action form carries the queue it came from, so the answer goes back to the same place. */
export const QueueActionForm = Type.Object(
  { filter: Type.Optional(Filter), page: Type.Optional(Digits), at: Type.Optional(Digits) },
  STRICT,
)
export type QueueActionForm = Static<typeof QueueActionForm>

/** `/newsroom/comments/words?done=&word=`. */
export const WordsQuery = Type.Object(
  {
    done: Type.Optional(
      Type.Union([Type.Literal('added'), Type.Literal('listed'), Type.Literal('removed')]),
    ),
    word: Type.Optional(Type.String({ maxLength: 200 })),
  },
  STRICT,
)
export type WordsQuery = Static<typeof WordsQuery>

/** A word or phrase to add or remove (the domain checks what it may be). */
export const WordForm = Type.Object({ word: Type.String({ maxLength: 400 }) }, STRICT)
export type WordForm = Static<typeof WordForm>

/** `/newsroom/comments/banned?page=&done=unbanned`. */
export const BannedQuery = Type.Object(
  { page: Type.Optional(PageNumber()), done: Type.Optional(Type.Literal('unbanned')) },
  STRICT,
)
export type BannedQuery = Static<typeof BannedQuery>

export const UnbanForm = Type.Object({ reader: Type.String({ pattern: '^[0-9a-f]{64}$' }) }, STRICT)
export type UnbanForm = Static<typeof UnbanForm>

/** `/newsroom/comments/log?before=`: entries older than that id (the next page). */
export const LogQuery = Type.Object({ before: Type.Optional(IntId()) }, STRICT)
export type LogQuery = Static<typeof LogQuery>

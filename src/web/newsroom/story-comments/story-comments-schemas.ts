/** Schemas of a story's comments screen: its address, its notices and the staff comment form. */

import { type Static, Type } from '@sinclair/typebox'
import { IntId, PageNumber } from '../../schema-parts.js'

const STRICT = { additionalProperties: false } as const

export const StoryCommentsParams = Type.Object({ id: IntId() }, STRICT)
export type StoryCommentsParams = Static<typeof StoryCommentsParams>

/** `?page=&posted=`: `posted` is the comment just published, for the notice and its link. */
export const StoryCommentsQuery = Type.Object(
  { page: Type.Optional(PageNumber()), posted: Type.Optional(IntId()) },
  STRICT,
)
export type StoryCommentsQuery = Static<typeof StoryCommentsQuery>

/**
 * A staff comment as the form sends it: the text and, for a reply, the comment it answers.
 * There is deliberately no name or badge field: both come from the session.
 */
export const StaffCommentForm = Type.Object(
  {
    body: Type.String({ maxLength: 20_000 }),
    parent: Type.Optional(Type.String({ pattern: '^[0-9]{0,10}$' })),
  },
  STRICT,
)
export type StaffCommentForm = Static<typeof StaffCommentForm>

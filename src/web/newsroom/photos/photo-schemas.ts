/** Schemas of the photo screens (TypeBox): the library's query, a photo's address and its text form. */

import { type Static, Type } from '@sinclair/typebox'
import { IntId, PageNumber } from '../../schema-parts.js'

const STRICT = { additionalProperties: false } as const

/** `/newsroom/photos?q=&page=&story=&uploaded=`: `story` is the story a photo is being chosen for. */
export const LibraryQuery = Type.Object(
  {
    q: Type.Optional(Type.String({ maxLength: 200 })),
    page: Type.Optional(PageNumber()),
    story: Type.Optional(IntId()),
    uploaded: Type.Optional(IntId()),
  },
  STRICT,
)
export type LibraryQuery = Static<typeof LibraryQuery>

export const PhotoIdParams = Type.Object({ id: IntId() }, STRICT)
export type PhotoIdParams = Static<typeof PhotoIdParams>

/** `?done=saved&story=` on a photo's page. */
export const PhotoQuery = Type.Object(
  { done: Type.Optional(Type.Literal('saved')), story: Type.Optional(IntId()) },
  STRICT,
)
export type PhotoQuery = Static<typeof PhotoQuery>

/** A photo's editorial texts as the form sends them; media checks the lengths. */
export const PhotoTextsForm = Type.Object(
  {
    alt: Type.String({ maxLength: 5000 }),
    caption: Type.String({ maxLength: 10_000 }),
    credit: Type.String({ maxLength: 1000 }),
    story: Type.Optional(Type.String({ pattern: '^[0-9]{0,9}$' })),
  },
  STRICT,
)
export type PhotoTextsForm = Static<typeof PhotoTextsForm>

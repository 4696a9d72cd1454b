/** Schemas of the reader routes (TypeBox) and the types derived from them: strict query strings. */

import { type Static, Type } from '@sinclair/typebox'
import { IntId, MAX_INT_ID, PageNumber } from '../schema-parts.js'
import { SEARCH_FIELDS } from '../search-request.js'
import { HELD_BECAUSE } from '../comment-held.js'

/**
 * Unknown properties answer 400: `additionalProperties: false` does so because server.ts sets
 * Ajv's `removeAdditional: false` (Fastify's default, `true`, would strip them silently).
 */
const STRICT = { additionalProperties: false } as const

/**
 * Tracking parameters that shared links carry are accepted and ignored. The page cache plugin
 * already drops them before validation; naming them here keeps links working without it.
 */
const QUERY = {
  ...STRICT,
  patternProperties: { '^(?:utm_[A-Za-z0-9_]{1,40}|fbclid|gclid)$': { type: 'string' } },
} as const

/** A query string with only tracking parameters (front page, comment posts, reports). */
export const PlainQuery = Type.Object({}, QUERY)

/** `?page=N` (section, author and tag pages). */
export const ListQuery = Type.Object({ page: Type.Optional(PageNumber()) }, QUERY)
export type ListQuery = Static<typeof ListQuery>

/** `/search?q=…&section=…&author=…&from=…&to=…&page=N`. */
export const SearchPageQuery = Type.Object(SEARCH_FIELDS, QUERY)

export const SlugParams = Type.Object({ slug: Type.String() })
export type SlugParams = Static<typeof SlugParams>

export const StoryParams = Type.Object({ section: Type.String(), slug: Type.String() })
export type StoryParams = Static<typeof StoryParams>

/** The article page's query: comment order, comment page, reply target, a notice after a redirect. */
export const ArticleQuery = Type.Object(
  {
    order: Type.Optional(Type.Union([Type.Literal('newest'), Type.Literal('oldest')])),
    cpage: Type.Optional(PageNumber()),
    reply: Type.Optional(IntId()),
    notice: Type.Optional(Type.Union([Type.Literal('held'), Type.Literal('reported')])),
    // With notice=held: why the comment waits, in words its author is told (never the word list).
    because: Type.Optional(Type.Union(HELD_BECAUSE.map((reason) => Type.Literal(reason)))),
  },
  QUERY,
)
export type ArticleQuery = Static<typeof ArticleQuery>

/**
 * The comment form as posted; lengths are the domain's to check, so the text can be kept.
 * `parent_id` is empty for a top-level comment, else an id in the column's range (a larger one
 * would reach PostgreSQL as an out-of-range integer).
 */
export const CommentForm = Type.Object(
  {
    name: Type.Optional(Type.String()),
    email: Type.Optional(Type.String()),
    body: Type.Optional(Type.String()),
    parent_id: Type.Optional(
      Type.Union([Type.Literal(''), Type.Integer({ minimum: 1, maximum: MAX_INT_ID })]),
    ),
    /** The signed "form served at" stamp (against bots that post at once). */
    stamp: Type.Optional(Type.String({ maxLength: 100 })),
    /** The honeypot: people never see it, so it stays empty; bots fill it. */
    website: Type.Optional(Type.String()),
  },
  STRICT,
)
export type CommentForm = Static<typeof CommentForm>

export const CommentParams = Type.Object({
  section: Type.String(),
  slug: Type.String(),
  id: IntId(),
})
export type CommentParams = Static<typeof CommentParams>

/** A report carries its URL and the page's stamp; no body (or no stamp) is refused as expired. */
export const ReportBody = Type.Unsafe<{ stamp?: string } | null>({
  type: ['object', 'null'],
  properties: { stamp: { type: 'string', maxLength: 100 } },
  ...STRICT,
})
export type ReportBody = Static<typeof ReportBody>

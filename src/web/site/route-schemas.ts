/** JSON schemas of the reader routes: strict query strings that still accept tracking parameters. */

/**
 * Rejects a property (unlike `additionalProperties: false`, which Fastify's default Ajv setting
 * `removeAdditional: true` would silently strip instead of answering 400).
 */
const REJECT = { not: {} } as const

/** Tracking parameters that shared links carry; accepted and ignored (the cache key drops them). */
const TRACKING = {
  properties: { fbclid: { type: 'string' }, gclid: { type: 'string' } },
  patternProperties: { '^utm_[A-Za-z0-9_]{1,40}$': { type: 'string' } },
} as const

/** The largest page number we read; beyond it no list could reach (and it stays a safe integer). */
export const MAX_PAGE = 100_000

/** A query string with only tracking parameters (front and article pages). */
export const plainQuerySchema = {
  type: 'object',
  properties: { ...TRACKING.properties },
  patternProperties: TRACKING.patternProperties,
  additionalProperties: REJECT,
} as const

/** `?page=N` plus tracking parameters (section, author and tag pages). */
export const listQuerySchema = {
  type: 'object',
  properties: {
    page: { type: 'integer', minimum: 1, maximum: MAX_PAGE },
    ...TRACKING.properties,
  },
  patternProperties: TRACKING.patternProperties,
  additionalProperties: REJECT,
} as const

export interface ListQuery {
  page?: number
}

export const slugParamsSchema = {
  type: 'object',
  properties: { slug: { type: 'string' } },
  required: ['slug'],
} as const

export const storyParamsSchema = {
  type: 'object',
  properties: { section: { type: 'string' }, slug: { type: 'string' } },
  required: ['section', 'slug'],
} as const

/** The comment form as posted; lengths are the domain's to check, so the text can be kept. */
export interface CommentForm {
  name?: string
  email?: string
  body?: string
  parent_id?: string
  /** The signed "form served at" stamp (against bots that post at once). */
  stamp?: string
  /** The honeypot: people never see it, so it stays empty; bots fill it. */
  website?: string
}

export const commentBodySchema = {
  type: 'object',
  properties: {
    name: { type: 'string' },
    email: { type: 'string' },
    body: { type: 'string' },
    parent_id: { type: 'string', pattern: '^[0-9]{0,12}$' },
    stamp: { type: 'string', maxLength: 100 },
    website: { type: 'string' },
  },
  additionalProperties: REJECT,
} as const

/** The article page's query: comment order, comment page, reply target, a notice after a redirect. */
export const articleQuerySchema = {
  type: 'object',
  properties: {
    order: { type: 'string', enum: ['newest', 'oldest'] },
    cpage: { type: 'integer', minimum: 1, maximum: MAX_PAGE },
    reply: { type: 'integer', minimum: 1, maximum: 2_147_483_647 },
    notice: { type: 'string', enum: ['held', 'reported'] },
    ...TRACKING.properties,
  },
  patternProperties: TRACKING.patternProperties,
  additionalProperties: REJECT,
} as const

export interface ArticleQuery {
  order?: 'newest' | 'oldest'
  cpage?: number
  reply?: number
  notice?: 'held' | 'reported'
}

export const commentParamsSchema = {
  type: 'object',
  properties: {
    section: { type: 'string' },
    slug: { type: 'string' },
    id: { type: 'integer', minimum: 1, maximum: 2_147_483_647 },
  },
  required: ['section', 'slug', 'id'],
} as const

/** A report carries nothing but its URL; an empty form (or no body) is all it accepts. */
export const reportBodySchema = {
  type: ['object', 'null'],
  additionalProperties: REJECT,
} as const

/** Schemas of the front page screen (TypeBox): its notices and the forms that change the front. */

import { type Static, Type } from '@sinclair/typebox'
import { IntId } from '../../schema-parts.js'

const STRICT = { additionalProperties: false } as const

/** `YYYY-MM-DDTHH:MM` (seconds optional) in UTC from a datetime-local field, or blank. */
const UtcMinute = () =>
  Type.String({ pattern: '^([0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}(:[0-9]{2})?)?$' })

/** What the page says after a change (post/redirect/get). */
export const FRONT_NOTICES = {
  added: 'Added to the top stories.',
  removed: 'Removed from the top stories.',
  moved: 'Top stories reordered.',
  slot: 'Must-Read saved.',
  cleared: 'Must-Read slot emptied.',
  banner: 'Banner is up.',
  'taken-down': 'Banner taken down.',
} as const

export type FrontNotice = keyof typeof FRONT_NOTICES

/** `/newsroom/front?done=…`. */
export const FrontQuery = Type.Object(
  {
    done: Type.Optional(
      Type.Union(Object.keys(FRONT_NOTICES).map((key) => Type.Literal(key as FrontNotice))),
    ),
  },
  STRICT,
)
export type FrontQuery = Static<typeof FrontQuery>

/** A story id typed or chosen in a form (a string of digits; checked again as an IntId). */
export const AddTopForm = Type.Object(
  { articleId: Type.String({ pattern: '^[0-9]{1,10}$' }) },
  STRICT,
)
export type AddTopForm = Static<typeof AddTopForm>

export const StoryIdParams = Type.Object({ id: IntId() }, STRICT)
export type StoryIdParams = Static<typeof StoryIdParams>

/** Move up or down (the buttons' value). */
export const MoveForm = Type.Object(
  { direction: Type.Union([Type.Literal('up'), Type.Literal('down')]) },
  STRICT,
)
export type MoveForm = Static<typeof MoveForm>

/** A whole new order from drag and drop: the story ids, comma-separated. */
export const OrderForm = Type.Object(
  { order: Type.String({ pattern: '^[0-9]{1,10}(,[0-9]{1,10}){0,49}$' }) },
  STRICT,
)
export type OrderForm = Static<typeof OrderForm>

/** A Must-Read slot's number in the address (1…5; the service checks the upper bound). */
export const SlotParams = Type.Object({ slot: Type.Integer({ minimum: 1, maximum: 99 }) }, STRICT)
export type SlotParams = Static<typeof SlotParams>

/** A Must-Read slot's form: the story and an optional expiry. */
export const MustReadForm = Type.Object(
  { articleId: Type.String({ pattern: '^[0-9]{1,10}$' }), expiresAt: Type.Optional(UtcMinute()) },
  STRICT,
)
export type MustReadForm = Static<typeof MustReadForm>

/** The banner's form; the service checks the text and link. */
export const BannerForm = Type.Object(
  {
    text: Type.String({ maxLength: 2000 }),
    link: Type.Optional(Type.String({ maxLength: 2000 })),
    expiresAt: Type.String({
      pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}(:[0-9]{2})?$',
    }),
  },
  STRICT,
)
export type BannerForm = Static<typeof BannerForm>

/** A typed UTC minute as a Date (blank: null); an impossible date is an Invalid Date the service refuses. */
export function utcMinute(value: string | undefined): Date | null {
  if (value === undefined || value === '') return null
  return new Date(`${value}Z`)
}

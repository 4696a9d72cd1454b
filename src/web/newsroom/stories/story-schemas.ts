/** Schemas of the story screens (TypeBox): the list's query, the editor's form and the autosave body. */

import { type Static, Type } from '@sinclair/typebox'
import { IntId, PageNumber } from '../../schema-parts.js'

const STRICT = { additionalProperties: false } as const
/** The most byline pickers a form may send. */
export const MAX_BYLINES = 8
/** A number typed into a form field (or left empty). */
const Digits = (): ReturnType<typeof Type.String> => Type.String({ pattern: '^[0-9]{0,9}$' })

export const StoryIdParams = Type.Object({ id: IntId() }, STRICT)
export type StoryIdParams = Static<typeof StoryIdParams>

export const RevisionParams = Type.Object({ id: IntId(), version: IntId() }, STRICT)
export type RevisionParams = Static<typeof RevisionParams>

export const STATUS_FILTERS = [
  'draft',
  'in_review',
  'scheduled',
  'published',
  'unpublished',
] as const

/** `/newsroom/stories?status=&section=&author=&q=&page=` (empty values mean "any"). */
export const StoryListQuery = Type.Object(
  {
    status: Type.Optional(
      Type.Union([Type.Literal(''), ...STATUS_FILTERS.map((s) => Type.Literal(s))]),
    ),
    section: Type.Optional(Digits()),
    author: Type.Optional(Digits()),
    q: Type.Optional(Type.String({ maxLength: 200 })),
    page: Type.Optional(PageNumber()),
  },
  STRICT,
)
export type StoryListQuery = Static<typeof StoryListQuery>

/** `?from=&to=` on the revisions page. */
export const RevisionsQuery = Type.Object(
  { from: Type.Optional(IntId()), to: Type.Optional(IntId()) },
  STRICT,
)
export type RevisionsQuery = Static<typeof RevisionsQuery>

export const EDITOR_ACTIONS = [
  'save',
  'preview',
  'submit',
  'schedule',
  'publish',
  'unpublish',
  'draft',
] as const
export type EditorAction = (typeof EDITOR_ACTIONS)[number]

/** The editor's form: every field a string, as browsers send them; the service validates the rest. */
export const StoryForm = Type.Object(
  {
    headline: Type.String({ maxLength: 1000 }),
    dek: Type.Optional(Type.String({ maxLength: 5000 })),
    bodyMarkdown: Type.Optional(Type.String({ maxLength: 1_000_000 })),
    sectionId: Type.Optional(Digits()),
    // One picker per byline position (author1 first); distinct names keep their order explicit.
    ...Object.fromEntries(
      Array.from({ length: MAX_BYLINES }, (_, i) => [`author${i + 1}`, Type.Optional(Digits())]),
    ),
    tags: Type.Optional(Type.String({ maxLength: 2000 })),
    leadPhotoId: Type.Optional(Digits()),
    slug: Type.Optional(Type.String({ maxLength: 200 })),
    seoTitle: Type.Optional(Type.String({ maxLength: 1000 })),
    seoDescription: Type.Optional(Type.String({ maxLength: 5000 })),
    commentsMode: Type.Optional(
      Type.Union([
        Type.Literal(''),
        Type.Literal('open'),
        Type.Literal('premoderated'),
        Type.Literal('closed'),
      ]),
    ),
    /** `YYYY-MM-DDTHH:MM` in UTC, from a datetime-local field; used by "Schedule". */
    label: Type.Optional(Type.String({ maxLength: 40 })),
    publishAt: Type.Optional(
      Type.String({ pattern: '^([0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}(:[0-9]{2})?)?$' }),
    ),
    baseVersion: Type.Optional(Digits()),
    action: Type.Optional(Type.Union(EDITOR_ACTIONS.map((a) => Type.Literal(a)))),
  },
  STRICT,
)
export type StoryForm = Static<typeof StoryForm>

/** What the autosave script sends: the words and the version they were based on. */
export const AutosaveBody = Type.Object(
  {
    baseVersion: IntId(),
    headline: Type.String({ maxLength: 1000 }),
    dek: Type.String({ maxLength: 5000 }),
    bodyMarkdown: Type.String({ maxLength: 1_000_000 }),
  },
  STRICT,
)
export type AutosaveBody = Static<typeof AutosaveBody>

/** The restore form: the version the editor was looking at when choosing to restore. */
export const RestoreForm = Type.Object({ baseVersion: Digits() }, STRICT)
export type RestoreForm = Static<typeof RestoreForm>

/** `?done=` after a redirect: which notice the editor shows. */
export const EditorQuery = Type.Object(
  {
    done: Type.Optional(
      Type.Union(
        [
          'created',
          'saved',
          'submitted',
          'scheduled',
          'published',
          'unpublished',
          'draft',
          'restored',
        ].map((d) => Type.Literal(d as 'saved')),
      ),
    ),
    /** A photo chosen in the library as the lead photo (filled in, saved by the next save). */
    leadPhoto: Type.Optional(IntId()),
    /** A photo from the library to add at the end of the body (saved by the next save). */
    insertPhoto: Type.Optional(IntId()),
  },
  STRICT,
)
export type EditorQuery = {
  done?:
    | 'created'
    | 'saved'
    | 'submitted'
    | 'scheduled'
    | 'published'
    | 'unpublished'
    | 'draft'
    | 'restored'
  leadPhoto?: number
  insertPhoto?: number
}

/** Test fixtures built through the services themselves: a newsroom, photos, sections, authors, stories. */

import type { Db } from '../../src/db/database.js'
import { toDbTime } from '../../src/db/time-codec.js'
import type { Bus, BusEventName, BusEvents } from '../../src/infra/bus/bus.js'
import { createInProcessBus } from '../../src/infra/bus/in-process.js'
import { createFixedClock } from '../../src/lib/clock.js'
import type { Photo } from '../../src/media/types.js'
import {
  type Article,
  type Author,
  createNewsroom,
  type NewArticle,
  type Newsroom,
  type PhotoLookup,
  type Section,
} from '../../src/newsroom/index.js'

/** The instant tests run at. */
export const NOW = new Date('2026-11-20T12:00:00.000Z')

export interface RecordedEvent {
  event: BusEventName
  payload: BusEvents[BusEventName]
}

/** An in-process bus that also remembers every event published on it. */
export function recordingBus(): Bus & { events: RecordedEvent[] } {
  const bus = createInProcessBus({
    onHandlerError: (_event, error) => {
      throw error
    },
  })
  const events: RecordedEvent[] = []
  return {
    events,
    publish: async (event, payload) => {
      events.push({ event, payload })
      await bus.publish(event, payload)
    },
    subscribe: (event, handler, options) => bus.subscribe(event, handler, options),
    onGap: (listener) => bus.onGap(listener),
    close: () => bus.close(),
  }
}

/** Looks photos up in the photos table (what media.getPhotos does). */
export function photoLookup(db: Db): PhotoLookup {
  return async (ids) => {
    if (ids.length === 0) return new Map()
    const rows = await db
      .selectFrom('photos')
      .selectAll()
      .where('id', 'in', [...ids])
      .execute()
    return new Map<number, Photo>(
      rows.map((r) => [
        r.id,
        {
          id: r.id,
          storageKey: r.storage_key,
          mimeType: r.mime_type,
          width: r.width,
          height: r.height,
          alt: r.alt,
          caption: r.caption,
          credit: r.credit,
        },
      ]),
    )
  }
}

let counter = 0
/** A name unique within this test process (suites share one database per dialect). */
export function unique(prefix: string): string {
  counter += 1
  return `${prefix} ${counter}`
}

/** A slug unique within this test process. */
export function uniqueSlug(prefix: string): string {
  return unique(prefix)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
}

/** Records a photo row, as media would after encoding its variants. */
export async function insertPhoto(
  db: Db,
  fields: { caption?: string; credit?: string; alt?: string; width?: number; height?: number } = {},
): Promise<number> {
  const { id } = await db
    .insertInto('photos')
    .values({
      storage_key: `2026/11/${uniqueSlug('photo')}`,
      mime_type: 'image/jpeg',
      width: fields.width ?? 1600,
      height: fields.height ?? 1000,
      alt: fields.alt ?? 'Fishing boats in the harbour',
      caption: fields.caption ?? 'Boats return at dawn.',
      credit: fields.credit ?? 'Harbour Photo Agency',
      created_at: toDbTime(NOW),
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return id
}

export interface NewsroomFixture {
  newsroom: Newsroom
  clock: ReturnType<typeof createFixedClock>
  bus: ReturnType<typeof recordingBus>
  section: Section
  author: Author
  /** Creates a published story (one hour before NOW unless told) in the fixture's section. */
  story(overrides?: Partial<NewArticle>): Promise<Article>
}

/** A newsroom on `db` with a fresh section and author. */
export async function newsroomFixture(db: Db): Promise<NewsroomFixture> {
  const clock = createFixedClock(NOW)
  const bus = recordingBus()
  const newsroom = createNewsroom({ db, clock, bus, photos: photoLookup(db) })
  const section = await newsroom.createSection({ name: unique('Section') })
  const author = await newsroom.createAuthor({
    name: unique('Reporter'),
    email: 'desk@example.org',
  })
  const story = (overrides: Partial<NewArticle> = {}): Promise<Article> =>
    newsroom.createArticle({
      headline: unique('Harbour story'),
      bodyMarkdown: 'The tide came in.',
      sectionId: section.id,
      authorIds: [author.id],
      status: 'published',
      publishedAt: new Date(NOW.getTime() - 3_600_000),
      ...overrides,
    })
  return { newsroom, clock, bus, section, author, story }
}

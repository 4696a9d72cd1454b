/**
 * The dashboard's section and author rollups (views per section and per author per hour): added
 * to with every bucket write, and moved with a story whose section or byline changes, each in the
 * writer's transaction, so they always equal the buckets summed over the stories' current
 * sections and bylines (decision 0029).
 */

import type { Db } from '../db/database.js'
import { fromDbTime, toDbTime } from '../db/time-codec.js'

/** Views of one story in one hour (what addToBuckets writes). */
export interface StoryHourViews {
  articleId: number
  hour: Date
  views: number
}

/** Where a story's views are counted: its section and the authors of its byline. */
export interface StoryPlacement {
  sectionId: number
  authorIds: readonly number[]
}

/** Rows per statement, as for the buckets. */
const CHUNK = 500

/** Views to add per hour (epoch ms) per section or author id. */
type HourTotals = Map<number, Map<number, number>>

function addTo(totals: HourTotals, hour: number, id: number, views: number): void {
  let perId = totals.get(hour)
  if (perId === undefined) {
    perId = new Map()
    totals.set(hour, perId)
  }
  perId.set(id, (perId.get(id) ?? 0) + views)
}

/** The totals as rows sorted by (hour, id), the primary key's order: every writer locks in it. */
function sortedRows(totals: HourTotals): { hour: number; id: number; views: number }[] {
  const rows: { hour: number; id: number; views: number }[] = []
  for (const [hour, perId] of totals)
    for (const [id, views] of perId) if (views !== 0) rows.push({ hour, id, views })
  return rows.sort((a, b) => a.hour - b.hour || a.id - b.id)
}

/** Upserts (adds) the section totals. */
async function addSectionTotals(db: Db, totals: HourTotals): Promise<void> {
  const rows = sortedRows(totals)
  for (let at = 0; at < rows.length; at += CHUNK) {
    await db
      .insertInto('section_views_hourly')
      .values(
        rows.slice(at, at + CHUNK).map((r) => ({
          hour: toDbTime(new Date(r.hour)),
          section_id: r.id,
          views: r.views,
        })),
      )
      .onConflict((oc) =>
        oc.columns(['hour', 'section_id']).doUpdateSet((eb) => ({
          views: eb('section_views_hourly.views', '+', eb.ref('excluded.views')),
        })),
      )
      .execute()
  }
}

/** Upserts (adds) the author totals. */
async function addAuthorTotals(db: Db, totals: HourTotals): Promise<void> {
  const rows = sortedRows(totals)
  for (let at = 0; at < rows.length; at += CHUNK) {
    await db
      .insertInto('author_views_hourly')
      .values(
        rows.slice(at, at + CHUNK).map((r) => ({
          hour: toDbTime(new Date(r.hour)),
          author_id: r.id,
          views: r.views,
        })),
      )
      .onConflict((oc) =>
        oc.columns(['hour', 'author_id']).doUpdateSet((eb) => ({
          views: eb('author_views_hourly.views', '+', eb.ref('excluded.views')),
        })),
      )
      .execute()
  }
}

/**
 * The current placement of each story in `ids`. With `lockStories` (PostgreSQL) the story rows
 * are share-locked, in id order, until the transaction ends: a save that moves one of them
 * waits for this flush to commit (and then moves its views too), or this flush waits for the
 * save and reads the new placement. Either way no view is left in the old place.
 */
async function placements(
  db: Db,
  ids: readonly number[],
  lockStories: boolean,
): Promise<Map<number, { sectionId: number; authorIds: number[] }>> {
  const out = new Map<number, { sectionId: number; authorIds: number[] }>()
  const sorted = [...ids].sort((a, b) => a - b)
  for (let at = 0; at < sorted.length; at += CHUNK) {
    const chunk = sorted.slice(at, at + CHUNK)
    let stories = db
      .selectFrom('articles')
      .select(['id', 'section_id'])
      .where('id', 'in', chunk)
      .orderBy('id')
    if (lockStories) stories = stories.forShare()
    for (const row of await stories.execute())
      out.set(row.id, { sectionId: row.section_id, authorIds: [] })
    const bylines = await db
      .selectFrom('article_authors')
      .select(['article_id', 'author_id'])
      .where('article_id', 'in', chunk)
      .execute()
    for (const row of bylines) out.get(row.article_id)?.authorIds.push(row.author_id)
  }
  return out
}

/**
 * Adds the rows' views to their stories' current sections and authors. Called by addToBuckets
 * in its transaction, after the buckets (so a deleted story has failed on its foreign key by
 * then). `lockStories` must be true on PostgreSQL (see placements above).
 */
export async function addToPlacementTotals(
  db: Db,
  rows: readonly StoryHourViews[],
  lockStories: boolean,
): Promise<void> {
  if (rows.length === 0) return
  const placed = await placements(db, [...new Set(rows.map((r) => r.articleId))], lockStories)
  const sections: HourTotals = new Map()
  const authors: HourTotals = new Map()
  for (const r of rows) {
    const place = placed.get(r.articleId)
    if (place === undefined) continue
    const hour = r.hour.getTime()
    addTo(sections, hour, place.sectionId, r.views)
    for (const authorId of place.authorIds) addTo(authors, hour, authorId, r.views)
  }
  await addSectionTotals(db, sections)
  await addAuthorTotals(db, authors)
}

/**
 * Moves story `articleId`'s views (all its buckets) from its placement `before` to `after`: the
 * section's if it changed, and the authors' who left or joined the byline. Called by the
 * newsroom in the transaction that changes the story, after its row is locked (its version
 * bumped), so no flush can add to the old placement meanwhile.
 * @example await moveStoryViews(trx, 42, { sectionId: 1, authorIds: [3] }, { sectionId: 2, authorIds: [3, 4] })
 */
export async function moveStoryViews(
  db: Db,
  articleId: number,
  before: StoryPlacement,
  after: StoryPlacement,
): Promise<void> {
  const sectionMoves: [number, number][] =
    before.sectionId === after.sectionId
      ? []
      : [
          [before.sectionId, -1],
          [after.sectionId, 1],
        ]
  const was = new Set(before.authorIds)
  const is = new Set(after.authorIds)
  const authorMoves: [number, number][] = [
    ...[...was].filter((id) => !is.has(id)).map((id): [number, number] => [id, -1]),
    ...[...is].filter((id) => !was.has(id)).map((id): [number, number] => [id, 1]),
  ]
  if (sectionMoves.length === 0 && authorMoves.length === 0) return
  const buckets = await db
    .selectFrom('article_views_hourly')
    .select(['hour', 'views'])
    .where('article_id', '=', articleId)
    .execute()
  const sections: HourTotals = new Map()
  const authors: HourTotals = new Map()
  for (const b of buckets) {
    const hour = fromDbTime(b.hour).getTime()
    for (const [id, sign] of sectionMoves) addTo(sections, hour, id, sign * b.views)
    for (const [id, sign] of authorMoves) addTo(authors, hour, id, sign * b.views)
  }
  await addSectionTotals(db, sections)
  await addAuthorTotals(db, authors)
}

/** The breaking-news banner in SQL: the one shown now, putting one up, taking it down, expiries. */

import type { Db } from '../db/database.js'
import { fromDbTime, toDbTime } from '../db/time-codec.js'

/** A banner as readers see it. */
export interface BreakingBanner {
  id: number
  text: string
  /** Root-relative path or http(s) URL; null: the banner is text only. */
  link: string | null
  expiresAt: Date
  createdAt: Date
}

/** The newest banner neither taken down nor expired at `now`. */
export async function liveBanner(db: Db, now: Date): Promise<BreakingBanner | undefined> {
  const row = await db
    .selectFrom('breaking_banners')
    .select(['id', 'text', 'link', 'expires_at', 'created_at'])
    .where('taken_down_at', 'is', null)
    .where('expires_at', '>', toDbTime(now))
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst()
  return (
    row && {
      id: row.id,
      text: row.text,
      link: row.link,
      expiresAt: fromDbTime(row.expires_at),
      createdAt: fromDbTime(row.created_at),
    }
  )
}

/**
 * Puts up a banner, taking down any still up (call inside a transaction): one banner at a time,
 * so the log says exactly which text readers saw when.
 */
export async function insertBanner(
  db: Db,
  banner: { text: string; link: string | null; expiresAt: Date; userId: number },
  now: Date,
): Promise<number> {
  await takeDownBanners(db, banner.userId, now)
  const row = await db
    .insertInto('breaking_banners')
    .values({
      text: banner.text,
      link: banner.link,
      expires_at: toDbTime(banner.expiresAt),
      created_by: banner.userId,
      created_at: toDbTime(now),
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

/** Takes down every banner still up at `now`; returns how many were. */
export async function takeDownBanners(db: Db, userId: number, now: Date): Promise<number> {
  const result = await db
    .updateTable('breaking_banners')
    .set({ taken_down_at: toDbTime(now), taken_down_by: userId })
    .where('taken_down_at', 'is', null)
    .where('expires_at', '>', toDbTime(now))
    .executeTakeFirst()
  return Number(result.numUpdatedRows)
}

/**
 * Marks the banners that expired by `now` and were not yet announced; returns their ids. The
 * conditional update makes each expiry announced once even when two processes run the job.
 */
export async function claimExpiredBanners(db: Db, now: Date): Promise<number[]> {
  const due = await db
    .selectFrom('breaking_banners')
    .select('id')
    .where('expiry_announced_at', 'is', null)
    .where('taken_down_at', 'is', null)
    .where('expires_at', '<=', toDbTime(now))
    .execute()
  const claimed: number[] = []
  for (const { id } of due) {
    const result = await db
      .updateTable('breaking_banners')
      .set({ expiry_announced_at: toDbTime(now) })
      .where('id', '=', id)
      .where('expiry_announced_at', 'is', null)
      .executeTakeFirst()
    if (Number(result.numUpdatedRows) > 0) claimed.push(id)
  }
  return claimed
}

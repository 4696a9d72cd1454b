/**
 * The front desk: editors order the top stories, fill the Must-Read slots and put up the
 * breaking-news banner. Every change is one transaction with its line in the change log, then
 * one bus event, which purges the cached pages that show it (web/plugins/page-cache-invalidation).
 */

import { type Actor, requirePermission } from '../accounts/index.js'
import type { Db } from '../db/database.js'
import type { PickList } from '../db/schema.js'
import type { Bus } from '../infra/bus/bus.js'
import type { Clock } from '../lib/clock.js'
import {
  type BreakingBanner,
  claimExpiredBanners,
  insertBanner,
  liveBanner,
  takeDownBanners,
} from './banner-queries.js'
import {
  frontOrderMismatch,
  frontStoryAlreadyListed,
  frontStoryNotListed,
  frontStoryUnknown,
  frontTopStoriesFull,
} from './front-errors.js'
import {
  deletePicks,
  expiredPicks,
  type FrontChange,
  logFrontChange,
  type PickedStoryRow,
  type PickInput,
  picksOf,
  recentFrontChanges,
  storyForPick,
  writePicks,
} from './front-queries.js'
import {
  BANNER_MAX_MS,
  bannerLink,
  bannerText,
  checkExpiry,
  isReordering,
  moveOne,
  MUST_READ_SLOTS,
  PICK_EXPIRY_MAX_MS,
  slotPosition,
  TOP_STORIES_MAX,
  TOP_STORIES_SHOWN,
} from './front-rules.js'

export type { BreakingBanner, FrontChange, PickedStoryRow }

/** What the curation screen shows. */
export interface FrontBoard {
  /** The top stories in order; the first `shown` lead the front page. */
  topStories: PickedStoryRow[]
  shown: number
  max: number
  /** Slot 1…5 in order; null for an empty slot. */
  mustReads: (PickedStoryRow | null)[]
  /** The banner up now, if any. */
  banner: BreakingBanner | undefined
  /** The newest changes, newest first. */
  changes: FrontChange[]
}

/** A banner as an editor puts it up. */
export interface BannerInput {
  text: string
  /** A path on the site or an http(s) address; blank for none. */
  link: string
  expiresAt: Date
}

export interface FrontDesk {
  /** The whole curation state, for the screen. */
  board(actor: Actor): Promise<FrontBoard>
  /** Adds a story at the end of the top stories. */
  addTopStory(actor: Actor, articleId: number): Promise<void>
  /** Removes a story from the top stories. */
  removeTopStory(actor: Actor, articleId: number): Promise<void>
  /** Moves a top story one place up or down (the no-JS buttons). */
  moveTopStory(actor: Actor, articleId: number, direction: 'up' | 'down'): Promise<void>
  /** Puts the top stories in `order`, which must hold exactly the current ones (drag and drop). */
  reorderTopStories(actor: Actor, order: readonly number[]): Promise<void>
  /** Fills Must-Read `slot` (1-based) with a story until `expiresAt` (null: until changed). */
  setMustRead(actor: Actor, slot: number, articleId: number, expiresAt: Date | null): Promise<void>
  /** Empties Must-Read `slot`. */
  clearMustRead(actor: Actor, slot: number): Promise<void>
  /** Puts up the breaking-news banner (replacing any up now). */
  setBanner(actor: Actor, input: BannerInput): Promise<BreakingBanner>
  /** Takes the banner down; false when none was up. */
  takeDownBanner(actor: Actor): Promise<boolean>
  /**
   * The banner readers see now (the clock decides expiry, not a job), with how long it has left
   * by that same clock: a page showing it must not be cached for longer.
   */
  currentBanner(): Promise<(BreakingBanner & { msLeft: number }) | undefined>
  /** Clears expired Must-Reads and announces expired banners (the expiry job); returns how many. */
  expireDue(): Promise<number>
}

/** The longest a process shows a banner it kept without reading it again. */
const BANNER_TTL_MS = 30_000
/** How many change-log lines the screen shows. */
const CHANGES_SHOWN = 20
/** The log's "who" for changes the system makes when something expires. */
const SYSTEM = { userId: null, userName: 'Expiry (automatic)' }

/**
 * Creates the front desk.
 * @example const front = createFrontDesk({ db, clock, bus }); await front.moveTopStory(actor, 42, 'up')
 */
export function createFrontDesk({ db, clock, bus }: { db: Db; clock: Clock; bus: Bus }): FrontDesk {
  const curate = (actor: Actor) => requirePermission(actor, 'front.curate')

  // Every cache miss of every reader page asks for the banner: it is kept in memory, dropped on
  // banner.changed (from any process on a shared bus) and re-read at most every BANNER_TTL_MS in
  // case an event was missed, or as soon as the one kept has expired.
  let bannerCache: { value: Promise<BreakingBanner | undefined>; until: number } | undefined
  bus.subscribe('banner.changed', () => {
    bannerCache = undefined
  })
  const readBanner = (now: Date): Promise<BreakingBanner | undefined> => {
    if (bannerCache === undefined || bannerCache.until <= now.getTime()) {
      const value = liveBanner(db, now)
      bannerCache = { value, until: now.getTime() + BANNER_TTL_MS }
      // A failed read is not kept: the next page asks again.
      value.catch(() => {
        bannerCache = undefined
      })
    }
    return bannerCache.value
  }
  const who = (actor: Actor) => ({ userId: actor.userId, userName: actor.name })

  const story = async (articleId: number) => {
    const found = Number.isSafeInteger(articleId) ? await storyForPick(db, articleId) : undefined
    if (found === undefined) throw frontStoryUnknown(articleId)
    return found
  }

  /** Rewrites `list` from `current` through `change`, logs it, then announces it. */
  const rewrite = async (
    actor: Actor,
    list: PickList,
    change: (
      current: PickedStoryRow[],
    ) => { picks: readonly PickInput[]; action: string; detail: string } | undefined,
  ): Promise<void> => {
    const now = clock.now()
    const changed = await db.transaction().execute(async (trx) => {
      const next = change(await picksOf(trx, list))
      if (next === undefined) return false
      await writePicks(trx, list, next.picks, now)
      await logFrontChange(trx, {
        ...who(actor),
        action: next.action,
        detail: next.detail,
        at: now,
      })
      return true
    })
    if (changed) await bus.publish('picks.changed', { list })
  }

  const topIds = (rows: readonly PickedStoryRow[]) => rows.map((r) => r.articleId)
  const inOrder = (ids: readonly number[], rows: readonly PickedStoryRow[]) =>
    ids.map((articleId, position) => ({
      articleId,
      position,
      expiresAt: rows.find((r) => r.articleId === articleId)?.expiresAt ?? null,
    }))

  return {
    board: async (actor) => {
      curate(actor)
      const [topStories, mustReads, banner, changes] = await Promise.all([
        picksOf(db, 'top-stories'),
        picksOf(db, 'must-reads'),
        liveBanner(db, clock.now()),
        recentFrontChanges(db, CHANGES_SHOWN),
      ])
      const slots = Array.from(
        { length: MUST_READ_SLOTS },
        (_, i) => mustReads.find((p) => p.position === i) ?? null,
      )
      return {
        topStories,
        shown: TOP_STORIES_SHOWN,
        max: TOP_STORIES_MAX,
        mustReads: slots,
        banner,
        changes,
      }
    },

    addTopStory: async (actor, articleId) => {
      curate(actor)
      const { headline } = await story(articleId)
      await rewrite(actor, 'top-stories', (rows) => {
        if (rows.some((r) => r.articleId === articleId)) throw frontStoryAlreadyListed(articleId)
        if (rows.length >= TOP_STORIES_MAX) throw frontTopStoriesFull(TOP_STORIES_MAX)
        return {
          picks: inOrder([...topIds(rows), articleId], rows),
          action: 'top.add',
          detail: `Added “${headline}” at ${rows.length + 1}`,
        }
      })
    },

    removeTopStory: async (actor, articleId) => {
      curate(actor)
      await rewrite(actor, 'top-stories', (rows) => {
        const gone = rows.find((r) => r.articleId === articleId)
        if (gone === undefined) throw frontStoryNotListed(articleId)
        return {
          picks: inOrder(
            topIds(rows).filter((id) => id !== articleId),
            rows,
          ),
          action: 'top.remove',
          detail: `Removed “${gone.headline}”`,
        }
      })
    },

    moveTopStory: async (actor, articleId, direction) => {
      curate(actor)
      await rewrite(actor, 'top-stories', (rows) => {
        const ids = topIds(rows)
        const next = moveOne(ids, articleId, direction)
        // At the top (or bottom) already: nothing changes, nothing is logged or purged.
        if (next.every((id, i) => id === ids[i])) return undefined
        const moved = rows.find((r) => r.articleId === articleId)!
        return {
          picks: inOrder(next, rows),
          action: 'top.move',
          detail: `Moved “${moved.headline}” ${direction} to ${next.indexOf(articleId) + 1}`,
        }
      })
    },

    reorderTopStories: async (actor, order) => {
      curate(actor)
      await rewrite(actor, 'top-stories', (rows) => {
        const ids = topIds(rows)
        if (!isReordering(ids, order)) throw frontOrderMismatch()
        if (order.every((id, i) => id === ids[i])) return undefined
        return {
          picks: inOrder(order, rows),
          action: 'top.reorder',
          detail: `New order: ${order.map((id) => rows.find((r) => r.articleId === id)!.headline).join(' · ')}`,
        }
      })
    },

    setMustRead: async (actor, slot, articleId, expiresAt) => {
      curate(actor)
      const position = slotPosition(slot)
      const now = clock.now()
      if (expiresAt !== null) checkExpiry('expiresAt', expiresAt, now, PICK_EXPIRY_MAX_MS)
      const { headline } = await story(articleId)
      await rewrite(actor, 'must-reads', (rows) => {
        // A story sits in one slot: picking it again moves it here from its old slot.
        const kept = rows.filter((r) => r.position !== position && r.articleId !== articleId)
        const picks = [
          ...kept.map(({ articleId: id, position: at, expiresAt: until }) => ({
            articleId: id,
            position: at,
            expiresAt: until,
          })),
          { articleId, position, expiresAt },
        ].sort((a, b) => a.position - b.position)
        const until = expiresAt === null ? '' : ` until ${expiresAt.toISOString()}`
        return { picks, action: 'must-read.set', detail: `Slot ${slot}: “${headline}”${until}` }
      })
    },

    clearMustRead: async (actor, slot) => {
      curate(actor)
      const position = slotPosition(slot)
      await rewrite(actor, 'must-reads', (rows) => {
        const gone = rows.find((r) => r.position === position)
        if (gone === undefined) return undefined
        return {
          picks: rows.filter((r) => r !== gone),
          action: 'must-read.clear',
          detail: `Slot ${slot}: emptied (was “${gone.headline}”)`,
        }
      })
    },

    setBanner: async (actor, input) => {
      curate(actor)
      const now = clock.now()
      const text = bannerText(input.text)
      const link = bannerLink(input.link)
      checkExpiry('expiresAt', input.expiresAt, now, BANNER_MAX_MS)
      const id = await db.transaction().execute(async (trx) => {
        const created = await insertBanner(
          trx,
          { text, link, expiresAt: input.expiresAt, userId: actor.userId },
          now,
        )
        await logFrontChange(trx, {
          ...who(actor),
          action: 'banner.set',
          detail: `“${text}” until ${input.expiresAt.toISOString()}${link === null ? '' : ` → ${link}`}`,
          at: now,
        })
        return created
      })
      await bus.publish('banner.changed', { bannerId: id })
      return { id, text, link, expiresAt: input.expiresAt, createdAt: now }
    },

    takeDownBanner: async (actor) => {
      curate(actor)
      const now = clock.now()
      const taken = await db.transaction().execute(async (trx) => {
        const up = await liveBanner(trx, now)
        if (up === undefined) return undefined
        await takeDownBanners(trx, actor.userId, now)
        await logFrontChange(trx, {
          ...who(actor),
          action: 'banner.take-down',
          detail: `“${up.text}”`,
          at: now,
        })
        return up
      })
      if (taken === undefined) return false
      await bus.publish('banner.changed', { bannerId: taken.id })
      return true
    },

    currentBanner: async () => {
      const now = clock.now()
      let banner = await readBanner(now)
      if (banner !== undefined && banner.expiresAt <= now) {
        // Expired while kept: an older banner may still be live.
        bannerCache = undefined
        banner = await readBanner(now)
      }
      return banner && { ...banner, msLeft: banner.expiresAt.getTime() - now.getTime() }
    },

    expireDue: async () => {
      const now = clock.now()
      const { picks, banners } = await db.transaction().execute(async (trx) => {
        const expired = await expiredPicks(trx, now)
        await deletePicks(
          trx,
          expired.map((p) => p.articleId),
        )
        for (const p of expired)
          await logFrontChange(trx, {
            ...SYSTEM,
            action: 'must-read.expire',
            detail: `Slot ${p.position + 1}: expired`,
            at: now,
          })
        const claimed = await claimExpiredBanners(trx, now)
        for (const id of claimed)
          await logFrontChange(trx, {
            ...SYSTEM,
            action: 'banner.expire',
            detail: `Banner ${id} expired`,
            at: now,
          })
        return { picks: expired.length, banners: claimed }
      })
      if (picks > 0) await bus.publish('picks.changed', { list: 'must-reads' })
      for (const bannerId of banners) await bus.publish('banner.changed', { bannerId })
      return picks + banners.length
    },
  }
}

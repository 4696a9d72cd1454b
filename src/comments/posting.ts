/** Posting a reader comment: validate, check story, parent and abuse limits, decide its status, store, announce. */

import type { CommentsConfig } from '../config.js'
import type { Db } from '../db/database.js'
import { appendOutboxEvent } from '../db/event-outbox.js'
import type { Bus } from '../infra/bus/bus.js'
import type { Clock } from '../lib/clock.js'
import { isRowId } from '../lib/row-id.js'
import type { Newsroom } from '../newsroom/index.js'
import { hasPublished, openPostGate, recentCount, repeatAndBan } from './abuse-queries.js'
import { insertComment, parentComment } from './comment-queries.js'
import { validateComment } from './comment-rules.js'
import { imitatesReservedName, type ReservedNames } from './name-rules.js'
import {
  commentArticleNotFound,
  commentDuplicate,
  commentFormExpired,
  commentNameReserved,
  commentParentInvalid,
  commentRateLimited,
  commentsClosed,
  commentSubmittedTooFast,
} from './errors.js'
import { containsLink, initialStatus } from './moderation-rules.js'
import type { ReaderKeys } from './reader-identity.js'
import type { NewComment, PostedComment } from './types.js'

const MINUTE_MS = 60_000
const DAY_MS = 24 * 60 * MINUTE_MS
/** The same reader posting the same text on the same story within this window is a repeat. */
export const REPEAT_WINDOW_MS = 60 * MINUTE_MS

export interface PostingDeps {
  db: Db
  clock: Clock
  bus: Bus
  config: CommentsConfig
  keys: ReaderKeys
  /** Says whether readers may see the story and which comment mode it has. */
  newsroom: Pick<Newsroom, 'commentsMode'>
  /** The site's and the staff's names, which readers may not imitate. */
  reservedNames: () => Promise<ReservedNames>
  /** The banned-word matcher (kept in memory by the list; never a query per post). */
  bannedWords: () => Promise<(text: string) => boolean>
}

/** What a post needs beyond the comment: the form's signed stamp (forms only; the API has none). */
export interface PostOptions {
  formToken?: string | undefined
}

/**
 * Throws COMMENT_PARENT_INVALID unless `parentId` is a visible top-level comment of the story:
 * replies go one level deep, under comments readers can see.
 */
export async function checkReplyTarget(db: Db, articleId: number, parentId: number): Promise<void> {
  // An id no column can hold matches nothing (PostgreSQL would fail on it: a 500).
  const parent = isRowId(parentId) ? await parentComment(db, parentId) : undefined
  if (
    parent === undefined ||
    parent.articleId !== articleId ||
    parent.parentId !== null ||
    parent.status !== 'published'
  )
    throw commentParentInvalid(parentId)
}

/** Creates the posting use case. */
export function createPosting({
  db,
  clock,
  bus,
  config,
  keys,
  newsroom,
  reservedNames,
  bannedWords,
}: PostingDeps) {
  const windows = [
    { name: 'minute' as const, ms: MINUTE_MS, per: 'reader' as const, limit: config.ratePerMinute },
    { name: 'day' as const, ms: DAY_MS, per: 'reader' as const, limit: config.ratePerDay },
    {
      name: 'minute' as const,
      ms: MINUTE_MS,
      per: 'address' as const,
      limit: config.addressRatePerMinute,
    },
    { name: 'day' as const, ms: DAY_MS, per: 'address' as const, limit: config.addressRatePerDay },
  ]

  /** Throws COMMENT_RATE_LIMITED when the reader or their address reached a limit (0 = none). */
  const checkRate = async (
    tx: Db,
    hashes: { readerHash: string; addressHash: string },
    now: Date,
  ): Promise<void> => {
    for (const window of windows) {
      if (window.limit === 0) continue
      const who =
        window.per === 'reader'
          ? { readerHash: hashes.readerHash }
          : { addressHash: hashes.addressHash }
      const { count, oldest } = await recentCount(tx, who, new Date(now.getTime() - window.ms))
      if (count < window.limit) continue
      // The reader may post again once the oldest comment in the window has left it.
      const freeAt = (oldest ?? now).getTime() + window.ms
      const retryAfterSeconds = Math.max(1, Math.ceil((freeAt - now.getTime()) / 1000))
      throw commentRateLimited(window.name, window.limit, retryAfterSeconds, window.per)
    }
  }

  return async (input: NewComment, options: PostOptions = {}): Promise<PostedComment> => {
    const valid = validateComment(input)
    if (imitatesReservedName(valid.authorName, await reservedNames())) throw commentNameReserved()
    if (options.formToken !== undefined) {
      const check = await keys.checkFormToken(options.formToken, config.minSubmitSeconds)
      if (check === 'invalid') throw commentFormExpired()
      if (check === 'too_fast') throw commentSubmittedTooFast()
    }
    const now = clock.now()
    // An id no column can hold matches nothing (PostgreSQL would fail on it: a 500).
    const story = isRowId(input.articleId)
      ? await newsroom.commentsMode(input.articleId)
      : undefined
    if (story?.visible !== true) throw commentArticleNotFound({ articleId: input.articleId })
    const mode = story.mode ?? config.mode
    if (mode === 'closed') throw commentsClosed(input.articleId)

    const parentId = input.parentId ?? null
    if (parentId !== null) await checkReplyTarget(db, input.articleId, parentId)

    const hashes =
      input.reader === undefined
        ? undefined
        : {
            readerHash: await keys.readerHash(input.reader),
            addressHash: await keys.addressHash(input.reader.address),
          }
    const hasBannedWord = await bannedWords()
    const bannedWord = hasBannedWord(valid.body) || hasBannedWord(valid.authorName)
    const link = containsLink(valid.body) || containsLink(valid.authorName)

    // Checks and insert in one transaction behind the address's gate: concurrent posts of one
    // address run one after the other, so none slips past the limits or the repeat check.
    // Committed when it resolves: only then does the reader hear that it worked.
    const comment = await db.transaction().execute(async (tx) => {
      let readerBanned = false
      let firstComment = false
      if (hashes !== undefined) {
        await openPostGate(tx, hashes.addressHash, now)
        await checkRate(tx, hashes, now)
        const found = await repeatAndBan(tx, {
          readerHash: hashes.readerHash,
          articleId: input.articleId,
          body: valid.body,
          since: new Date(now.getTime() - REPEAT_WINDOW_MS),
        })
        if (found.repeat) throw commentDuplicate()
        readerBanned = found.banned
        firstComment = config.holdFirst && !(await hasPublished(tx, hashes.readerHash))
      }
      const { status, holdReason } = initialStatus({
        mode,
        bannedWord,
        link,
        firstComment,
        readerBanned,
      })
      const inserted = await insertComment(tx, {
        articleId: input.articleId,
        parentId,
        ...valid,
        createdAt: input.createdAt ?? now,
        status,
        holdReason,
        readerHash: hashes?.readerHash ?? null,
        addressHash: hashes?.addressHash ?? null,
      })
      if (status === 'published') {
        const subject = { articleId: input.articleId, commentId: inserted.id }
        await appendOutboxEvent(tx, 'comment.published', subject, now)
      }
      return { ...inserted, holdReason }
    })
    const { status } = comment
    await bus.publish('comment.posted', {
      commentId: comment.id,
      articleId: comment.articleId,
      visible: status === 'published',
    })
    // A banned reader is told the same as anyone held for review: the ban stays silent.
    return status === 'spam' ? { ...comment, status: 'held', holdReason: null } : comment
  }
}

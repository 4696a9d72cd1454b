/** Posting a reader comment: validate, check story, parent and abuse limits, decide its status, store, announce. */

import type { CommentsConfig } from '../config.js'
import type { Db } from '../db/database.js'
import type { Bus } from '../infra/bus/bus.js'
import type { Clock } from '../lib/clock.js'
import type { Newsroom } from '../newsroom/index.js'
import { hasPublished, recentCount, repeatAndBan } from './abuse-queries.js'
import { insertComment, parentComment } from './comment-queries.js'
import { validateComment } from './comment-rules.js'
import {
  commentArticleNotFound,
  commentDuplicate,
  commentFormExpired,
  commentParentInvalid,
  commentRateLimited,
  commentsClosed,
  commentSubmittedTooFast,
} from './errors.js'
import { containsLink, createBannedWordMatcher, initialStatus } from './moderation-rules.js'
import type { ReaderKeys } from './reader-identity.js'
import type { Comment, NewComment } from './types.js'

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
}

/** What a post needs beyond the comment: the form's signed stamp (forms only; the API has none). */
export interface PostOptions {
  formToken?: string | undefined
}

/** Creates the posting use case. */
export function createPosting({ db, clock, bus, config, keys, newsroom }: PostingDeps) {
  const hasBannedWord = createBannedWordMatcher(config.bannedWords)

  /** Throws COMMENT_RATE_LIMITED when the reader reached a limit (0 = no limit). */
  const checkRate = async (readerHash: string, now: Date): Promise<void> => {
    const windows = [
      { name: 'minute' as const, ms: MINUTE_MS, limit: config.ratePerMinute },
      { name: 'day' as const, ms: DAY_MS, limit: config.ratePerDay },
    ]
    for (const window of windows) {
      if (window.limit === 0) continue
      const { count, oldest } = await recentCount(
        db,
        readerHash,
        new Date(now.getTime() - window.ms),
      )
      if (count < window.limit) continue
      // The reader may post again once the oldest comment in the window has left it.
      const freeAt = (oldest ?? now).getTime() + window.ms
      const retryAfterSeconds = Math.max(1, Math.ceil((freeAt - now.getTime()) / 1000))
      throw commentRateLimited(window.name, window.limit, retryAfterSeconds)
    }
  }

  return async (input: NewComment, options: PostOptions = {}): Promise<Comment> => {
    const valid = validateComment(input)
    if (options.formToken !== undefined) {
      const check = await keys.checkFormToken(options.formToken, config.minSubmitSeconds)
      if (check === 'invalid') throw commentFormExpired()
      if (check === 'too_fast') throw commentSubmittedTooFast()
    }
    const now = clock.now()
    const story = await newsroom.commentsMode(input.articleId)
    if (story?.visible !== true) throw commentArticleNotFound({ articleId: input.articleId })
    const mode = story.mode ?? config.mode
    if (mode === 'closed') throw commentsClosed(input.articleId)

    const parentId = input.parentId ?? null
    if (parentId !== null) {
      const parent = Number.isSafeInteger(parentId) ? await parentComment(db, parentId) : undefined
      // One level of replies: a reply goes under a visible top-level comment of the same story.
      if (
        parent === undefined ||
        parent.articleId !== input.articleId ||
        parent.parentId !== null ||
        parent.status !== 'published'
      ) {
        throw commentParentInvalid(parentId)
      }
    }

    let readerHash: string | null = null
    let readerBanned = false
    let firstComment = false
    if (input.reader !== undefined) {
      const hash = await keys.readerHash(input.reader)
      readerHash = hash
      await checkRate(hash, now)
      const since = new Date(now.getTime() - REPEAT_WINDOW_MS)
      const found = await repeatAndBan(db, {
        readerHash: hash,
        articleId: input.articleId,
        body: valid.body,
        since,
      })
      if (found.repeat) throw commentDuplicate()
      readerBanned = found.banned
      firstComment = config.holdFirst && !(await hasPublished(db, hash))
    }

    const { status, holdReason } = initialStatus({
      mode,
      bannedWord: hasBannedWord(valid.body) || hasBannedWord(valid.authorName),
      link: containsLink(valid.body) || containsLink(valid.authorName),
      firstComment,
      readerBanned,
    })
    // Committed when insertComment resolves (SQLite autocommit in WAL, PostgreSQL autocommit):
    // only then does the reader hear that it worked.
    const comment = await insertComment(db, {
      articleId: input.articleId,
      parentId,
      ...valid,
      createdAt: input.createdAt ?? now,
      status,
      holdReason,
      readerHash,
    })
    await bus.publish('comment.posted', {
      commentId: comment.id,
      articleId: comment.articleId,
      visible: status === 'published',
    })
    // A banned reader is told the same as anyone held for review: the ban stays silent.
    return status === 'spam' ? { ...comment, status: 'held' } : comment
  }
}

/** The comments domain's public surface: createComments, its types and the grapheme counter. */

import type { CommentsConfig } from '../config.js'
import type { Db } from '../db/database.js'
import type { Bus } from '../infra/bus/bus.js'
import type { Clock } from '../lib/clock.js'
import type { Newsroom } from '../newsroom/index.js'
import {
  countVisibleComments,
  countVisibleCommentsAndThreads,
  visibleComment,
  visibleComments,
  visibleThreads,
} from './comment-queries.js'
import { createBannedWordList } from './banned-words.js'
import type { Comments } from './comments.js'
import { createModeration, createReporting, effectiveMode } from './moderation.js'
import { createPosting } from './posting.js'
import type { ReservedNames } from './name-rules.js'
import { createReaderKeys } from './reader-identity.js'
import { createStaffReplies } from './staff-replies.js'
import { COMMENTS_PER_PAGE } from './types.js'

export type * from './types.js'
export type { Comments }
export type { AuditEntry, BannedReader, Moderation, ReportOutcome } from './moderation.js'
export type { BannedWordEntry, BannedWordLists } from './banned-words.js'
export { BANNED_WORD_MAX_LENGTH } from './banned-words.js'
export { COMMENT_MAX_LENGTH, COMMENT_NAME_MAX_LENGTH, COMMENTS_PER_PAGE } from './types.js'
export { graphemeLength } from './comment-rules.js'
export { commentArticleNotFound } from './errors.js'
export type { ReservedNames }
export type { StaffComment, StaffWriter } from './staff-replies.js'

/** How long the reserved names are reused before they are read again. */
const RESERVED_NAMES_TTL_MS = 60_000

/** At most this many comments come back from one list call. */
const MAX_PAGE = 200

/**
 * Builds the comments service.
 * @example const comments = createComments({ db, clock, bus, config: config.comments, newsroom })
 */
export function createComments({
  db,
  clock,
  bus,
  config,
  newsroom,
  reservedNames = async () => ({ site: [], staff: [] }),
}: {
  db: Db
  clock: Clock
  bus: Bus
  config: CommentsConfig
  /** Owns the stories: whether readers may see one, and its comment mode. */
  newsroom: Pick<Newsroom, 'commentsMode' | 'setCommentsMode' | 'bylineUserIds'>
  /** The site's and staff's names, which readers' names may not imitate (read once a minute). */
  reservedNames?: () => Promise<ReservedNames>
}): Comments {
  const keys = createReaderKeys({ db, clock })
  const bannedWords = createBannedWordList({ db, clock, bus, configured: config.bannedWords })
  let names: { value: Promise<ReservedNames>; until: number } | undefined
  const currentNames = (): Promise<ReservedNames> => {
    const now = clock.now().getTime()
    if (names === undefined || names.until <= now) {
      const value = reservedNames()
      names = { value, until: now + RESERVED_NAMES_TTL_MS }
      // A failed read is not kept: the next post asks again.
      value.catch(() => {
        names = undefined
      })
    }
    return names.value
  }
  const post = createPosting({
    db,
    clock,
    bus,
    config,
    keys,
    newsroom,
    reservedNames: currentNames,
    bannedWords: () => bannedWords.matcher(),
  })
  return {
    countVisible: (articleId) => countVisibleComments(db, articleId),
    listVisible: (articleId, { limit, offset = 0 }) =>
      visibleComments(db, articleId, Math.min(wholeNumber(limit), MAX_PAGE), wholeNumber(offset)),
    async listThreads(articleId, { order = 'newest', page = 1, perPage = COMMENTS_PER_PAGE } = {}) {
      const size = Math.max(1, Math.min(wholeNumber(perPage), MAX_PAGE))
      const current = Math.max(1, wholeNumber(page))
      const [threads, counts] = await Promise.all([
        visibleThreads(db, articleId, order, size, (current - 1) * size),
        countVisibleCommentsAndThreads(db, articleId),
      ])
      const { comments: totalComments, threads: totalThreads } = counts
      const totalPages = Math.max(1, Math.ceil(totalThreads / size))
      return {
        threads,
        totalComments,
        totalThreads,
        page: current,
        perPage: size,
        totalPages,
        order,
      }
    },
    findVisible: async (commentId) =>
      Number.isSafeInteger(commentId) ? visibleComment(db, commentId) : undefined,
    modeFor: (articleId) => effectiveMode(newsroom, config, articleId),
    post,
    postAsStaff: createStaffReplies({ db, clock, bus, defaultMode: () => config.mode, newsroom }),
    issueFormToken: () => keys.issueFormToken(),
    report: createReporting({ db, clock, bus, keys, config }),
    moderation: createModeration({ db, clock, bus, newsroom, bannedWords }),
  }
}

/** `value` as a whole number ≥ 0 (NaN and negatives become 0), so a bad input never reaches SQL. */
function wholeNumber(value: number): number {
  return Number.isFinite(value) && value > 0 ? Math.floor(value) : 0
}

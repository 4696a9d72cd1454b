/** The moderation service: the queue, approve / reject / spam, bans, readers' reports, and the audit log. */

import type { CommentsConfig } from '../config.js'
import type { Db } from '../db/database.js'
import { appendOutboxEvent } from '../db/event-outbox.js'
import type { CommentStatus } from '../db/schema.js'
import type { Bus } from '../infra/bus/bus.js'
import type { Clock } from '../lib/clock.js'
import { isRowId } from '../lib/row-id.js'
import type { Newsroom } from '../newsroom/index.js'
import { addReport, holdReported, recentReports } from './abuse-queries.js'
import type { BannedWordList, BannedWordLists } from './banned-words.js'
import { visibleComment } from './comment-queries.js'
import {
  commentFormExpired,
  commentNotFound,
  commentReportRateLimited,
  moderationInvalid,
  readerNotBanned,
} from './errors.js'
import {
  appendAudit,
  type AuditEntry,
  auditEntries,
  type BannedReader,
  commentForModeration,
  deleteBan,
  insertBan,
  listBans,
  queuePage,
  setStatus,
} from './moderation-queries.js'
import type { ReaderKeys } from './reader-identity.js'
import type {
  CommentsMode,
  ModerationActor,
  QueuedComment,
  QueueFilter,
  ReaderIdentity,
} from './types.js'

export type { AuditEntry, BannedReader }

/** What a moderator can do; every action is written to the audit log with its actor. */
export interface Moderation {
  /** A page of the queue (oldest first), optionally of one story. */
  queue(options: {
    filter: QueueFilter
    articleId?: number
    page?: number
    perPage?: number
  }): Promise<{
    items: QueuedComment[]
    total: number
    page: number
    perPage: number
    totalPages: number
  }>
  /** Publishes a comment (and forgets its reports so far). */
  approve(commentId: number, actor: ModerationActor, note?: string): Promise<void>
  /** Hides a comment for good. */
  reject(commentId: number, actor: ModerationActor, note?: string): Promise<void>
  /** Hides a comment as spam. */
  markSpam(commentId: number, actor: ModerationActor, note?: string): Promise<void>
  /**
   * Bans the author of `commentId` (or a reader hash): their future comments go to spam while
   * they are told "waiting for review".
   */
  banReader(
    target: { commentId: number } | { readerHash: string },
    actor: ModerationActor,
    reason?: string,
  ): Promise<void>
  /** Sets a story's comment mode (through the newsroom); null returns it to the site default. */
  setArticleMode(
    articleId: number,
    mode: CommentsMode | null,
    actor: ModerationActor,
  ): Promise<void>
  /** Lifts a reader's ban (their later comments are moderated like anyone's). */
  unbanReader(readerHash: string, actor: ModerationActor): Promise<void>
  /** A page of banned readers, newest ban first. */
  bannedReaders(options?: { page?: number; perPage?: number }): Promise<{
    items: BannedReader[]
    total: number
    page: number
    perPage: number
    totalPages: number
  }>
  /** The banned-word lists: the moderators' and the configured one. */
  bannedWords(): Promise<BannedWordLists>
  /** Adds a banned word or phrase; `added` is false when it was listed already. */
  addBannedWord(text: string, actor: ModerationActor): Promise<{ word: string; added: boolean }>
  /** Removes a banned word or phrase from the moderators' list. */
  removeBannedWord(text: string, actor: ModerationActor): Promise<void>
  /** The newest audit entries, optionally of one comment, or older than entry `beforeId`. */
  auditLog(options?: {
    commentId?: number
    beforeId?: number
    limit?: number
  }): Promise<AuditEntry[]>
}

const MAX_PER_PAGE = 200

/** Builds the moderation service. */
export function createModeration({
  db,
  clock,
  bus,
  newsroom,
  bannedWords,
}: {
  db: Db
  clock: Clock
  bus: Bus
  newsroom: Pick<Newsroom, 'setCommentsMode'>
  bannedWords: BannedWordList
}): Moderation {
  const change = async (
    commentId: number,
    status: CommentStatus,
    action: string,
    actor: ModerationActor,
    note: string,
  ): Promise<void> => {
    const comment = Number.isSafeInteger(commentId)
      ? await commentForModeration(db, commentId)
      : undefined
    if (comment === undefined) throw commentNotFound(commentId)
    checkActor(actor)
    const at = clock.now()
    await db.transaction().execute(async (trx) => {
      await setStatus(trx, commentId, status, at)
      await appendAudit(trx, { commentId, readerHash: null, action, actor, note, at })
      // Webhooks hear of a comment when readers first see it, not of every later approval.
      if (status === 'published' && comment.status !== 'published') {
        const subject = { articleId: comment.articleId, commentId }
        await appendOutboxEvent(trx, 'comment.published', subject, at)
      }
    })
    await bus.publish('comment.moderated', { commentId, articleId: comment.articleId, action })
  }

  return {
    async queue({ filter, articleId, page = 1, perPage = 50 }) {
      const size = Math.min(Math.max(1, Math.floor(perPage) || 1), MAX_PER_PAGE)
      const current = Math.max(1, Math.floor(page) || 1)
      const { items, total } = await queuePage(db, filter, articleId, size, (current - 1) * size)
      return { items, total, page: current, perPage: size, totalPages: Math.ceil(total / size) }
    },
    approve: (id, actor, note = '') => change(id, 'published', 'approved', actor, note),
    reject: (id, actor, note = '') => change(id, 'rejected', 'rejected', actor, note),
    markSpam: (id, actor, note = '') => change(id, 'spam', 'spam', actor, note),
    async banReader(target, actor, reason = '') {
      checkActor(actor)
      let readerHash: string
      let commentId: number | null = null
      let articleId: number | undefined
      if ('commentId' in target) {
        const comment = Number.isSafeInteger(target.commentId)
          ? await commentForModeration(db, target.commentId)
          : undefined
        if (comment === undefined) throw commentNotFound(target.commentId)
        if (comment.readerHash === null)
          throw moderationInvalid('This comment has no reader identity to ban (it was imported).')
        readerHash = comment.readerHash
        commentId = target.commentId
        articleId = comment.articleId
      } else {
        if (!/^[0-9a-f]{64}$/.test(target.readerHash))
          throw moderationInvalid('A reader hash is 64 hexadecimal characters.')
        readerHash = target.readerHash
      }
      const at = clock.now()
      await insertBan(db, { readerHash, reason, actor, at })
      await appendAudit(db, { commentId, readerHash, action: 'banned', actor, note: reason, at })
      // The story's page shows nothing new, but every moderation action is announced alike.
      if (articleId !== undefined)
        await bus.publish('comment.moderated', { commentId, articleId, action: 'banned' })
    },
    async unbanReader(readerHash, actor) {
      checkActor(actor)
      if (!/^[0-9a-f]{64}$/.test(readerHash))
        throw moderationInvalid('A reader hash is 64 hexadecimal characters.')
      if (!(await deleteBan(db, readerHash))) throw readerNotBanned()
      const at = clock.now()
      await appendAudit(db, {
        commentId: null,
        readerHash,
        action: 'unbanned',
        actor,
        note: '',
        at,
      })
    },
    async bannedReaders({ page = 1, perPage = 50 } = {}) {
      const size = Math.min(Math.max(1, Math.floor(perPage) || 1), MAX_PER_PAGE)
      const current = Math.max(1, Math.floor(page) || 1)
      const { items, total } = await listBans(db, size, (current - 1) * size)
      return { items, total, page: current, perPage: size, totalPages: Math.ceil(total / size) }
    },
    bannedWords: () => bannedWords.lists(),
    async addBannedWord(text, actor) {
      checkActor(actor)
      return bannedWords.add(text, actor)
    },
    async removeBannedWord(text, actor) {
      checkActor(actor)
      return bannedWords.remove(text, actor)
    },
    async setArticleMode(articleId, mode, actor) {
      checkActor(actor)
      await newsroom.setCommentsMode(articleId, mode)
      await appendAudit(db, {
        commentId: null,
        readerHash: null,
        action: `mode:${mode ?? 'default'}`,
        actor,
        note: `article ${articleId}`,
        at: clock.now(),
      })
      await bus.publish('comment.moderated', { commentId: null, articleId, action: 'mode' })
    },
    auditLog: ({ commentId, beforeId, limit = 100 } = {}) =>
      auditEntries(db, {
        ...(commentId === undefined ? {} : { commentId }),
        ...(beforeId === undefined ? {} : { beforeId }),
        limit: Math.min(Math.max(1, limit), 1000),
      }),
  }
}

/** An actor is a user id or 'cli': short, so the log stays readable. */
function checkActor(actor: ModerationActor): void {
  if (!/^[A-Za-z0-9:_@.-]{1,64}$/.test(actor))
    throw moderationInvalid('The actor must be a user id or "cli".')
}

/** What a reader's report did. */
export type ReportOutcome = 'reported' | 'already_reported' | 'hidden'

const HOUR_MS = 3_600_000

/**
 * Builds the reader-facing report action: it needs the page's form stamp, counts once per
 * address, is limited per address and hour, and N reports from distinct addresses hide the
 * comment, unless a moderator approved it (it then stays up and waits in the reported queue).
 */
export function createReporting({
  db,
  clock,
  bus,
  keys,
  config,
}: {
  db: Db
  clock: Clock
  bus: Bus
  keys: ReaderKeys
  config: CommentsConfig
}) {
  return async (
    commentId: number,
    reader: ReaderIdentity,
    options: { formToken: string },
  ): Promise<ReportOutcome> => {
    // A report is one click on a page the server rendered: no minimum time, but a real stamp.
    if ((await keys.checkFormToken(options.formToken, 0)) !== 'ok') throw commentFormExpired()
    const comment = isRowId(commentId) ? await visibleComment(db, commentId) : undefined
    if (comment === undefined) throw commentNotFound(commentId)
    const addressHash = await keys.addressHash(reader.address)
    const at = clock.now()
    if (config.reportsPerHour > 0) {
      const sent = await recentReports(db, addressHash, new Date(at.getTime() - HOUR_MS))
      if (sent >= config.reportsPerHour) throw commentReportRateLimited(config.reportsPerHour)
    }
    const added = await addReport(db, { commentId, addressHash, at })
    if (added === undefined) return 'already_reported'
    const { count, approved } = added
    if (config.reportsToHide === 0 || count < config.reportsToHide || approved) return 'reported'
    if (!(await holdReported(db, commentId))) return 'reported'
    await appendAudit(db, {
      commentId,
      readerHash: null,
      action: 'hidden',
      actor: 'reports',
      note: `${count} reports`,
      at,
    })
    await bus.publish('comment.moderated', {
      commentId,
      articleId: comment.articleId,
      action: 'hidden',
    })
    return 'hidden'
  }
}

/** The effective comment mode of a story (its own, else the site's); undefined for no such story. */
export async function effectiveMode(
  newsroom: Pick<Newsroom, 'commentsMode'>,
  config: CommentsConfig,
  articleId: number,
): Promise<CommentsMode | undefined> {
  const story = await newsroom.commentsMode(articleId)
  return story === undefined ? undefined : (story.mode ?? config.mode)
}

/**
 * Comments written from the newsroom by a signed-in user: published at once under the user's
 * own name with a badge ("Author" for a byline of the story, "Staff" otherwise). The badge comes
 * only from the session the web layer checked, never from anything a reader can send.
 */

import type { Db } from '../db/database.js'
import { appendOutboxEvent } from '../db/event-outbox.js'
import type { Bus } from '../infra/bus/bus.js'
import type { Clock } from '../lib/clock.js'
import { isRowId } from '../lib/row-id.js'
import type { Newsroom } from '../newsroom/index.js'
import { insertComment } from './comment-queries.js'
import { validateComment } from './comment-rules.js'
import { commentArticleNotFound, commentsClosed } from './errors.js'
import { checkReplyTarget } from './posting.js'
import type { Comment, CommentsMode } from './types.js'

/** The newsroom user writing, as the session names them. */
export interface StaffWriter {
  userId: number
  name: string
}

/** A staff comment: on a story, optionally replying to one of its visible top-level comments. */
export interface StaffComment {
  articleId: number
  parentId?: number | null
  body: string
}

export interface StaffRepliesDeps {
  db: Db
  clock: Clock
  bus: Bus
  /** The site's default comment mode (a story's own mode wins). */
  defaultMode: () => CommentsMode
  newsroom: Pick<Newsroom, 'commentsMode' | 'bylineUserIds'>
}

/** Creates the staff-comment use case. */
export function createStaffReplies({ db, clock, bus, defaultMode, newsroom }: StaffRepliesDeps) {
  return async (writer: StaffWriter, input: StaffComment): Promise<Comment> => {
    // The same text rules as readers' (length, marks, characters); the name is the user's own.
    const valid = validateComment({ authorName: writer.name, body: input.body })
    const story = isRowId(input.articleId)
      ? await newsroom.commentsMode(input.articleId)
      : undefined
    if (story?.visible !== true) throw commentArticleNotFound({ articleId: input.articleId })
    // Closed is closed for everyone; premoderation holds readers, not the newsroom.
    if ((story.mode ?? defaultMode()) === 'closed') throw commentsClosed(input.articleId)
    const parentId = input.parentId ?? null
    if (parentId !== null) await checkReplyTarget(db, input.articleId, parentId)
    const bylines = await newsroom.bylineUserIds(input.articleId)
    const badge = bylines.includes(writer.userId) ? ('author' as const) : ('staff' as const)
    const now = clock.now()
    const comment = await db.transaction().execute(async (tx) => {
      const inserted = await insertComment(tx, {
        articleId: input.articleId,
        parentId,
        authorName: valid.authorName,
        authorEmail: null,
        body: valid.body,
        createdAt: now,
        status: 'published',
        holdReason: null,
        readerHash: null,
        addressHash: null,
        staff: { userId: writer.userId, badge },
      })
      const subject = { articleId: input.articleId, commentId: inserted.id }
      await appendOutboxEvent(tx, 'comment.published', subject, now)
      return inserted
    })
    await bus.publish('comment.posted', {
      commentId: comment.id,
      articleId: comment.articleId,
      visible: true,
    })
    return comment
  }
}

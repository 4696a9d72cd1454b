/** Posting a reader comment: validate, check the story and the parent, store, announce. */

import type { Db } from '../db/database.js'
import type { Bus } from '../infra/bus/bus.js'
import type { Clock } from '../lib/clock.js'
import { articleIsVisible, insertComment, parentComment } from './comment-queries.js'
import { validateComment } from './comment-rules.js'
import { commentArticleNotFound, commentParentInvalid } from './errors.js'
import type { Comment, NewComment } from './types.js'

/** Creates the posting use case. */
export function createPosting({ db, clock, bus }: { db: Db; clock: Clock; bus: Bus }) {
  return async (input: NewComment): Promise<Comment> => {
    const valid = validateComment(input)
    const now = clock.now()
    if (
      !Number.isSafeInteger(input.articleId) ||
      !(await articleIsVisible(db, input.articleId, now))
    ) {
      throw commentArticleNotFound(input.articleId)
    }
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
    // Open moderation for now: a comment is visible as soon as it is stored (committed on return).
    const comment = await insertComment(db, {
      articleId: input.articleId,
      parentId,
      ...valid,
      createdAt: input.createdAt ?? now,
    })
    await bus.publish('comment.posted', {
      commentId: comment.id,
      articleId: comment.articleId,
      visible: true,
    })
    return comment
  }
}

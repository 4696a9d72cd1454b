/** The comments domain's public surface: createComments, its types and the grapheme counter. */

import type { Db } from '../db/database.js'
import type { Bus } from '../infra/bus/bus.js'
import type { Clock } from '../lib/clock.js'
import { countVisibleComments, visibleComments } from './comment-queries.js'
import type { Comments } from './comments.js'
import { createPosting } from './posting.js'

export type * from './types.js'
export type { Comments }
export { COMMENT_MAX_LENGTH, COMMENT_NAME_MAX_LENGTH } from './types.js'
export { graphemeLength } from './comment-rules.js'

/** At most this many comments come back from one listVisible call. */
const MAX_PAGE = 200

/**
 * Builds the comments service.
 * @example const comments = createComments({ db, clock, bus })
 */
export function createComments({ db, clock, bus }: { db: Db; clock: Clock; bus: Bus }): Comments {
  const post = createPosting({ db, clock, bus })
  return {
    countVisible: (articleId) => countVisibleComments(db, articleId),
    listVisible: (articleId, { limit, offset = 0 }) =>
      visibleComments(db, articleId, Math.min(wholeNumber(limit), MAX_PAGE), wholeNumber(offset)),
    post,
  }
}

/** `value` as a whole number ≥ 0 (NaN and negatives become 0), so a bad input never reaches SQL. */
function wholeNumber(value: number): number {
  return Number.isFinite(value) && value > 0 ? Math.floor(value) : 0
}

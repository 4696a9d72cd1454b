/** The comments contract used by the reader site and the demo. */

import type { Comment, NewComment } from './types.js'

export interface Comments {
  /** Number of comments readers can see on a story. */
  countVisible(articleId: number): Promise<number>
  /** Visible comments of a story, oldest first, at most `limit`. */
  listVisible(articleId: number, options: { limit: number; offset?: number }): Promise<Comment[]>
  /** Validates and stores a comment (throws MastheadError COMMENT_* codes on bad input). */
  post(input: NewComment): Promise<Comment>
}

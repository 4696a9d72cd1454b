/** Reader comments as services return them; e-mail and reader hash never leave the domain. */

import type { CommentStatus } from '../db/schema.js'

export type { CommentStatus }

export interface Comment {
  id: number
  articleId: number
  parentId: number | null
  authorName: string
  body: string
  status: CommentStatus
  createdAt: Date
}

export interface NewComment {
  articleId: number
  parentId?: number | null
  authorName: string
  authorEmail?: string | null
  body: string
  /** Set by the demo and tests; readers' comments are always timed by the clock. */
  createdAt?: Date
}

/** The longest comment, in user-perceived characters (grapheme clusters). */
export const COMMENT_MAX_LENGTH = 300
/** The longest display name, in grapheme clusters. */
export const COMMENT_NAME_MAX_LENGTH = 50

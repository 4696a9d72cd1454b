/** Reader comments as services return them; e-mail and reader hash never leave the domain. */

import type { CommentBadge, CommentStatus, CommentsMode } from '../db/schema.js'

export type { CommentBadge, CommentStatus, CommentsMode }

export interface Comment {
  id: number
  articleId: number
  parentId: number | null
  authorName: string
  body: string
  status: CommentStatus
  createdAt: Date
  /** 'staff' or 'author' on a reply written from the newsroom; null for every reader's comment. */
  badge: CommentBadge | null
}

/** Who is posting or reporting, as the web layer sees them; only a salted hash is ever stored. */
export interface ReaderIdentity {
  address: string
  userAgent: string
}

export interface NewComment {
  articleId: number
  parentId?: number | null
  authorName: string
  authorEmail?: string | null
  body: string
  /**
   * The reader posting; rate limits, repeats, bans and "first comment" apply only with it.
   * Trusted callers (the demo, imports) leave it out.
   */
  reader?: ReaderIdentity
  /** Set by the demo and tests; readers' comments are always timed by the clock. */
  createdAt?: Date
}

/** Why a comment waits for a moderator. */
export type HoldReason =
  'premoderation' | 'banned_word' | 'link' | 'first_comment' | 'reported' | 'banned_reader'

/**
 * A comment just posted, as its author may know it: why it is held, if it is (a banned reader's
 * comment reads as held for no stated reason: the ban stays silent).
 */
export interface PostedComment extends Comment {
  holdReason: HoldReason | null
}

/** A top-level comment with its visible replies (oldest first). */
export interface CommentThread extends Comment {
  replies: Comment[]
}

export type CommentOrder = 'newest' | 'oldest'

/** One page of a story's visible threads. */
export interface ThreadPage {
  threads: CommentThread[]
  /** Visible comments, replies included (the number in the heading). */
  totalComments: number
  /** Visible top-level comments (what pages are counted in). */
  totalThreads: number
  page: number
  perPage: number
  totalPages: number
  order: CommentOrder
}

/** What the form token check found. */
export type FormTokenCheck = 'ok' | 'too_fast' | 'invalid'

/** The moderation queue's filters. */
export type QueueFilter = 'held' | 'reported' | 'spam'

/** A comment as a moderator sees it (still no e-mail or identity hash). */
export interface QueuedComment extends Comment {
  holdReason: HoldReason | null
  reportCount: number
  /** True when a moderator banned the comment's author. */
  readerBanned: boolean
}

/** Someone acting on comments: a newsroom user id, or 'cli'. */
export type ModerationActor = string

/** The longest comment, in user-perceived characters (grapheme clusters). */
export const COMMENT_MAX_LENGTH = 300
/** The most code points a comment (or name) may have, whatever its graphemes: 300 rich ones fit. */
export const COMMENT_MAX_CODE_POINTS = 2000
/**
 * The most combining marks in a row on one character. Vietnamese stacks two, Indic scripts and
 * a keycap emoji two or three; only abuse needs more.
 */
export const COMMENT_MAX_MARKS_PER_CHARACTER = 4
/** The longest display name, in grapheme clusters. */
export const COMMENT_NAME_MAX_LENGTH = 50
/** Top-level comments per page on the story and in the API. */
export const COMMENTS_PER_PAGE = 50

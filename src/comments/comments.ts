/** The comments contract used by the reader site, the API, the CLI and the demo. */

import type { Moderation, ReportOutcome } from './moderation.js'
import type { PostOptions } from './posting.js'
import type { StaffComment, StaffWriter } from './staff-replies.js'
import type {
  Comment,
  CommentOrder,
  CommentsMode,
  NewComment,
  PostedComment,
  ReaderIdentity,
  ThreadPage,
} from './types.js'

export interface Comments {
  /** Number of comments readers can see on a story. */
  countVisible(articleId: number): Promise<number>
  /** Visible comments of a story, oldest first, at most `limit`. */
  listVisible(articleId: number, options: { limit: number; offset?: number }): Promise<Comment[]>
  /** A page of a story's visible top-level comments with their replies. */
  listThreads(
    articleId: number,
    options?: { order?: CommentOrder; page?: number; perPage?: number },
  ): Promise<ThreadPage>
  /** A comment readers can see, by id; undefined otherwise. */
  findVisible(commentId: number): Promise<Comment | undefined>
  /** The mode that applies to a story (its own, else the site's); undefined for no such story. */
  modeFor(articleId: number): Promise<CommentsMode | undefined>
  /**
   * Validates, checks and stores a comment; resolves once it is committed, with status
   * 'published' or 'held'. Throws MastheadError COMMENT_* / COMMENTS_CLOSED codes.
   */
  post(input: NewComment, options?: PostOptions): Promise<PostedComment>
  /**
   * A newsroom user's comment or reply, published at once with an "Author" badge (a byline of the
   * story) or a "Staff" one. Only the newsroom, from a checked session, may call it.
   */
  postAsStaff(writer: StaffWriter, input: StaffComment): Promise<Comment>
  /** A signed stamp for the comment form (checked by post's `formToken`). */
  issueFormToken(): Promise<string>
  /**
   * A reader reports a visible comment, with the page's form stamp; reports count once per
   * address, and enough of them (from distinct addresses) hide it for review unless a moderator
   * approved it. Throws COMMENT_FORM_EXPIRED, COMMENT_NOT_FOUND, COMMENT_REPORT_RATE_LIMITED.
   */
  report(
    commentId: number,
    reader: ReaderIdentity,
    options: { formToken: string },
  ): Promise<ReportOutcome>
  /** The newsroom's side: queue, approve, reject, spam, ban, per-story mode, audit log. */
  moderation: Moderation
}

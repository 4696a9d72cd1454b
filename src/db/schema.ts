/** Table interfaces, snake_case exactly as in SQL; query modules map rows to camelCase domain objects. */

import type { ColumnType, Generated } from 'kysely'
import type {
  ApiRateWindowsTable,
  JobLeasesTable,
  ViewAddressCountsTable,
  ViewReadersTable,
} from './schema-shared.js'

/** A time column: written as an ISO-8601 UTC string, read as a string (SQLite) or Date (PostgreSQL). */
export type DbTime = ColumnType<Date | string, string, string>
/** A nullable time column. */
export type NullableDbTime = ColumnType<
  Date | string | null,
  string | null | undefined,
  string | null
>
/** An aggregate or bigint that PostgreSQL returns as a string. */
export type DbCount = number | string | bigint

export type UserRole = 'admin' | 'editor' | 'author' | 'contributor' | 'moderator'
export type ArticleStatus = 'draft' | 'in_review' | 'scheduled' | 'published' | 'unpublished'
export type CommentStatus = 'published' | 'held' | 'spam' | 'rejected'
export type CommentsMode = 'open' | 'premoderated' | 'closed'
export type PickList = 'must-reads' | 'top-stories'
/** The type of work a story is, shown to readers beside its section. */
export type ArticleLabel = 'news' | 'analysis' | 'opinion' | 'explainer' | 'review' | 'sponsored'
/** A public note on a story: a correction of an error, or an update with new facts. */
export type ArticleNoteKind = 'correction' | 'update'

export interface UsersTable {
  id: Generated<number>
  email: string
  name: string
  role: UserRole
  password_hash: string
  created_at: DbTime
  updated_at: DbTime
  /** Set when the user was deactivated: they cannot sign in and their sessions are gone. */
  deactivated_at: NullableDbTime
}

/** A signed-in newsroom session; only the SHA-256 of its token is kept. */
export interface NewsroomSessionsTable {
  token_hash: string
  user_id: number
  created_at: DbTime
  last_seen_at: DbTime
}

/** Recent failed sign-ins per hashed key (an e-mail or an address). */
export interface SignInThrottlesTable {
  key_hash: string
  failures: number
  last_failure_at: DbTime
}

/** A one-time password reset link; only the SHA-256 of its token is kept. */
export interface PasswordResetTokensTable {
  token_hash: string
  user_id: number
  created_at: DbTime
  expires_at: DbTime
  used_at: NullableDbTime
}

export interface SectionsTable {
  id: Generated<number>
  slug: string
  name: string
  description: string
  position: number
  created_at: DbTime
}

export interface PhotosTable {
  id: Generated<number>
  storage_key: string
  mime_type: string
  width: number
  height: number
  alt: string
  caption: string
  credit: string
  created_at: DbTime
  /** The uploaded file's name ('' for photos that did not come from an upload). */
  original_name: Generated<string>
  /** Who uploaded it; null for seeded photos and once that user is removed. */
  uploaded_by: number | null
}

export interface AuthorsTable {
  id: Generated<number>
  slug: string
  name: string
  job_title: string
  bio: string
  email: string
  photo_id: number | null
  user_id: number | null
  created_at: DbTime
}

export interface ArticlesTable {
  id: Generated<number>
  slug: string
  section_id: number
  headline: string
  dek: string
  body_markdown: string
  body_html: string
  word_count: number
  status: ArticleStatus
  lead_photo_id: number | null
  published_at: NullableDbTime
  updated_at: NullableDbTime
  created_at: DbTime
  modified_at: DbTime
  /** null = the site's default comment mode. */
  comments_mode: CommentsMode | null
  label: ColumnType<ArticleLabel, ArticleLabel | undefined, ArticleLabel>
  /** Bumped by every save; a save names the version it was based on. */
  version: ColumnType<number, number | undefined, number>
  /** The user who created the story (null: a command or the demo). */
  created_by: ColumnType<number | null, number | null | undefined, number | null>
  seo_title: ColumnType<string, string | undefined, string>
  seo_description: ColumnType<string, string | undefined, string>
}

/** One saved state of a story's words. */
export interface ArticleRevisionsTable {
  id: Generated<number>
  article_id: number
  version: number
  /** null: a command, the demo or a migration. */
  user_id: number | null
  headline: string
  dek: string
  body_markdown: string
  /** The version this revision restored, if it was a restore. */
  restored_from: number | null
  created_at: DbTime
}

/** The workflow log: one row per change of a story's status. */
export interface ArticleEventsTable {
  id: Generated<number>
  article_id: number
  /** null: the scheduler or a command. */
  user_id: number | null
  /** null when the story was created. */
  from_status: ArticleStatus | null
  to_status: ArticleStatus
  at: DbTime
}

/** Public correction and update notes, shown above a story's body; never edited. */
export interface ArticleNotesTable {
  id: Generated<number>
  article_id: number
  kind: ArticleNoteKind
  body: string
  created_at: DbTime
  /** The user who added it; null for the CLI or a since-deleted user. */
  created_by: number | null
  created_by_name: string
}

export interface ArticleSlugRedirectsTable {
  old_slug: string
  article_id: number
  created_at: DbTime
}

export interface ArticleAuthorsTable {
  article_id: number
  author_id: number
  position: number
}

export interface TagsTable {
  id: Generated<number>
  slug: string
  name: string
}

export interface ArticleTagsTable {
  article_id: number
  tag_id: number
}

export interface ArticleViewsHourlyTable {
  article_id: number
  hour: DbTime
  views: number
}

export interface ArticleCoReadsTable {
  article_id: number
  other_article_id: number
  reads: number
  last_read_at: DbTime
}

/** Counted views of a story per UTC day (YYYY-MM-DD) and referring host name. */
export interface ArticleReferrersDailyTable {
  article_id: number
  day: string
  host: string
  views: number
}

/** Readers of a story who went on to another story the same UTC day. */
export interface ArticleContinuationsDailyTable {
  article_id: number
  day: string
  readers: number
}

/** The whole site's views per hour (the sum of that hour's buckets). */
export interface SiteViewsHourlyTable {
  hour: DbTime
  views: number
}

/** A section's or author's views per hour: its current stories' buckets summed (decision 0029). */
export type OwnerViewsHourlyTable<Owner extends string> = { hour: DbTime; views: number } & {
  [column in Owner]: number
}

export interface ViewSaltsTable {
  /** The UTC day, YYYY-MM-DD. */
  day: string
  salt: string
  created_at: DbTime
}

export interface EditorsPicksTable {
  list: PickList
  article_id: number
  position: number
  created_at: DbTime
  /** Must-reads only: when the pick stops showing (null: until changed). */
  expires_at: NullableDbTime
}

/** Every change to the front page's curation and banner: who, when, what. */
export interface FrontChangesTable {
  id: Generated<number>
  /** Null for a change the system made (an expiry), or once the user is removed. */
  user_id: number | null
  user_name: string
  action: string
  detail: string
  created_at: DbTime
}

/** The breaking-news banner; the newest one neither taken down nor expired is shown. */
export interface BreakingBannersTable {
  id: Generated<number>
  text: string
  link: string | null
  expires_at: DbTime
  created_by: number | null
  created_at: DbTime
  taken_down_at: NullableDbTime
  taken_down_by: number | null
  expiry_announced_at: NullableDbTime
}

export interface CommentsTable {
  id: Generated<number>
  article_id: number
  parent_id: number | null
  author_name: string
  author_email: string | null
  body: string
  status: CommentStatus
  reader_hash: string | null
  /** Salted hash of the poster's address (IPv4 or IPv6 /64); null for trusted callers. */
  address_hash: ColumnType<string | null, string | null | undefined, string | null>
  created_at: DbTime
  hold_reason: string | null
  report_count: ColumnType<number, number | undefined, number>
  /** When a moderator last approved it: reports then queue it instead of hiding it. */
  approved_at: NullableDbTime
  /** The newsroom user who wrote it (a staff reply); null for readers. */
  author_user_id: ColumnType<number | null, number | null | undefined, number | null>
  /** The badge shown beside a staff reply's name; null for readers. */
  author_badge: ColumnType<
    CommentBadge | null,
    CommentBadge | null | undefined,
    CommentBadge | null
  >
}

/** The badge of a comment written from the newsroom: a byline of the story, or anyone else there. */
export type CommentBadge = 'staff' | 'author'

export interface CommentReportsTable {
  comment_id: number
  /** One report per address (the primary key with comment_id). */
  address_hash: string
  created_at: DbTime
}

/** One row per posting address, updated first by every post so posts of one address queue. */
export interface CommentPostGatesTable {
  address_hash: string
  posted_at: DbTime
}

export interface CommentBannedReadersTable {
  reader_hash: string
  reason: string
  banned_by: string
  created_at: DbTime
}

/** A banned word or phrase in its matching form (see comments/moderation-rules.ts). */
export interface CommentBannedWordsTable {
  word: string
  added_by: string
  created_at: DbTime
}

export interface CommentModerationLogTable {
  id: Generated<number>
  comment_id: number | null
  reader_hash: string | null
  action: string
  actor: string
  note: string
  created_at: DbTime
}

/** The plain text of a published story as search shows it (the full-text index is per dialect). */
export interface SearchDocumentsTable {
  article_id: number
  headline: string
  dek: string
  body: string
  tags: string
  authors: string
  source_modified_at: DbTime
}

export interface SiteSecretsTable {
  name: string
  value: string
  created_at: DbTime
}

/** Admin-set overrides of configuration defaults (the settings screen); value is JSON. */
export interface SiteSettingsTable {
  key: string
  value: string
  updated_at: DbTime
  updated_by: number | null
}

/** A section's former slug, answered with a 301 to its current address. */
export interface SectionSlugRedirectsTable {
  old_slug: string
  section_id: number
  created_at: DbTime
}

/** Content API keys; only a hash of each key is kept. */
export interface ApiKeysTable {
  id: Generated<number>
  name: string
  prefix: string
  key_hash: string
  created_at: DbTime
  last_used_at: NullableDbTime
  revoked_at: NullableDbTime
}

/** A webhook subscription; `events` is comma-separated, `active` 1 or 0. */
export interface WebhooksTable {
  id: Generated<number>
  url: string
  events: string
  secret: string
  active: ColumnType<number, number | undefined, number>
  created_at: DbTime
  removed_at: NullableDbTime
}

export type WebhookDeliveryStatus = 'pending' | 'delivered' | 'failed' | 'cancelled'

/** One event for one webhook: the queue row and, once sent, its log entry. */
export interface WebhookDeliveriesTable {
  id: Generated<number>
  webhook_id: number
  event: string
  story_id: number | null
  payload: string
  status: WebhookDeliveryStatus
  attempts: ColumnType<number, number | undefined, number>
  next_attempt_at: NullableDbTime
  last_attempt_at: NullableDbTime
  last_status_code: number | null
  last_duration_ms: number | null
  last_error: string | null
  created_at: DbTime
  finished_at: NullableDbTime
}

/** Which local row a record from another platform became (kind: story, author, section, photo). */
export interface ImportSourcesTable {
  source: string
  kind: string
  source_id: string
  local_id: number
  created_at: DbTime
  updated_at: DbTime
}

/** An address a story had on another platform (a path, maybe with a query), redirected here. */
export interface ImportRedirectsTable {
  path: string
  article_id: number
  created_at: DbTime
}

/** An event written in the transaction of the change it announces, until webhooks take it. */
export interface EventOutboxTable {
  id: Generated<number>
  topic: OutboxTopic
  /** JSON of an OutboxEvent's subject. */
  payload: string
  created_at: DbTime
}

/** The changes the outbox records (what webhooks announce). */
export type OutboxTopic =
  'article.published' | 'article.updated' | 'article.unpublished' | 'comment.published'

/** The whole database as Kysely sees it. */
export interface Database {
  users: UsersTable
  sections: SectionsTable
  photos: PhotosTable
  authors: AuthorsTable
  articles: ArticlesTable
  article_slug_redirects: ArticleSlugRedirectsTable
  article_revisions: ArticleRevisionsTable
  article_events: ArticleEventsTable
  article_authors: ArticleAuthorsTable
  tags: TagsTable
  article_tags: ArticleTagsTable
  article_notes: ArticleNotesTable
  article_views_hourly: ArticleViewsHourlyTable
  article_co_reads: ArticleCoReadsTable
  article_referrers_daily: ArticleReferrersDailyTable
  article_continuations_daily: ArticleContinuationsDailyTable
  site_views_hourly: SiteViewsHourlyTable
  section_views_hourly: OwnerViewsHourlyTable<'section_id'>
  author_views_hourly: OwnerViewsHourlyTable<'author_id'>
  /** Stories per workflow status, kept by triggers on articles (migration 0026). */
  article_status_counts: { status: string; stories: number }
  view_salts: ViewSaltsTable
  editors_picks: EditorsPicksTable
  comments: CommentsTable
  comment_reports: CommentReportsTable
  comment_post_gates: CommentPostGatesTable
  comment_banned_readers: CommentBannedReadersTable
  comment_moderation_log: CommentModerationLogTable
  comment_banned_words: CommentBannedWordsTable
  site_secrets: SiteSecretsTable
  site_settings: SiteSettingsTable
  section_slug_redirects: SectionSlugRedirectsTable
  api_keys: ApiKeysTable
  webhooks: WebhooksTable
  webhook_deliveries: WebhookDeliveriesTable
  newsroom_sessions: NewsroomSessionsTable
  sign_in_throttles: SignInThrottlesTable
  password_reset_tokens: PasswordResetTokensTable
  search_documents: SearchDocumentsTable
  import_sources: ImportSourcesTable
  import_redirects: ImportRedirectsTable
  event_outbox: EventOutboxTable
  job_leases: JobLeasesTable
  view_readers: ViewReadersTable
  view_address_counts: ViewAddressCountsTable
  api_rate_windows: ApiRateWindowsTable
  front_changes: FrontChangesTable
  breaking_banners: BreakingBannersTable
}

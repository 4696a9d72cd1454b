/**
 * The masthead export format (docs/export-format.md): which tables go into the file, under which
 * key, with which columns and types. Export and restore both read this one description, so the
 * two cannot drift apart; a change to it is a new format version.
 */

import type { Database } from '../../db/schema.js'

/** What the file's `format` says. */
export const EXPORT_FORMAT = 'masthead-export'
/** The version this code writes and the only one it reads. */
export const EXPORT_VERSION = 1

/** The password_hash of a restored user: matches no password (passwords are never exported). */
export const NO_PASSWORD = '!'

/** A column's JSON type; `?` allows null. Times are ISO-8601 UTC strings in the file. */
export type ColumnType = 'int' | 'int?' | 'text' | 'text?' | 'time' | 'time?'

/** One table as the file holds it: a top-level array, or an array inside each story. */
export interface TableSpec {
  /** The key in the file. */
  key: string
  table: keyof Database
  /** Column name (as in the database) → its type, in the order written. */
  columns: Readonly<Record<string, ColumnType>>
  /** The columns a stable order is read by (the id where there is one). */
  order: readonly string[]
  /** A generated `id` column: PostgreSQL's sequence is moved past the restored ids. */
  serial?: boolean
  /** Columns the file leaves out that a restore fills with these values. */
  fill?: Readonly<Record<string, string>>
}

/** A table nested in each story: its rows name the story by `parent`, which the file omits. */
export interface ChildSpec extends TableSpec {
  parent: string
}

const users: TableSpec = {
  key: 'users',
  table: 'users',
  // No password_hash: a restored user sets a new password (masthead user reset-password).
  columns: { id: 'int', email: 'text', name: 'text', role: 'text', created_at: 'time', updated_at: 'time', deactivated_at: 'time?' }, // prettier-ignore
  order: ['id'],
  serial: true,
  // Not an argon2 hash: no password matches it (sign-in fails) until one is set.
  fill: { password_hash: NO_PASSWORD },
}

const photos: TableSpec = {
  key: 'photos',
  table: 'photos',
  columns: { id: 'int', storage_key: 'text', mime_type: 'text', width: 'int', height: 'int', alt: 'text', caption: 'text', credit: 'text', created_at: 'time', original_name: 'text', uploaded_by: 'int?' }, // prettier-ignore
  order: ['id'],
  serial: true,
}

const sections: TableSpec = {
  key: 'sections',
  table: 'sections',
  columns: { id: 'int', slug: 'text', name: 'text', description: 'text', position: 'int', created_at: 'time' }, // prettier-ignore
  order: ['id'],
  serial: true,
}

/** A section's former addresses (renamed on the sections screen), which answer 301. */
const sectionRedirects: TableSpec = {
  key: 'sectionRedirects',
  table: 'section_slug_redirects',
  columns: { old_slug: 'text', section_id: 'int', created_at: 'time' },
  order: ['old_slug'],
}

/** What admins set on the settings screen (over the configuration's defaults). */
const siteSettings: TableSpec = {
  key: 'siteSettings',
  table: 'site_settings',
  columns: { key: 'text', value: 'text', updated_at: 'time', updated_by: 'int?' },
  order: ['key'],
}

const authors: TableSpec = {
  key: 'authors',
  table: 'authors',
  columns: { id: 'int', slug: 'text', name: 'text', job_title: 'text', bio: 'text', email: 'text', photo_id: 'int?', user_id: 'int?', created_at: 'time' }, // prettier-ignore
  order: ['id'],
  serial: true,
}

const tags: TableSpec = {
  key: 'tags',
  table: 'tags',
  columns: { id: 'int', slug: 'text', name: 'text' },
  order: ['id'],
  serial: true,
}

const stories: TableSpec = {
  key: 'stories',
  table: 'articles',
  columns: { id: 'int', slug: 'text', section_id: 'int', headline: 'text', dek: 'text', body_markdown: 'text', body_html: 'text', word_count: 'int', status: 'text', label: 'text', lead_photo_id: 'int?', published_at: 'time?', updated_at: 'time?', created_at: 'time', modified_at: 'time', comments_mode: 'text?', version: 'int', created_by: 'int?', seo_title: 'text', seo_description: 'text' }, // prettier-ignore
  order: ['id'],
  serial: true,
}

/** What each story carries inside it, in the order written. */
export const STORY_CHILDREN: readonly ChildSpec[] = [
  {
    key: 'authors',
    table: 'article_authors',
    parent: 'article_id',
    columns: { author_id: 'int', position: 'int' },
    order: ['position', 'author_id'],
  },
  {
    key: 'tags',
    table: 'article_tags',
    parent: 'article_id',
    columns: { tag_id: 'int' },
    order: ['tag_id'],
  },
  {
    key: 'revisions',
    table: 'article_revisions',
    parent: 'article_id',
    columns: { id: 'int', version: 'int', user_id: 'int?', headline: 'text', dek: 'text', body_markdown: 'text', restored_from: 'int?', created_at: 'time' }, // prettier-ignore
    order: ['id'],
    serial: true,
  },
  {
    key: 'notes',
    table: 'article_notes',
    parent: 'article_id',
    columns: { id: 'int', kind: 'text', body: 'text', created_at: 'time', created_by: 'int?', created_by_name: 'text' }, // prettier-ignore
    order: ['id'],
    serial: true,
  },
  {
    key: 'events',
    table: 'article_events',
    parent: 'article_id',
    columns: { id: 'int', user_id: 'int?', from_status: 'text?', to_status: 'text', at: 'time' },
    order: ['id'],
    serial: true,
  },
  {
    key: 'oldSlugs',
    table: 'article_slug_redirects',
    parent: 'article_id',
    columns: { old_slug: 'text', created_at: 'time' },
    order: ['old_slug'],
  },
  {
    key: 'oldAddresses',
    table: 'import_redirects',
    parent: 'article_id',
    columns: { path: 'text', created_at: 'time' },
    order: ['path'],
  },
]

const picks: TableSpec = {
  key: 'picks',
  table: 'editors_picks',
  columns: { list: 'text', article_id: 'int', position: 'int', created_at: 'time', expires_at: 'time?' }, // prettier-ignore
  order: ['list', 'position', 'article_id'],
}

const frontChanges: TableSpec = {
  key: 'frontChanges',
  table: 'front_changes',
  columns: { id: 'int', user_id: 'int?', user_name: 'text', action: 'text', detail: 'text', created_at: 'time' }, // prettier-ignore
  order: ['id'],
  serial: true,
}

const breakingBanners: TableSpec = {
  key: 'breakingBanners',
  table: 'breaking_banners',
  columns: { id: 'int', text: 'text', link: 'text?', expires_at: 'time', created_by: 'int?', created_at: 'time', taken_down_at: 'time?', taken_down_by: 'int?', expiry_announced_at: 'time?' }, // prettier-ignore
  order: ['id'],
  serial: true,
}

const comments: TableSpec = {
  key: 'comments',
  table: 'comments',
  // No address_hash: it is salted with this site's secret and means nothing elsewhere.
  columns: { id: 'int', article_id: 'int', parent_id: 'int?', author_name: 'text', author_email: 'text?', body: 'text', status: 'text', reader_hash: 'text?', created_at: 'time', hold_reason: 'text?', report_count: 'int', approved_at: 'time?', author_user_id: 'int?', author_badge: 'text?' }, // prettier-ignore
  order: ['id'],
  serial: true,
}

const bannedReaders: TableSpec = {
  key: 'bannedReaders',
  table: 'comment_banned_readers',
  columns: { reader_hash: 'text', reason: 'text', banned_by: 'text', created_at: 'time' },
  order: ['reader_hash'],
}

const bannedWords: TableSpec = {
  key: 'bannedWords',
  table: 'comment_banned_words',
  columns: { word: 'text', added_by: 'text', created_at: 'time' },
  order: ['word'],
}

const moderationLog: TableSpec = {
  key: 'moderationLog',
  table: 'comment_moderation_log',
  columns: { id: 'int', comment_id: 'int?', reader_hash: 'text?', action: 'text', actor: 'text', note: 'text', created_at: 'time' }, // prettier-ignore
  order: ['id'],
  serial: true,
}

const importSources: TableSpec = {
  key: 'importSources',
  table: 'import_sources',
  columns: { source: 'text', kind: 'text', source_id: 'text', local_id: 'int', created_at: 'time', updated_at: 'time' }, // prettier-ignore
  order: ['source', 'kind', 'source_id'],
}

/**
 * The top-level tables in file order: everything a row refers to comes before it, so a restore
 * inserts them in this order with every foreign key satisfied.
 */
export const EXPORT_TABLES: readonly TableSpec[] = [
  users,
  photos,
  sections,
  sectionRedirects,
  siteSettings,
  authors,
  tags,
  stories,
  picks,
  frontChanges,
  breakingBanners,
  comments,
  bannedReaders,
  bannedWords,
  moderationLog,
  importSources,
]

/** The key of the stories table, whose rows carry STORY_CHILDREN. */
export const STORIES_KEY = stories.key
/** The key of the photos table, whose rows carry `files`. */
export const PHOTOS_KEY = photos.key

/** The folder beside `file` that holds the photos' files: `site.json` → `site.json.media`. */
export function mediaFolderOf(file: string): string {
  return `${file}.media`
}

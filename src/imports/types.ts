/**
 * What every importer yields: one normalized record at a time, whatever the source format. The
 * runner (import-stories.ts) writes them through the newsroom and media services.
 */

/** Where a record sits in its source file, for messages ("line 1,204", "posts[17]"). */
export type Place = string

/** A section on the old platform (a WordPress category, a Ghost primary tag). */
export interface ImportedSection {
  kind: 'section'
  place: Place
  sourceId: string
  name: string
  /** The slug on the old platform; `--sections` maps it to one of ours. */
  slug?: string
  description?: string
}

/** A byline on the old platform (wp:author, a Ghost user). */
export interface ImportedAuthor {
  kind: 'author'
  place: Place
  sourceId: string
  name: string
  slug?: string
  email?: string
  bio?: string
}

/** An image file on the old platform (a WordPress attachment). */
export interface ImportedPhoto {
  kind: 'photo'
  place: Place
  sourceId: string
  /** Where the file can be fetched (http or https); also how bodies refer to it. */
  url?: string
  /** The file's path relative to `--media DIR` (e.g. "2019/05/harbour.jpg"). */
  file?: string
  alt?: string
  caption?: string
  credit?: string
}

/** A story's body in the old platform's source format. */
export type ImportedBody = { format: 'html'; text: string } | { format: 'markdown'; text: string }

/** A story on the old platform. */
export interface ImportedStory {
  kind: 'story'
  place: Place
  sourceId: string
  headline: string
  dek?: string
  body: ImportedBody
  /** An ImportedSection sourceId (or slug); absent: the first section here. */
  section?: string
  tags?: string[]
  /** ImportedAuthor sourceIds, byline order; absent or unknown: the "Staff" byline. */
  authors?: string[]
  /** Plain credit lines kept from the source (an agency), added to the end of the body. */
  credits?: string[]
  status: 'published' | 'draft'
  publishedAt?: Date
  updatedAt?: Date
  /** The slug on the old platform, kept when it is free here. */
  slug?: string
  /** Addresses the story had (absolute URLs or paths): each becomes a 301 to its new address. */
  oldUrls?: string[]
  /** An ImportedPhoto sourceId shown as the lead photo. */
  leadPhoto?: string
}

/** A record left out by design (a page, a menu item, a draft with --published-only). */
export interface SkippedRecord {
  kind: 'skip'
  place: Place
  /** What it was ("page", "nav_menu_item"), and its title or id when known. */
  what: string
  reason: string
}

/** A record that could not be read (broken markup, a missing title, a bad date). */
export interface MalformedRecord {
  kind: 'malformed'
  place: Place
  reason: string
}

/** One item an importer yields. */
export type ImportRecord =
  ImportedSection | ImportedAuthor | ImportedPhoto | ImportedStory | SkippedRecord | MalformedRecord

/** What an importer reads once at the start: the system and site its ids belong to. */
export interface ImportSource {
  /** Names the id space, e.g. "wordpress https://example.org": ids repeat across sites. */
  name: string
}

/** How the run treats records (the CLI's options). */
export interface ImportOptions {
  /** Drafts are skipped with a reason. */
  publishedOnly?: boolean
  /** Old section slug (or id) → one of our section slugs. */
  sectionMap?: ReadonlyMap<string, string>
  /** A folder holding the old platform's media files (paths as ImportedPhoto.file). */
  mediaDir?: string
  /** Reads and checks everything, writes nothing. */
  dryRun?: boolean
  /** How long one photo download may take (default 5 s). */
  fetchTimeoutMs?: number
}

/** One line of the summary: a record skipped or failed, where, and why. */
export interface ImportNote {
  place: Place
  what: string
  reason: string
}

/** What a run did. */
export interface ImportSummary {
  created: number
  updated: number
  skipped: ImportNote[]
  errors: ImportNote[]
  /** Authors, sections and photos created (not counted as stories). */
  createdOther: { authors: number; sections: number; photos: number }
}

/** Progress as the runner reports it after each record. */
export interface ImportProgress {
  /** Records handled so far. */
  done: number
  /** Bytes of the source read so far, and its size (for a bar), when known. */
  bytesRead?: number
  totalBytes?: number
  created: number
  updated: number
  skipped: number
  errors: number
}

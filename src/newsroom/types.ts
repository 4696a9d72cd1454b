/** Newsroom domain objects: sections, authors, tags and articles, as services return them. */

import type {
  ArticleLabel,
  ArticleNoteKind,
  ArticleStatus,
  CommentsMode,
  PickList,
} from '../db/schema.js'
import type { Photo } from '../media/types.js'

export type { ArticleLabel, ArticleNoteKind, ArticleStatus, CommentsMode, PickList }

export interface Section {
  id: number
  slug: string
  name: string
  description: string
  position: number
}

/** Just enough of a section to label and link a story. */
export interface SectionRef {
  slug: string
  name: string
}

export interface AuthorSummary {
  id: number
  slug: string
  name: string
  jobTitle: string
}

export interface Author extends AuthorSummary {
  bio: string
  /** Public contact address shown in the author box. */
  email: string
  photo: Photo | null
}

export interface Tag {
  id: number
  slug: string
  name: string
}

/** A story as lists and rails show it. */
export interface ArticleSummary {
  id: number
  slug: string
  headline: string
  dek: string
  section: SectionRef
  publishedAt: Date
  /** Set when the story was edited after publication. */
  updatedAt: Date | null
  leadPhoto: Photo | null
  authors: AuthorSummary[]
  /** The type of work (news, analysis, opinion…), shown beside the section. */
  label: ArticleLabel
}

/** A public correction or update note on a story. */
export interface ArticleNote {
  id: number
  kind: ArticleNoteKind
  /** Plain text, one paragraph. */
  text: string
  createdAt: Date
}

/** A correction as the /corrections page lists it: the note and the story it corrects. */
export interface CorrectionEntry {
  note: ArticleNote
  story: { id: number; slug: string; headline: string; section: SectionRef }
}

/** A published story with everything its page shows. */
export interface Article extends Omit<ArticleSummary, 'authors'> {
  status: ArticleStatus
  /** Sanitized HTML rendered from the Markdown source on save. */
  bodyHtml: string
  wordCount: number
  authors: Author[]
  tags: Tag[]
  /** Last change of any kind (for Last-Modified). */
  modifiedAt: Date
  /** Public correction and update notes, oldest first. */
  notes: ArticleNote[]
  /** The title search engines and link previews show; '' = the headline. */
  seoTitle: string
  /** The description search engines and link previews show; '' = the dek. */
  seoDescription: string
}

/** One page of a paginated list. */
export interface Page<T> {
  items: T[]
  page: number
  perPage: number
  total: number
  totalPages: number
}

/** What a lookup by slug finds: the story, or the slug it now lives at. */
export type ArticleLookup =
  { kind: 'found'; article: Article } | { kind: 'moved'; slug: string; section: SectionRef }

export interface ArticleListFilter {
  sectionId?: number
  authorId?: number
  tagId?: number
}

export interface NewArticle {
  headline: string
  dek?: string
  /** Markdown; rendered and sanitized on save. */
  bodyMarkdown: string
  sectionId: number
  authorIds: number[]
  tagNames?: string[]
  leadPhotoId?: number | null
  /** Defaults to a slug of the headline, made unique. */
  slug?: string
  status?: ArticleStatus
  publishedAt?: Date | null
  updatedAt?: Date | null
  /** Defaults to 'news'. */
  label?: ArticleLabel
  seoTitle?: string
  seoDescription?: string
  /** null or absent: the site's default. */
  commentsMode?: CommentsMode | null
}

export interface ArticleChanges {
  headline?: string
  dek?: string
  bodyMarkdown?: string
  sectionId?: number
  slug?: string
  leadPhotoId?: number | null
  tagNames?: string[]
  authorIds?: number[]
  label?: ArticleLabel
  seoTitle?: string
  seoDescription?: string
  /** null: back to the site's default. */
  commentsMode?: CommentsMode | null
}

/** A published story as the ranking engine keeps it in memory: enough to label and link it. */
export interface CatalogueStory {
  id: number
  slug: string
  headline: string
  section: SectionRef
  sectionId: number
  status: ArticleStatus
  publishedAt: Date
  updatedAt: Date | null
}

/** A published story's words, for the related-stories index. */
export interface StoryText {
  id: number
  headline: string
  dek: string
  /** The Markdown source. */
  body: string
  tags: string[]
}

/** Ids after `afterId` up to and including `throughId` (a keyset page within a sitemap block). */
export interface IdRange {
  afterId: number
  throughId: number
}

/** A visible story as sitemaps list it: its address parts, dates and lead photo. */
export interface ListedStory {
  id: number
  slug: string
  headline: string
  section: { slug: string }
  publishedAt: Date
  /** The update time, else the publication time. */
  lastModified: Date
  leadPhoto: { storageKey: string; width: number; height: number; caption: string } | null
}

/** A section, author or tag as sitemaps list it, with the newest change among its visible stories. */
export interface ListedEntry {
  id: number
  slug: string
  lastModified: Date | null
}

/** One block of ids (see Listings.ranges): how many visible entries it holds and their newest change. */
export interface RangeSummary {
  block: number
  count: number
  lastModified: Date
}

/** A visible story as feeds show it: the summary, its tags and (for full-text feeds) its body. */
export interface FeedStory extends ArticleSummary {
  tags: Tag[]
  /** Sanitized HTML; null when only excerpts were asked for. */
  bodyHtml: string | null
}

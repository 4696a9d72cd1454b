/** The newsroom's public contract: what web, CLI, demo and other domains may call. */

import type { Actor } from '../accounts/index.js'
import type { Photo } from '../media/types.js'
import type { Listings } from './listings.js'
import type { FrontDesk } from './front-desk.js'
import type { StoryDesk } from './story-desk.js'
import type {
  Article,
  ArticleChanges,
  ArticleListFilter,
  ArticleLookup,
  ArticleNote,
  ArticleSummary,
  Author,
  AuthorSummary,
  CatalogueStory,
  CommentsMode,
  CorrectionEntry,
  NewArticle,
  Page,
  PickList,
  Section,
  StoryText,
  Tag,
} from './types.js'
import type { ContentQuery } from './content-queries.js'

export interface Newsroom {
  // Reading (reader site). Every list is bounded and only ever shows published stories.
  /** All sections in navigation order. */
  listSections(): Promise<Section[]>
  getSection(slug: string): Promise<Section | undefined>
  getAuthor(slug: string): Promise<Author | undefined>
  /** Every author's display name (readers' comment names may not imitate them). */
  authorNames(): Promise<string[]>
  getTag(slug: string): Promise<Tag | undefined>
  /**
   * A published story by slug (current or former); drafts and unknown slugs give undefined. With
   * `likelyId` (the engine's catalogue knows the slug) its authors, tags and notes are read
   * alongside the story, a database round trip fewer; a wrong guess is read again.
   */
  findPublishedArticle(slug: string, likelyId?: number): Promise<ArticleLookup | undefined>
  /**
   * The id of the story readers may see at `slug`, following a rename (a former slug resolves to
   * its story); undefined for drafts, scheduled or future stories and unknown slugs.
   */
  resolvePublishedId(slug: string): Promise<number | undefined>
  /**
   * A story's own comment mode (null = the site default) and whether readers may see it now;
   * undefined when there is no such story.
   */
  commentsMode(
    articleId: number,
  ): Promise<{ mode: CommentsMode | null; visible: boolean } | undefined>
  /** The newsroom users behind a story's bylines (for the "Author" badge on their replies). */
  bylineUserIds(articleId: number): Promise<number[]>
  /** Newest published stories, optionally in one section, never those in `excludeIds`. */
  latestArticles(options: {
    sectionId?: number
    limit: number
    excludeIds?: readonly number[]
  }): Promise<ArticleSummary[]>
  /** One page (1-based) of published stories matching `filter`, newest first. */
  listArticles(
    filter: ArticleListFilter,
    page: number,
    perPage: number,
  ): Promise<Page<ArticleSummary>>
  /** Published summaries for these ids, in the order given (unknown or unpublished ids are dropped). */
  summariesByIds(ids: readonly number[]): Promise<ArticleSummary[]>
  /** Tag ids per published article, for the ranking engine. */
  tagIdsByArticle(ids: readonly number[]): Promise<Map<number, number[]>>
  /** Published stories sharing tags with `articleId`, most shared first, then newest (bounded). */
  storiesSharingTags(
    articleId: number,
    limit: number,
  ): Promise<{ id: number; sharedTags: number }[]>
  /** The editors' picks of `list`, in their order, published only. */
  pickedArticles(list: PickList, limit: number): Promise<ArticleSummary[]>
  /** Number of published stories. */
  countPublished(): Promise<number>
  /** One page (1-based) of corrections on published stories, newest first (the /corrections page). */
  listCorrections(page: number, perPage: number): Promise<Page<CorrectionEntry>>
  /** Every published story's label (or only `ids`'), for the ranking engine's memory. */
  catalogueStories(ids?: readonly number[]): Promise<CatalogueStory[]>
  /** Published stories' words by ascending id page, or of `ids`, for the related-stories index. */
  storyTexts(
    selection: { afterId: number; limit: number } | { ids: readonly number[] },
  ): Promise<StoryText[]>
  /** Whole-catalogue walks and aggregates for feeds and sitemaps (keyset pages, bounded). */
  readonly listings: Listings

  // Writing (newsroom, CLI, demo). Markdown is rendered and sanitized here, on save.
  createSection(input: {
    slug?: string
    name: string
    description?: string
    position?: number
  }): Promise<Section>
  /** Adds a section at the end of the navigation (from the settings screen); announces sections.changed. */
  addSection(name: string): Promise<Section>
  /** Renames a section, and with `slug` moves its address (the old one redirects); announces sections.changed. */
  renameSection(id: number, name: string, slug?: string): Promise<Section>
  /** The current slug of a section once at `oldSlug` (for a 301), if any. */
  sectionRedirect(oldSlug: string): Promise<string | undefined>
  /** Moves a section one place in the navigation order; announces sections.changed. */
  moveSection(id: number, direction: 'up' | 'down'): Promise<Section[]>
  createAuthor(input: {
    name: string
    slug?: string
    jobTitle?: string
    bio?: string
    email?: string
    photoId?: number | null
    userId?: number | null
  }): Promise<Author>
  createArticle(input: NewArticle): Promise<Article>
  /** Edits a story; a changed slug keeps the old one as a redirect. */
  updateArticle(id: number, changes: ArticleChanges): Promise<Article>
  /** Publishes a draft now (or at `at`), emitting article.published. */
  publishArticle(id: number, at?: Date): Promise<Article>
  /**
   * Adds a public correction or update note to a published story (permission story.correct):
   * the story's updated time becomes now and article.updated is emitted.
   */
  addArticleNote(
    actor: Actor,
    articleId: number,
    note: { kind: string; text: string },
  ): Promise<ArticleNote>
  /** Sets a story's own comment mode (null = the site default); throws ARTICLE_NOT_FOUND. */
  setCommentsMode(articleId: number, mode: CommentsMode | null): Promise<void>
  /** Replaces the picks of `list` with `articleIds`, in that order. */
  /** Content API: one keyset page of visible stories, newest first. */
  contentPage(query: ContentQuery): Promise<ArticleSummary[]>
  /** The tags of each story in `ids`. */
  tagsByArticle(ids: readonly number[]): Promise<Map<number, Tag[]>>
  /** Tags on visible stories, with their counts, most used first. */
  tagsInUse(): Promise<(Tag & { stories: number })[]>
  /** Every author with their count of visible stories. */
  authorsWithCounts(): Promise<(AuthorSummary & { bio: string; stories: number })[]>
  /** A story's Markdown source. */
  markdownOf(articleId: number): Promise<string | undefined>
  setPicks(list: PickList, articleIds: readonly number[]): Promise<void>

  // The story desk (newsroom screens): every call takes the Actor it acts for.
  readonly stories: StoryDesk
  /** The front page's curation (top stories, Must-Reads) and the breaking-news banner. */
  readonly front: FrontDesk
  /** True when the story at `slug` (current or former) was unpublished: readers get 410 Gone. */
  wasUnpublished(slug: string): Promise<boolean>
}

/** Resolves photos by id; media provides it so newsroom can render body figures with credits. */
export type PhotoLookup = (ids: readonly number[]) => Promise<Map<number, Photo>>

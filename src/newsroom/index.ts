/** The newsroom's public surface: createNewsroom and the types other layers use. */

import type { Db } from '../db/database.js'
import type { Bus } from '../infra/bus/bus.js'
import type { Clock } from '../lib/clock.js'
import { isSlug } from '../lib/slug.js'
import { createArticleWriter, type PlacementMoved } from './articles.js'
import { authorNames } from './author-queries.js'
import { createAuthors } from './authors.js'
import { catalogueStories, storyTexts } from './catalogue-queries.js'
import {
  authorsWithCounts,
  contentPage,
  markdownOf,
  tagsByArticle,
  tagsInUse,
} from './content-queries.js'
import { createListings, type Listings } from './listings.js'
import type { Newsroom, PhotoLookup } from './newsroom.js'
import { createStoryNotes } from './notes.js'
import { createFrontDesk } from './front-desk.js'
import { createPicks } from './picks.js'
import { createPublishedArticles } from './published-articles.js'
import { tagBySlug } from './section-queries.js'
import { bylineUserIds } from './story-history-queries.js'
import { createSections } from './sections.js'
import { createStoryDesk } from './story-desk.js'
import { isUnpublishedSlug } from './story-desk-queries.js'
import type { PermissionSettings } from '../accounts/index.js'

export type * from './types.js'
export type { Listings, Newsroom, PhotoLookup }
export type { PlacementMoved, StoryPlacement } from './articles.js'
export type { ContentCursor, ContentQuery } from './content-queries.js'
export { articleNotFound } from './errors.js'
export { isVisibleToReaders } from './article-rules.js'
export { ARTICLE_LABELS, parseArticleLabel } from './story-labels.js'
export { NOTE_KINDS, NOTE_MAX_LENGTH } from './notes.js'
export { storyDates, type StoryDates } from './story-dates.js'
export type * from './story-desk.js'
export { publishDueJob } from './jobs/publish-due.js'
export { expireFrontJob } from './jobs/expire-front.js'
export type {
  BannerInput,
  BreakingBanner,
  FrontBoard,
  FrontChange,
  FrontDesk,
  PickedStoryRow,
} from './front-desk.js'
export { BANNER_TEXT_MAX, MUST_READ_SLOTS } from './front-rules.js'
export { readerVisible } from './visibility-queries.js'

export interface NewsroomDeps {
  db: Db
  clock: Clock
  bus: Bus
  /** Resolves photo ids (media.getPhotos), for body figures and lead photos. */
  photos: PhotoLookup
  /** Site settings that change who may publish (default: authors may not). */
  permissions?: PermissionSettings
  /** Told in the transaction when a save moves a story to another section or byline. */
  placementMoved?: PlacementMoved
}

/**
 * Builds the newsroom service.
 * @example const newsroom = createNewsroom({ db, clock, bus, photos: media.getPhotos })
 */
export function createNewsroom({
  db,
  clock,
  bus,
  photos,
  permissions,
  placementMoved,
}: NewsroomDeps): Newsroom {
  const sections = createSections({ db, clock })
  // Every process keeps the section list in memory: a change in any of them (the event travels
  // over a shared bus) or a gap in the bus reloads it. Subscribed before the web layer's page
  // cache, so the list is fresh before the pages that show it are purged.
  bus.subscribe('sections.changed', () => sections.reload())
  bus.onGap(() => sections.reload())
  const authors = createAuthors({ db, clock, photos })
  const reading = createPublishedArticles({ db, clock, bus })
  const writer = createArticleWriter({ db, clock, bus, photos, sections, placementMoved })
  const picks = createPicks({ db, clock, bus })
  const notes = createStoryNotes({ db, clock, bus })
  const stories = createStoryDesk({
    db,
    clock,
    bus,
    writer,
    photos,
    ...(permissions ? { permissions } : {}),
  })

  return {
    listSections: () => sections.list(),
    getSection: async (slug) => (isSlug(slug) ? sections.bySlug(slug) : undefined),
    getAuthor: (slug) => authors.bySlug(slug),
    authorNames: () => authorNames(db),
    getTag: async (slug) => (isSlug(slug) ? tagBySlug(db, slug) : undefined),
    findPublishedArticle: (slug, likelyId) => reading.findPublished(slug, likelyId),
    resolvePublishedId: (slug) => reading.resolveId(slug),
    commentsMode: (articleId) => reading.commentsMode(articleId),
    bylineUserIds: (articleId) => bylineUserIds(db, articleId),
    latestArticles: (options) => reading.latest(options),
    listArticles: (filter, page, perPage) => reading.list(filter, page, perPage),
    summariesByIds: (ids) => reading.byIds(ids),
    tagIdsByArticle: (ids) => reading.tagIds(ids),
    storiesSharingTags: (articleId, limit) => reading.sharingTags(articleId, limit),
    pickedArticles: (list, limit) => reading.picked(list, limit),
    countPublished: () => reading.count(),
    listCorrections: (page, perPage) => notes.corrections(page, perPage),
    catalogueStories: (ids) => catalogueStories(db, ids),
    storyTexts: (selection) => storyTexts(db, selection),
    listings: createListings({ db, clock }),
    createSection: (input) => sections.create(input),
    addSection: async (name) => {
      const section = await sections.create({ name, position: (await sections.list()).length })
      await bus.publish('sections.changed', { sectionId: section.id })
      return section
    },
    sectionRedirect: async (slug) => (isSlug(slug) ? sections.redirectFor(slug) : undefined),
    renameSection: async (id, name, slug) => {
      const section = await sections.rename(id, name, slug)
      await bus.publish('sections.changed', { sectionId: id })
      return section
    },
    moveSection: async (id, direction) => {
      const order = await sections.move(id, direction)
      await bus.publish('sections.changed', { sectionId: id })
      return order
    },
    createAuthor: (input) => authors.create(input),
    createArticle: (input) => writer.create(input),
    updateArticle: (id, changes) => writer.update(id, changes),
    publishArticle: (id, at) => writer.publish(id, at),
    addArticleNote: (actor, articleId, note) => notes.add(actor, articleId, note),
    setCommentsMode: (articleId, mode) => writer.setCommentsMode(articleId, mode),
    contentPage: (query) => contentPage(db, clock.now(), query),
    tagsByArticle: (ids) => tagsByArticle(db, ids),
    tagsInUse: () => tagsInUse(db, clock.now()),
    authorsWithCounts: () => authorsWithCounts(db, clock.now()),
    markdownOf: (id) => markdownOf(db, id),
    setPicks: (list, ids) => picks.set(list, ids),
    stories,
    front: createFrontDesk({ db, clock, bus }),
    wasUnpublished: async (slug) => isSlug(slug) && isUnpublishedSlug(db, slug),
  }
}

/** Writing stories: create, edit and publish, rendering Markdown on save and announcing changes. */

import type { Db } from '../db/database.js'
import { classifyDbError } from '../db/dialect/classify-db-error.js'
import { appendOutboxEvent } from '../db/event-outbox.js'
import { toDbTime } from '../db/time-codec.js'
import type { Bus } from '../infra/bus/bus.js'
import type { ArticleEvent } from '../infra/bus/events.js'
import type { Clock } from '../lib/clock.js'
import { isSlug } from '../lib/slug.js'
import { articleById } from './article-queries.js'
import type { renderArticleBody } from './article-render.js'
import { loadArticleRender } from './article-render-loader.js'
import {
  assertTransition,
  bylineOrder,
  changesReadableContent,
  initialPublishedAt,
  isVisibleToReaders,
  normalizeHeadline,
  normalizeTagNames,
  parseArticleStatus,
} from './article-rules.js'
import {
  addSlugRedirect,
  insertArticle,
  removeSlugRedirect,
  replaceArticleAuthors,
  replaceArticleTags,
  type StoredArticle,
  storedArticle,
  takenArticleSlugs,
  updateArticleRow,
  updateCommentsMode,
  setPublication,
} from './article-write-queries.js'
import { existingAuthorIds } from './author-queries.js'
import {
  articleAuthorsRequired,
  articleAuthorUnknown,
  articleLeadPhotoUnknown,
  articleNotFound,
  articleSectionUnknown,
  articleSlugInvalid,
  articleSlugTaken,
} from './errors.js'
import type { PhotoLookup } from './newsroom.js'
import { parseArticleLabel } from './story-labels.js'
import { ensureTags } from './section-queries.js'
import type { Sections } from './sections.js'
import { baseSlug, firstFreeSlug, slugCandidates } from './slug-rules.js'
import { storyVersionConflict } from './story-errors.js'
import {
  bumpVersion,
  insertRevision,
  insertStoryEvent,
  storyRevisions,
} from './story-history-queries.js'
import { checkSeo } from './story-rules.js'
import type { Article, ArticleChanges, CommentsMode, NewArticle, Section } from './types.js'

/** Who saves, and the version the save was based on (undefined: a command, which never conflicts). */
export interface SaveOptions {
  by?: number | null
  baseVersion?: number
  /** Set when the save restores this older version. */
  restoredFrom?: number
}

/** Where a story's views are counted: its section and the authors of its byline. */
export interface StoryPlacement {
  sectionId: number
  authorIds: readonly number[]
}

/**
 * Keeps figures that follow a story's section and byline (the dashboard's rollups, wired by
 * app.ts) in step: called in the transaction of a save that changes either, after the story's
 * row is locked, with its placement before and after.
 */
export type PlacementMoved = (
  db: Db,
  articleId: number,
  before: StoryPlacement,
  after: StoryPlacement,
) => Promise<void>

export interface ArticleWriterDeps {
  db: Db
  clock: Clock
  bus: Bus
  photos: PhotoLookup
  sections: Sections
  placementMoved?: PlacementMoved | undefined
}

/** Creates the writing side of the newsroom. */
export function createArticleWriter({
  db,
  clock,
  bus,
  photos,
  sections,
  placementMoved,
}: ArticleWriterDeps) {
  const sectionOf = async (id: number): Promise<Section> => {
    const section = await sections.byId(id)
    if (section === undefined) throw articleSectionUnknown(id)
    return section
  }

  const checkAuthors = async (ids: readonly number[]): Promise<number[]> => {
    const byline = bylineOrder(ids)
    if (byline.length === 0) throw articleAuthorsRequired()
    const found = await existingAuthorIds(db, byline)
    const missing = byline.filter((id) => !found.has(id))
    if (missing.length > 0) throw articleAuthorUnknown(missing)
    return byline
  }

  const checkLeadPhoto = async (photoId: number | null | undefined): Promise<void> => {
    if (photoId === null || photoId === undefined) return
    if (!(await photos([photoId])).has(photoId)) throw articleLeadPhotoUnknown(photoId)
  }

  const load = async (id: number): Promise<Article> => {
    const article = await articleById(db, id)
    if (article === undefined) throw articleNotFound({ id })
    return article
  }

  const create = async (input: NewArticle, by: number | null = null): Promise<Article> => {
    const now = clock.now()
    checkSeo(input)
    const headline = normalizeHeadline(input.headline)
    const status = parseArticleStatus(input.status ?? 'draft')
    const publishedAt = initialPublishedAt(status, input.publishedAt, now)
    const tags = normalizeTagNames(input.tagNames ?? [])
    const label = parseArticleLabel(input.label ?? 'news')
    if (input.slug !== undefined && !isSlug(input.slug)) throw articleSlugInvalid(input.slug)
    const section = await sectionOf(input.sectionId)
    const authorIds = await checkAuthors(input.authorIds)
    await checkLeadPhoto(input.leadPhotoId)
    const body = await renderBody(input.bodyMarkdown, photos)

    let slug = input.slug ?? baseSlug(headline, 'story')
    let tagIds: number[] = []
    let id: number
    try {
      id = await db.transaction().execute(async (trx) => {
        slug = await chooseSlug(trx, input.slug, headline, now)
        const articleId = await insertArticle(trx, {
          slug,
          section_id: section.id,
          headline,
          dek: input.dek?.trim() ?? '',
          body_markdown: input.bodyMarkdown,
          body_html: body.html,
          word_count: body.wordCount,
          status,
          label,
          lead_photo_id: input.leadPhotoId ?? null,
          published_at: publishedAt === null ? null : toDbTime(publishedAt),
          updated_at: input.updatedAt ? toDbTime(input.updatedAt) : null,
          created_at: toDbTime(now),
          modified_at: toDbTime(now),
          created_by: by,
          seo_title: input.seoTitle?.trim() ?? '',
          seo_description: input.seoDescription?.trim() ?? '',
          comments_mode: input.commentsMode ?? null,
        })
        const words = { headline, dek: input.dek?.trim() ?? '', bodyMarkdown: input.bodyMarkdown }
        await insertRevision(trx, { articleId, version: 1, userId: by, ...words, at: now })
        await insertStoryEvent(trx, { articleId, userId: by, from: null, to: status, at: now })
        // An explicit slug may reuse a former slug of another story; the live story wins.
        await removeSlugRedirect(trx, slug)
        await replaceArticleAuthors(trx, articleId, authorIds)
        tagIds = await ensureTags(trx, tags)
        await replaceArticleTags(trx, articleId, tagIds)
        if (status === 'published')
          await appendOutboxEvent(
            trx,
            'article.published',
            { articleId, slug, sectionSlug: section.slug },
            now,
          )
        return articleId
      })
    } catch (error) {
      if (classifyDbError(error) === 'unique') throw articleSlugTaken(slug)
      throw error
    }
    if (status === 'published') {
      await bus.publish('article.published', {
        articleId: id,
        slug,
        sectionSlug: section.slug,
        authorIds,
        tagIds,
      })
    }
    return load(id)
  }

  const update = async (
    id: number,
    changes: ArticleChanges,
    options: SaveOptions = {},
  ): Promise<Article> => {
    const now = clock.now()
    const current = await storedArticle(db, id)
    if (current === undefined) throw articleNotFound({ id })
    checkSeo(changes)
    const headline =
      changes.headline === undefined ? undefined : normalizeHeadline(changes.headline)
    const tags = changes.tagNames === undefined ? undefined : normalizeTagNames(changes.tagNames)
    const label = changes.label === undefined ? undefined : parseArticleLabel(changes.label)
    const newSlug =
      changes.slug !== undefined && changes.slug !== current.slug ? changes.slug : undefined
    if (newSlug !== undefined && !isSlug(newSlug)) throw articleSlugInvalid(newSlug)
    const section = changes.sectionId === undefined ? undefined : await sectionOf(changes.sectionId)
    const authorIds =
      changes.authorIds === undefined ? undefined : await checkAuthors(changes.authorIds)
    await checkLeadPhoto(changes.leadPhotoId)
    const body =
      changes.bodyMarkdown === undefined
        ? undefined
        : await renderBody(changes.bodyMarkdown, photos)
    const visible = isVisibleToReaders(current, now)

    let tagIds = current.tagIds
    let stale = false
    try {
      await db.transaction().execute(async (trx) => {
        // First, so that a save based on an older version changes nothing at all.
        const version = await bumpVersion(trx, id, options.baseVersion)
        if (version === undefined) {
          stale = true
          throw new Error('stale version')
        }
        // Read under the row lock bumpVersion took: the placement this save moves away from.
        const before =
          placementMoved !== undefined && (section !== undefined || authorIds !== undefined)
            ? await storedArticle(trx, id)
            : undefined
        if (newSlug !== undefined) {
          if ((await takenArticleSlugs(trx, [newSlug], false)).size > 0)
            throw articleSlugTaken(newSlug)
          await addSlugRedirect(trx, current.slug, id, now)
          await removeSlugRedirect(trx, newSlug)
        }
        await updateArticleRow(trx, id, {
          ...(headline === undefined ? {} : { headline }),
          ...(changes.dek === undefined ? {} : { dek: changes.dek.trim() }),
          ...(body === undefined || changes.bodyMarkdown === undefined
            ? {}
            : {
                body_markdown: changes.bodyMarkdown,
                body_html: body.html,
                word_count: body.wordCount,
              }),
          ...(section === undefined ? {} : { section_id: section.id }),
          ...(newSlug === undefined ? {} : { slug: newSlug }),
          ...(changes.leadPhotoId === undefined ? {} : { lead_photo_id: changes.leadPhotoId }),
          ...(label === undefined ? {} : { label }),
          ...(changes.seoTitle === undefined ? {} : { seo_title: changes.seoTitle.trim() }),
          ...(changes.seoDescription === undefined
            ? {}
            : { seo_description: changes.seoDescription.trim() }),
          ...(changes.commentsMode === undefined ? {} : { comments_mode: changes.commentsMode }),
          ...(visible && changesReadableContent(changes) ? { updated_at: toDbTime(now) } : {}),
          modified_at: toDbTime(now),
        })
        if (authorIds !== undefined) await replaceArticleAuthors(trx, id, authorIds)
        if (before !== undefined)
          await placementMoved?.(trx, id, before, {
            sectionId: section?.id ?? before.sectionId,
            authorIds: authorIds ?? before.authorIds,
          })
        if (tags !== undefined) {
          tagIds = await ensureTags(trx, tags)
          await replaceArticleTags(trx, id, tagIds)
        }
        const words = await trx
          .selectFrom('articles')
          .select(['headline', 'dek', 'body_markdown'])
          .where('id', '=', id)
          .executeTakeFirstOrThrow()
        await insertRevision(trx, {
          articleId: id,
          version,
          userId: options.by ?? null,
          headline: words.headline,
          dek: words.dek,
          bodyMarkdown: words.body_markdown,
          restoredFrom: options.restoredFrom ?? null,
          at: now,
        })
        // Drafts are invisible to every subscriber, as on the bus below.
        if (current.status === 'published')
          await appendOutboxEvent(
            trx,
            'article.updated',
            {
              articleId: id,
              slug: newSlug ?? current.slug,
              sectionSlug: section?.slug ?? current.sectionSlug,
            },
            now,
          )
      })
    } catch (error) {
      if (stale) throw await conflictFor(id, options.baseVersion ?? 0, changes)
      if (newSlug !== undefined && classifyDbError(error) === 'unique')
        throw articleSlugTaken(newSlug)
      throw error
    }

    // Drafts are invisible to every subscriber (page cache, search, feeds), so only live stories are announced.
    if (current.status === 'published') {
      const sectionSlug = section?.slug ?? current.sectionSlug
      await bus.publish('article.updated', {
        ...articleEvent(current, {
          slug: newSlug ?? current.slug,
          sectionSlug,
          authorIds: authorIds ?? current.authorIds,
          tagIds,
        }),
        ...(newSlug === undefined ? {} : { previousSlug: current.slug }),
        ...(sectionSlug === current.sectionSlug
          ? {}
          : { previousSectionSlug: current.sectionSlug }),
      })
    }
    return load(id)
  }

  /** The conflict error for a save based on `baseVersion`: both texts, and who saved the newer one. */
  const conflictFor = async (id: number, baseVersion: number, changes: ArticleChanges) => {
    const [latest] = await storyRevisions(db, id, 1)
    if (latest === undefined) return articleNotFound({ id })
    return storyVersionConflict({
      id,
      baseVersion,
      currentVersion: latest.version,
      current: { headline: latest.headline, dek: latest.dek, bodyMarkdown: latest.bodyMarkdown },
      yours: {
        ...(changes.headline === undefined ? {} : { headline: changes.headline }),
        ...(changes.dek === undefined ? {} : { dek: changes.dek }),
        ...(changes.bodyMarkdown === undefined ? {} : { bodyMarkdown: changes.bodyMarkdown }),
      },
      savedBy: latest.userName,
    })
  }

  const publish = async (id: number, at?: Date, by: number | null = null): Promise<Article> => {
    const now = clock.now()
    const current = await storedArticle(db, id)
    if (current === undefined) throw articleNotFound({ id })
    assertTransition(current.status, 'published')
    await db.transaction().execute(async (trx) => {
      await setPublication(trx, id, 'published', at ?? now, now)
      await insertStoryEvent(trx, {
        articleId: id,
        userId: by,
        from: current.status,
        to: 'published',
        at: now,
      })
      await appendOutboxEvent(
        trx,
        'article.published',
        { articleId: id, slug: current.slug, sectionSlug: current.sectionSlug },
        now,
      )
    })
    await bus.publish('article.published', articleEvent(current, {}))
    return load(id)
  }

  const chooseSlug = async (trx: Db, explicit: string | undefined, headline: string, now: Date) => {
    if (explicit !== undefined) {
      if ((await takenArticleSlugs(trx, [explicit], false)).size > 0)
        throw articleSlugTaken(explicit)
      return explicit
    }
    // Former slugs count as taken so that old links never start pointing at a different story.
    const candidates = slugCandidates(baseSlug(headline, 'story'))
    return firstFreeSlug(
      candidates,
      await takenArticleSlugs(trx, candidates, true),
      now.getTime().toString(36),
    )
  }

  /** Sets the story's own comment mode; the comments domain asks, the newsroom owns the column. */
  const setCommentsMode = async (id: number, mode: CommentsMode | null): Promise<void> => {
    if (!Number.isSafeInteger(id) || !(await updateCommentsMode(db, id, mode))) {
      throw articleNotFound({ id })
    }
  }

  return { create, update, publish, setCommentsMode }
}

/**
 * The event payload for a story. Author and tag ids are the union of before and after, so the
 * pages of a removed author or tag are purged too.
 */
export function articleEvent(
  current: StoredArticle,
  next: Partial<Pick<ArticleEvent, 'slug' | 'sectionSlug' | 'authorIds' | 'tagIds'>>,
): ArticleEvent {
  return {
    articleId: current.id,
    slug: next.slug ?? current.slug,
    sectionSlug: next.sectionSlug ?? current.sectionSlug,
    authorIds: [...new Set([...current.authorIds, ...(next.authorIds ?? [])])],
    tagIds: [...new Set([...current.tagIds, ...(next.tagIds ?? [])])],
  }
}

/**
 * Markdown rendering and sanitizing (markdown-it, sanitize-html) are loaded on the first save, not
 * when the server starts: reading pages never needs them.
 */
const renderBody: typeof renderArticleBody = async (...args) =>
  (await loadArticleRender()).renderArticleBody(...args)

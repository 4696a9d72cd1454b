/**
 * The story desk: the newsroom's writing service. Every call names the Actor it acts for and is
 * checked against the permission matrix here, not only on the screens.
 */

import {
  type Actor,
  can,
  type PermissionSettings,
  requirePermission,
  type StoryAccess,
} from '../accounts/index.js'
import type { Db } from '../db/database.js'
import type { Bus } from '../infra/bus/bus.js'
import type { Clock } from '../lib/clock.js'
import { diffText, type LineChange } from '../lib/text-diff.js'
import { canTransition } from './article-rules.js'
import { loadArticleRender } from './article-render-loader.js'
import { appendOutboxEvent } from '../db/event-outbox.js'
import { articleById } from './article-queries.js'
import { articleEvent, type createArticleWriter } from './articles.js'
import { storedArticle } from './article-write-queries.js'
import { articleNotFound, articleTransitionInvalid } from './errors.js'
import type { PhotoLookup } from './newsroom.js'
import { photosWithoutAlt } from './photo-alt-rules.js'
import {
  storyPhotoAltMissing,
  storyRevisionNotFound,
  storyScheduleInPast,
  storyVersionInvalid,
} from './story-errors.js'
import {
  authorChoices,
  deskStories,
  type DeskStoryFilter,
  type DeskStorySummary,
  dueScheduledIds,
  type EditableStory,
  editableStory,
  moveStatus,
} from './story-desk-queries.js'
import {
  insertStoryEvent,
  type StoryEvent,
  type StoryRevision,
  storyEvents,
  storyOwnerUserIds,
  storyRevision,
  storyRevisions,
} from './story-history-queries.js'
import { permissionForMove } from './story-rules.js'
import type { Article, ArticleChanges, ArticleStatus, NewArticle, Page } from './types.js'

export type { DeskStoryFilter, DeskStorySummary, EditableStory, StoryEvent, StoryRevision }

/** What the actor may do to a story now (the editor shows its buttons from this). */
export interface StoryActions {
  edit: boolean
  submit: boolean
  schedule: boolean
  publish: boolean
  unpublish: boolean
  returnToDraft: boolean
}

/** A story opened in the editor: its fields, who owns it and what the actor may do. */
export interface DeskStory extends EditableStory {
  ownerUserIds: number[]
  actions: StoryActions
}

/** Two revisions and the differences of their headline, dek and body. */
export interface RevisionDiff {
  from: StoryRevision
  to: StoryRevision
  headline: LineChange[]
  dek: LineChange[]
  body: LineChange[]
}

/** A new story from the desk: always a draft. */
export type NewStory = Omit<NewArticle, 'status' | 'publishedAt' | 'updatedAt'>

export interface StoryDesk {
  /** One page of every story the actor may list, last changed first. */
  list(
    actor: Actor,
    filter: DeskStoryFilter,
    page: number,
    perPage: number,
  ): Promise<Page<DeskStorySummary>>
  /** The story as the editor opens it; throws ARTICLE_NOT_FOUND or ACCESS_FORBIDDEN. */
  get(actor: Actor, id: number): Promise<DeskStory>
  /** Creates a draft owned by the actor. */
  create(actor: Actor, input: NewStory): Promise<DeskStory>
  /** Saves changes based on `baseVersion`; a newer version on file throws STORY_VERSION_CONFLICT. */
  save(actor: Actor, id: number, baseVersion: number, changes: ArticleChanges): Promise<DeskStory>
  /** draft → in_review. */
  submit(actor: Actor, id: number): Promise<DeskStory>
  /** Back to draft (an editor returns it, a writer withdraws it, a schedule is cancelled). */
  returnToDraft(actor: Actor, id: number): Promise<DeskStory>
  /** Sets the story to go live at `at` (in the future). */
  schedule(actor: Actor, id: number, at: Date): Promise<DeskStory>
  /** Puts the story live now. */
  publish(actor: Actor, id: number): Promise<DeskStory>
  /** Takes a live story down: readers get 410 Gone. */
  unpublish(actor: Actor, id: number): Promise<DeskStory>
  /** The story's revisions, newest first. */
  revisions(actor: Actor, id: number, limit?: number): Promise<StoryRevision[]>
  /** The differences between two revisions. */
  diff(actor: Actor, id: number, fromVersion: number, toVersion: number): Promise<RevisionDiff>
  /** Saves an older revision's words as a new revision (based on `baseVersion`). */
  restore(actor: Actor, id: number, version: number, baseVersion: number): Promise<DeskStory>
  /** The workflow log, oldest first. */
  events(actor: Actor, id: number): Promise<StoryEvent[]>
  /** The authors the byline picker offers, by name. */
  authorChoices(actor: Actor): Promise<{ id: number; name: string }[]>
  /** The story as its page would show it (rendered body, photo, bylines), in any status. */
  preview(actor: Actor, id: number): Promise<Article>
  /**
   * The story as its page would show it with `words` in place of the saved ones, rendered by the
   * same code as a save but stored nowhere (the editor's live preview); needs story.edit.
   */
  previewDraft(actor: Actor, id: number, words: DraftWords): Promise<Article>
  /** Publishes every scheduled story whose time has come, each exactly once; returns how many. */
  publishDue(): Promise<number>
}

/** The words the live preview shows before they are saved. */
export interface DraftWords {
  headline: string
  dek: string
  bodyMarkdown: string
}

export interface StoryDeskDeps {
  db: Db
  clock: Clock
  bus: Bus
  writer: ReturnType<typeof createArticleWriter>
  /** Resolves photo ids, to check that every photo of a story going live has alt text. */
  photos: PhotoLookup
  /** Whether authors may publish their own stories (default: no). */
  permissions?: PermissionSettings
}

const DUE_BATCH = 100
/** More bylines than a picker can usefully list; a newsroom with more needs a search. */
const AUTHOR_CHOICES = 2000

/** Creates the story desk over the article writer. */
export function createStoryDesk({
  db,
  clock,
  bus,
  writer,
  photos,
  permissions,
}: StoryDeskDeps): StoryDesk {
  const settings = permissions ?? { authorsMayPublish: false }

  const access = async (id: number): Promise<{ story: EditableStory; access: StoryAccess }> => {
    const story = Number.isSafeInteger(id) ? await editableStory(db, id) : undefined
    if (story === undefined) throw articleNotFound({ id })
    return {
      story,
      access: { ownerUserIds: await storyOwnerUserIds(db, id), status: story.status },
    }
  }

  const actionsFor = (actor: Actor, status: ArticleStatus, story: StoryAccess): StoryActions => {
    const may = (to: ArticleStatus): boolean =>
      canTransition(status, to) && can(actor, permissionForMove(to), story, settings)
    return {
      edit: can(actor, 'story.edit', story, settings),
      submit: may('in_review'),
      schedule: may('scheduled'),
      publish: may('published'),
      unpublish: may('unpublished'),
      returnToDraft: may('draft'),
    }
  }

  const open = async (actor: Actor, id: number): Promise<DeskStory> => {
    const found = await access(id)
    return {
      ...found.story,
      ownerUserIds: [...found.access.ownerUserIds],
      actions: actionsFor(actor, found.story.status, found.access),
    }
  }

  const readable = async (actor: Actor, id: number): Promise<void> => {
    requirePermission(actor, 'stories.list')
    await access(id)
  }

  /** One workflow step, checked, conditional on the status it was read in, logged, announced. */
  const move = async (
    actor: Actor,
    id: number,
    to: ArticleStatus,
    at?: Date,
  ): Promise<DeskStory> => {
    const now = clock.now()
    const found = await access(id)
    const from = found.story.status
    if (!canTransition(from, to)) throw articleTransitionInvalid(from, to)
    requirePermission(actor, permissionForMove(to), found.access, settings)
    if (to === 'published' || to === 'scheduled') await requireAltText(found.story)
    let publishedAt: Date | null | undefined
    if (to === 'scheduled') {
      if (at === undefined || at.getTime() <= now.getTime()) throw storyScheduleInPast(at ?? now)
      publishedAt = at
    } else if (to === 'published') {
      // Put back after a takedown, a story keeps its first publication time.
      publishedAt =
        from === 'unpublished' && found.story.publishedAt !== null ? found.story.publishedAt : now
    } else if (from === 'scheduled') {
      publishedAt = null
    }
    const before = await storedArticle(db, id)
    const moved = await db.transaction().execute(async (trx) => {
      const done = await moveStatus(trx, id, { from, to, now, publishedAt })
      if (done) {
        await insertStoryEvent(trx, { articleId: id, userId: actor.userId, from, to, at: now })
        const topic = moveTopic(from, to)
        if (topic !== undefined && before !== undefined) {
          const subject = { articleId: id, slug: before.slug, sectionSlug: before.sectionSlug }
          await appendOutboxEvent(trx, topic, subject, now)
        }
      }
      return done
    })
    // Someone else moved it between our read and our write; their move stands.
    if (!moved) throw articleTransitionInvalid(from, to)
    if (before !== undefined) await announce(before, from, to)
    return open(actor, id)
  }

  const announce = async (
    story: Parameters<typeof articleEvent>[0],
    from: ArticleStatus,
    to: ArticleStatus,
  ) => {
    const topic = moveTopic(from, to)
    if (topic !== undefined) await bus.publish(topic, articleEvent(story, {}))
  }

  /** Throws STORY_PHOTO_ALT_MISSING when a photo the story shows has no alt text. */
  const requireAltText = async (story: EditableStory): Promise<void> => {
    const shown = {
      leadPhotoId: story.leadPhotoId,
      bodyPhotos: (await loadArticleRender()).bodyPhotoRefs(story.bodyMarkdown),
    }
    const ids = [
      ...(shown.leadPhotoId === null ? [] : [shown.leadPhotoId]),
      ...shown.bodyPhotos.map((p) => p.photoId),
    ]
    if (ids.length === 0) return
    const missing = photosWithoutAlt(shown, await photos(ids))
    if (missing.length > 0) throw storyPhotoAltMissing(missing)
  }

  const checkVersion = (value: number): void => {
    if (!Number.isSafeInteger(value) || value < 1) throw storyVersionInvalid(value)
  }

  const revisionOf = async (id: number, version: number): Promise<StoryRevision> => {
    const revision = Number.isSafeInteger(version)
      ? await storyRevision(db, id, version)
      : undefined
    if (revision === undefined) throw storyRevisionNotFound(id, version)
    return revision
  }

  return {
    list: async (actor, filter, page, perPage) => {
      requirePermission(actor, 'stories.list')
      return deskStories(db, filter, page, perPage)
    },
    get: async (actor, id) => {
      requirePermission(actor, 'stories.list')
      return open(actor, id)
    },
    create: async (actor, input) => {
      requirePermission(actor, 'story.create')
      const article = await writer.create({ ...input, status: 'draft' }, actor.userId)
      return open(actor, article.id)
    },
    save: async (actor, id, baseVersion, changes) => {
      checkVersion(baseVersion)
      const found = await access(id)
      requirePermission(actor, 'story.edit', found.access, settings)
      await writer.update(id, changes, { by: actor.userId, baseVersion })
      return open(actor, id)
    },
    submit: (actor, id) => move(actor, id, 'in_review'),
    returnToDraft: (actor, id) => move(actor, id, 'draft'),
    schedule: (actor, id, at) => move(actor, id, 'scheduled', at),
    publish: (actor, id) => move(actor, id, 'published'),
    unpublish: (actor, id) => move(actor, id, 'unpublished'),
    revisions: async (actor, id, limit = 200) => {
      await readable(actor, id)
      return storyRevisions(db, id, Math.min(Math.max(1, limit), 1000))
    },
    diff: async (actor, id, fromVersion, toVersion) => {
      await readable(actor, id)
      const [from, to] = await Promise.all([revisionOf(id, fromVersion), revisionOf(id, toVersion)])
      return {
        from,
        to,
        headline: diffText(from.headline, to.headline),
        dek: diffText(from.dek, to.dek),
        body: diffText(from.bodyMarkdown, to.bodyMarkdown),
      }
    },
    restore: async (actor, id, version, baseVersion) => {
      checkVersion(baseVersion)
      const found = await access(id)
      requirePermission(actor, 'story.edit', found.access, settings)
      const old = await revisionOf(id, version)
      await writer.update(
        id,
        { headline: old.headline, dek: old.dek, bodyMarkdown: old.bodyMarkdown },
        { by: actor.userId, baseVersion, restoredFrom: version },
      )
      return open(actor, id)
    },
    events: async (actor, id) => {
      await readable(actor, id)
      return storyEvents(db, id)
    },
    authorChoices: async (actor) => {
      requirePermission(actor, 'stories.list')
      return authorChoices(db, AUTHOR_CHOICES)
    },
    preview: async (actor, id) => {
      await readable(actor, id)
      const article = await articleById(db, id)
      if (article === undefined) throw articleNotFound({ id })
      return article
    },
    previewDraft: async (actor, id, words) => {
      const found = await access(id)
      requirePermission(actor, 'story.edit', found.access, settings)
      const [article, body] = await Promise.all([
        articleById(db, id),
        loadArticleRender().then((render) => render.renderArticleBody(words.bodyMarkdown, photos)),
      ])
      if (article === undefined) throw articleNotFound({ id })
      return {
        ...article,
        headline: words.headline,
        dek: words.dek,
        bodyHtml: body.html,
        wordCount: body.wordCount,
      }
    },
    publishDue: async () => {
      const now = clock.now()
      let published = 0
      for (const id of await dueScheduledIds(db, now, DUE_BATCH)) {
        const before = await storedArticle(db, id)
        // The conditional move is the guard: of two processes, one moves the row, the other sees 0 rows.
        const moved = await db.transaction().execute(async (trx) => {
          const done = await moveStatus(trx, id, {
            from: 'scheduled',
            to: 'published',
            now,
            dueBy: now,
          })
          if (done) {
            await insertStoryEvent(trx, {
              articleId: id,
              userId: null,
              from: 'scheduled',
              to: 'published',
              at: now,
            })
            if (before !== undefined) {
              const subject = { articleId: id, slug: before.slug, sectionSlug: before.sectionSlug }
              await appendOutboxEvent(trx, 'article.published', subject, now)
            }
          }
          return done
        })
        if (!moved || before === undefined) continue
        published += 1
        await bus.publish('article.published', articleEvent(before, {}))
      }
      return published
    },
  }
}

/** What a move announces: publishing, or taking a live story down; other moves are internal. */
function moveTopic(
  from: ArticleStatus,
  to: ArticleStatus,
): 'article.published' | 'article.unpublished' | undefined {
  if (to === 'published') return 'article.published'
  if (from === 'published') return 'article.unpublished'
  return undefined
}

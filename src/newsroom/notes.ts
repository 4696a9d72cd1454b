/** Corrections and updates: dated public notes an editor adds to a published story. */

import { type Actor, requirePermission } from '../accounts/index.js'
import type { Db } from '../db/database.js'
import { appendOutboxEvent } from '../db/event-outbox.js'
import type { Bus } from '../infra/bus/bus.js'
import type { Clock } from '../lib/clock.js'
import { isVisibleToReaders } from './article-rules.js'
import { storedArticle } from './article-write-queries.js'
import { articleNotFound } from './errors.js'
import {
  noteKindInvalid,
  noteStoryNotPublished,
  noteTextRequired,
  noteTextTooLong,
} from './note-errors.js'
import { insertNote, notesOf, touchArticle, visibleNotesOfKind } from './note-queries.js'
import type { ArticleNote, ArticleNoteKind, CorrectionEntry, Page } from './types.js'

/** What an editor writes. */
export interface NoteInput {
  kind: string
  text: string
}

export const NOTE_KINDS: readonly ArticleNoteKind[] = ['correction', 'update']
/** Long enough for a careful correction, short enough to stay a note above the story. */
export const NOTE_MAX_LENGTH = 2000
/** The /corrections page never asks for more than this many a page. */
const MAX_PER_PAGE = 100

/** The note's text as stored: one paragraph, inner whitespace collapsed; throws when empty or too long. */
export function normalizeNoteText(text: string): string {
  const clean = text.replace(/\s+/g, ' ').trim()
  if (clean === '') throw noteTextRequired()
  if (clean.length > NOTE_MAX_LENGTH) throw noteTextTooLong(NOTE_MAX_LENGTH, clean.length)
  return clean
}

/** The kind named by `value`; throws NOTE_KIND_INVALID otherwise. */
export function parseNoteKind(value: string): ArticleNoteKind {
  if (!(NOTE_KINDS as readonly string[]).includes(value)) throw noteKindInvalid(value)
  return value as ArticleNoteKind
}

/** Creates the notes side of the newsroom. */
export function createStoryNotes({ db, clock, bus }: { db: Db; clock: Clock; bus: Bus }) {
  /**
   * Adds a note to a story readers can see, marks the story updated now and announces the change
   * (article.updated), so every cached page showing it is purged.
   */
  const add = async (actor: Actor, articleId: number, input: NoteInput): Promise<ArticleNote> => {
    requirePermission(actor, 'story.correct')
    const kind = parseNoteKind(input.kind)
    const text = normalizeNoteText(input.text)
    const current = Number.isSafeInteger(articleId) ? await storedArticle(db, articleId) : undefined
    if (current === undefined) throw articleNotFound({ id: articleId })
    const now = clock.now()
    if (!isVisibleToReaders(current, now)) throw noteStoryNotPublished(articleId)
    const id = await db.transaction().execute(async (trx) => {
      const noteId = await insertNote(trx, {
        articleId,
        kind,
        text,
        at: now,
        userId: actor.userId > 0 ? actor.userId : null,
        userName: actor.name,
      })
      await touchArticle(trx, articleId, now)
      await appendOutboxEvent(
        trx,
        'article.updated',
        { articleId, slug: current.slug, sectionSlug: current.sectionSlug },
        now,
      )
      return noteId
    })
    await bus.publish('article.updated', {
      articleId,
      slug: current.slug,
      sectionSlug: current.sectionSlug,
      authorIds: current.authorIds,
      tagIds: current.tagIds,
    })
    return { id, kind, text, createdAt: now }
  }

  /** One page (1-based) of corrections on stories readers can see, newest first. */
  const corrections = async (page: number, perPage: number): Promise<Page<CorrectionEntry>> => {
    const size = Math.max(1, Math.min(MAX_PER_PAGE, Math.floor(perPage) || 1))
    const current = Number.isSafeInteger(page) && page > 0 ? page : 1
    const { items, total } = await visibleNotesOfKind(
      db,
      clock.now(),
      'correction',
      size,
      (current - 1) * size,
    )
    return {
      items,
      page: current,
      perPage: size,
      total,
      totalPages: Math.max(1, Math.ceil(total / size)),
    }
  }

  return { add, corrections, notesOf: (articleId: number) => notesOf(db, articleId) }
}

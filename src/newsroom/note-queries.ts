/** Correction and update notes: reading them for a story and for the /corrections page, adding one. */

import type { Db } from '../db/database.js'
import type { ArticleNoteKind } from '../db/schema.js'
import { fromDbTime, toDbTime, toNumber } from '../db/time-codec.js'
import type { ArticleNote, CorrectionEntry } from './types.js'
import { readerVisible } from './visibility-queries.js'

/** The notes of one story, oldest first. */
export async function notesOf(db: Db, articleId: number): Promise<ArticleNote[]> {
  const rows = await db
    .selectFrom('article_notes')
    .select(['id', 'kind', 'body', 'created_at'])
    .where('article_id', '=', articleId)
    .orderBy('created_at')
    .orderBy('id')
    .execute()
  return rows.map((row) => ({
    id: row.id,
    kind: row.kind,
    text: row.body,
    createdAt: fromDbTime(row.created_at),
  }))
}

/** Stores a note; returns its id. */
export async function insertNote(
  db: Db,
  note: {
    articleId: number
    kind: ArticleNoteKind
    text: string
    at: Date
    userId: number | null
    userName: string
  },
): Promise<number> {
  const row = await db
    .insertInto('article_notes')
    .values({
      article_id: note.articleId,
      kind: note.kind,
      body: note.text,
      created_at: toDbTime(note.at),
      created_by: note.userId,
      created_by_name: note.userName,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

/** Marks a story updated now (the note is a readable change). */
export async function touchArticle(db: Db, articleId: number, at: Date): Promise<void> {
  await db
    .updateTable('articles')
    .set({ updated_at: toDbTime(at), modified_at: toDbTime(at) })
    .where('id', '=', articleId)
    .execute()
}

/** Newest notes of `kind` on stories readers may see, and how many there are. */
export async function visibleNotesOfKind(
  db: Db,
  now: Date,
  kind: ArticleNoteKind,
  limit: number,
  offset: number,
): Promise<{ items: CorrectionEntry[]; total: number }> {
  const base = db
    .selectFrom('article_notes as n')
    .innerJoin('articles as a', 'a.id', 'n.article_id')
    .where('n.kind', '=', kind)
    .where(readerVisible('a', now))
  const [rows, count] = await Promise.all([
    base
      .innerJoin('sections as s', 's.id', 'a.section_id')
      .select([
        'n.id',
        'n.kind',
        'n.body',
        'n.created_at',
        'a.id as article_id',
        'a.slug',
        'a.headline',
        's.slug as section_slug',
        's.name as section_name',
      ])
      .orderBy('n.created_at', 'desc')
      .orderBy('n.id', 'desc')
      .limit(limit)
      .offset(offset)
      .execute(),
    base.select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirst(),
  ])
  return {
    total: toNumber(count?.n),
    items: rows.map((row) => ({
      note: { id: row.id, kind: row.kind, text: row.body, createdAt: fromDbTime(row.created_at) },
      story: {
        id: row.article_id,
        slug: row.slug,
        headline: row.headline,
        section: { slug: row.section_slug, name: row.section_name },
      },
    })),
  }
}

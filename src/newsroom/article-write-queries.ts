/** Writing stories: rows, bylines, tags and slug redirects; functions take (db, …) so a transaction works. */

import type { Insertable, Selectable, Updateable } from 'kysely'
import type { Db } from '../db/database.js'
import type { ArticlesTable, CommentsMode } from '../db/schema.js'
import { fromNullableDbTime, toDbTime } from '../db/time-codec.js'
import type { ArticleStatus } from './types.js'

/** The columns the writing side needs to decide what an edit changes. */
export interface StoredArticle {
  id: number
  slug: string
  sectionId: number
  sectionSlug: string
  status: ArticleStatus
  publishedAt: Date | null
  authorIds: number[]
  tagIds: number[]
}

/** The story with this id, whatever its status. */
export async function storedArticle(db: Db, id: number): Promise<StoredArticle | undefined> {
  const row = await db
    .selectFrom('articles as a')
    .innerJoin('sections as s', 's.id', 'a.section_id')
    .select([
      'a.id',
      'a.slug',
      'a.section_id',
      's.slug as section_slug',
      'a.status',
      'a.published_at',
    ])
    .where('a.id', '=', id)
    .executeTakeFirst()
  if (row === undefined) return undefined
  const [authors, tags] = await Promise.all([
    db
      .selectFrom('article_authors')
      .select('author_id')
      .where('article_id', '=', id)
      .orderBy('position')
      .execute(),
    db
      .selectFrom('article_tags')
      .select('tag_id')
      .where('article_id', '=', id)
      .orderBy('tag_id')
      .execute(),
  ])
  return {
    id: row.id,
    slug: row.slug,
    sectionId: row.section_id,
    sectionSlug: row.section_slug,
    status: row.status,
    publishedAt: fromNullableDbTime(row.published_at),
    authorIds: authors.map((r) => r.author_id),
    tagIds: tags.map((r) => r.tag_id),
  }
}

/** The raw row of one story (for returning it to the newsroom after a write). */
export async function articleRow(
  db: Db,
  id: number,
): Promise<Selectable<ArticlesTable> | undefined> {
  return db.selectFrom('articles').selectAll().where('id', '=', id).executeTakeFirst()
}

/** Which of `slugs` are in use, as a current slug or (with `includeRedirects`) a former one. */
export async function takenArticleSlugs(
  db: Db,
  slugs: readonly string[],
  includeRedirects: boolean,
): Promise<Set<string>> {
  const taken = new Set<string>()
  if (slugs.length === 0) return taken
  const current = await db
    .selectFrom('articles')
    .select('slug')
    .where('slug', 'in', [...slugs])
    .execute()
  for (const row of current) taken.add(row.slug)
  if (includeRedirects) {
    const former = await db
      .selectFrom('article_slug_redirects')
      .select('old_slug')
      .where('old_slug', 'in', [...slugs])
      .execute()
    for (const row of former) taken.add(row.old_slug)
  }
  return taken
}

/** Inserts a story row and returns its id. */
export async function insertArticle(db: Db, row: Insertable<ArticlesTable>): Promise<number> {
  const inserted = await db
    .insertInto('articles')
    .values(row)
    .returning('id')
    .executeTakeFirstOrThrow()
  return inserted.id
}

/** Updates columns of one story. */
export async function updateArticleRow(
  db: Db,
  id: number,
  changes: Updateable<ArticlesTable>,
): Promise<void> {
  await db.updateTable('articles').set(changes).where('id', '=', id).execute()
}

/** Replaces the byline of a story, keeping the order given. */
export async function replaceArticleAuthors(
  db: Db,
  articleId: number,
  authorIds: readonly number[],
): Promise<void> {
  await db.deleteFrom('article_authors').where('article_id', '=', articleId).execute()
  if (authorIds.length === 0) return
  await db
    .insertInto('article_authors')
    .values(
      authorIds.map((authorId, position) => ({
        article_id: articleId,
        author_id: authorId,
        position,
      })),
    )
    .execute()
}

/** Replaces the tags of a story. */
export async function replaceArticleTags(
  db: Db,
  articleId: number,
  tagIds: readonly number[],
): Promise<void> {
  await db.deleteFrom('article_tags').where('article_id', '=', articleId).execute()
  if (tagIds.length === 0) return
  await db
    .insertInto('article_tags')
    .values(tagIds.map((tagId) => ({ article_id: articleId, tag_id: tagId })))
    .execute()
}

/** Keeps `oldSlug` pointing at the story, so links to it keep working. */
export async function addSlugRedirect(
  db: Db,
  oldSlug: string,
  articleId: number,
  at: Date,
): Promise<void> {
  await db
    .insertInto('article_slug_redirects')
    .values({ old_slug: oldSlug, article_id: articleId, created_at: toDbTime(at) })
    .onConflict((oc) =>
      oc.column('old_slug').doUpdateSet({ article_id: articleId, created_at: toDbTime(at) }),
    )
    .execute()
}

/** Drops a redirect whose slug a story now uses as its current slug. */
export async function removeSlugRedirect(db: Db, slug: string): Promise<void> {
  await db.deleteFrom('article_slug_redirects').where('old_slug', '=', slug).execute()
}

/** Sets a story's status and publication time. */
export async function setPublication(
  db: Db,
  id: number,
  status: ArticleStatus,
  publishedAt: Date | null,
  now: Date,
): Promise<void> {
  await db
    .updateTable('articles')
    .set({
      status,
      published_at: publishedAt === null ? null : toDbTime(publishedAt),
      modified_at: toDbTime(now),
    })
    .where('id', '=', id)
    .execute()
}

/** Sets a story's comment mode (null = back to the site default); false when there is no such story. */
export async function updateCommentsMode(
  db: Db,
  id: number,
  mode: CommentsMode | null,
): Promise<boolean> {
  const result = await db
    .updateTable('articles')
    .set({ comments_mode: mode })
    .where('id', '=', id)
    .executeTakeFirst()
  return result.numUpdatedRows > 0n
}

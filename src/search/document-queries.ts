/** Reads the stories search indexes (text, tags, bylines) and finds what the index lacks. */

import type { Db } from '../db/database.js'
import { toDbTime } from '../db/time-codec.js'
import { plainTextOfHtml } from './plain-text.js'
import type { SearchDocument } from './search-index.js'

/**
 * The documents of the published stories among `ids` (stories with publication ahead included:
 * the query applies the visibility rule when it reads). Ids missing from the answer are not
 * published (or do not exist) and belong out of the index.
 */
export async function publishedDocuments(
  db: Db,
  ids: readonly number[],
): Promise<SearchDocument[]> {
  if (ids.length === 0) return []
  const unique = [...new Set(ids)]
  const [articles, tags, authors] = await Promise.all([
    db
      .selectFrom('articles')
      .select(['id', 'headline', 'dek', 'body_html', 'modified_at'])
      .where('id', 'in', unique)
      .where('status', '=', 'published')
      .execute(),
    db
      .selectFrom('article_tags as at')
      .innerJoin('tags as t', 't.id', 'at.tag_id')
      .select(['at.article_id', 't.name'])
      .where('at.article_id', 'in', unique)
      .orderBy('t.name')
      .execute(),
    db
      .selectFrom('article_authors as aa')
      .innerJoin('authors as au', 'au.id', 'aa.author_id')
      .select(['aa.article_id', 'au.name'])
      .where('aa.article_id', 'in', unique)
      .orderBy('aa.position')
      .execute(),
  ])
  const namesBy = (rows: { article_id: number; name: string }[]): Map<number, string[]> => {
    const map = new Map<number, string[]>()
    for (const row of rows) map.set(row.article_id, [...(map.get(row.article_id) ?? []), row.name])
    return map
  }
  const tagNames = namesBy(tags)
  const authorNames = namesBy(authors)
  return articles.map((a) => ({
    articleId: a.id,
    headline: a.headline,
    dek: a.dek,
    body: plainTextOfHtml(a.body_html),
    // A comma between names keeps one name's last word and the next one's first from forming a
    // phrase in snippets; the indexes see the words either way.
    tags: (tagNames.get(a.id) ?? []).join(', '),
    authors: (authorNames.get(a.id) ?? []).join(', '),
    sourceModifiedAt: toDbTime(new Date(a.modified_at)),
  }))
}

/**
 * Ids (ascending) of the published stories that the index lacks or, with `outdated`, holds an
 * older version of (by the story's modified_at). All of them in one query: paging here would
 * make each page walk the status index from its start again (quadratic on a large import).
 * Without `outdated` the query reads only the status index and the index's keys, which keeps a
 * start-up on a large archive quick; comparing versions reads every story row.
 */
export async function staleIds(db: Db, outdated: boolean): Promise<number[]> {
  const rows = await db
    .selectFrom('articles as a')
    .leftJoin('search_documents as d', 'd.article_id', 'a.id')
    .select('a.id')
    .where('a.status', '=', 'published')
    .where((eb) =>
      outdated
        ? eb.or([
            eb('d.article_id', 'is', null),
            eb('d.source_modified_at', '<>', eb.ref('a.modified_at')),
          ])
        : eb('d.article_id', 'is', null),
    )
    .orderBy('a.id')
    .execute()
  return rows.map((r) => r.id)
}

/** Ids of indexed stories that are no longer published (an unpublish the index missed). */
export async function strayIds(db: Db): Promise<number[]> {
  const rows = await db
    .selectFrom('search_documents as d')
    .innerJoin('articles as a', 'a.id', 'd.article_id')
    .select('d.article_id')
    .where('a.status', '<>', 'published')
    .execute()
  return rows.map((r) => r.article_id)
}

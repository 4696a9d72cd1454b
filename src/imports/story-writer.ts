/** Writes one imported story through the newsroom: created the first time, updated after that. */

import { isMastheadError } from '../lib/errors.js'
import { isSlug } from '../lib/slug.js'
import type { NewArticle } from '../newsroom/index.js'
import { htmlToMarkdown } from './html/html-to-markdown.js'
import { escapeInline } from './html/markdown-text.js'
import { mappedId, saveMapping, saveRedirects } from './import-queries.js'
import type { ImportDeps, ImportRun } from './import-run.js'
import { redirectKeys } from './old-urls.js'
import type { ImportedStory } from './types.js'

/** What became of a story. */
export type StoryOutcome = 'created' | 'updated'

/** Creates or updates the story `record` (idempotent per source and source id). */
export async function writeStory(
  deps: ImportDeps,
  run: ImportRun,
  record: ImportedStory,
): Promise<StoryOutcome> {
  const { db, clock, newsroom } = deps
  const fields = {
    headline: record.headline,
    dek: record.dek ?? '',
    bodyMarkdown: bodyOf(record, run),
    sectionId: await run.sectionOf(record.section),
    authorIds: await run.bylineOf(record.authors),
    tagNames: record.tags ?? [],
    leadPhotoId: (await run.photoById(record.leadPhoto)) ?? null,
  }
  const known = await mappedId(db, run.source, 'story', record.sourceId)
  const existing = known === undefined ? undefined : await newsroom.markdownOf(known)
  if (run.dry) return existing === undefined ? 'created' : 'updated'

  let id: number
  let outcome: StoryOutcome
  if (known !== undefined && existing !== undefined) {
    const article = await newsroom.updateArticle(known, fields)
    if (record.status === 'published' && article.status === 'draft')
      await newsroom.publishArticle(known, record.publishedAt)
    id = known
    outcome = 'updated'
  } else {
    const input: NewArticle = {
      ...fields,
      status: record.status,
      ...(record.publishedAt === undefined || record.status !== 'published'
        ? {}
        : { publishedAt: record.publishedAt }),
      ...(record.updatedAt === undefined || record.status !== 'published'
        ? {}
        : { updatedAt: record.updatedAt }),
    }
    id = (await createKeepingSlug(deps, input, record.slug)).id
    outcome = 'created'
  }
  const mapping = { source: run.source, kind: 'story' as const, sourceId: record.sourceId }
  await saveMapping(db, { ...mapping, localId: id }, clock.now())
  await saveRedirects(db, redirectKeys(record.oldUrls ?? []), id, clock.now())
  return outcome
}

/** Creates the story under its old slug when that is free here, else under a new one. */
async function createKeepingSlug(deps: ImportDeps, input: NewArticle, slug: string | undefined) {
  const wanted = slug?.toLowerCase()
  if (wanted === undefined || !isSlug(wanted)) return deps.newsroom.createArticle(input)
  try {
    return await deps.newsroom.createArticle({ ...input, slug: wanted })
  } catch (error) {
    if (isMastheadError(error) && error.code === 'ARTICLE_SLUG_TAKEN')
      return deps.newsroom.createArticle(input)
    throw error
  }
}

/** The story's Markdown source: HTML converted (its images as our photos), credits at the end. */
function bodyOf(record: ImportedStory, run: ImportRun): string {
  const body =
    record.body.format === 'markdown'
      ? record.body.text.trim()
      : htmlToMarkdown(record.body.text, {
          photoFor: run.photoForUrl,
          blankLinesAreParagraphs: true,
        }).markdown
  const credits = (record.credits ?? []).map((line) => escapeInline(line.trim())).filter(Boolean)
  return [body, ...credits].filter((part) => part !== '').join('\n\n')
}

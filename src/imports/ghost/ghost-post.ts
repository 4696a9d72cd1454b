/**
 * One Ghost post → the records the runner needs: its section and authors the first time they
 * appear, then the story; or why it is skipped (pages, email-only posts, drafts with
 * --published-only) or cannot be read (no title, a bad date, an unreadable body).
 */

import type { ImportRecord, ImportedStory } from '../types.js'
import { GhostBodyError } from './ghost-body-error.js'
import type { GhostRelations } from './ghost-relations.js'
import { type GhostRow, idField, isRow, textField } from './ghost-rows.js'
import { lexicalToHtml } from './lexical-html.js'
import { mobiledocToHtml } from './mobiledoc-html.js'

/** What mapping posts needs and remembers between posts. */
export interface GhostPostContext {
  relations: GhostRelations
  publishedOnly: boolean
  /** Tag and user ids already handed to the runner as sections and authors. */
  sent: Set<string>
}

/** The post's body as HTML: Ghost's own rendering when present, else Lexical, else Mobiledoc. */
export function ghostPostHtml(row: GhostRow): string {
  const html = textField(row, 'html')
  if (html.trim() !== '') return html
  const lexical = textField(row, 'lexical')
  if (lexical !== '') return lexicalToHtml(lexical)
  const mobiledoc = textField(row, 'mobiledoc')
  if (mobiledoc !== '') return mobiledocToHtml(mobiledoc)
  return ''
}

/** Ghost 3+ writes ISO-8601 text; very old exports wrote epoch milliseconds. */
function date(row: GhostRow, field: string): Date | undefined | 'bad' {
  const value = row[field]
  if (value === null || value === undefined || value === '') return undefined
  const parsed =
    typeof value === 'number'
      ? new Date(value)
      : typeof value === 'string'
        ? new Date(value)
        : undefined
  return parsed === undefined || Number.isNaN(parsed.getTime()) ? 'bad' : parsed
}

type PostDates = Partial<Record<'published_at' | 'created_at' | 'updated_at', Date>>

/** The post's dates, or why one of them cannot be read. */
function postDates(row: GhostRow): PostDates | string {
  const dates: PostDates = {}
  for (const field of ['published_at', 'created_at', 'updated_at'] as const) {
    const parsed = date(row, field)
    if (parsed === 'bad') return `bad date in ${field}: ${JSON.stringify(row[field])}`
    dates[field] = parsed
  }
  return dates
}

/** Why a post is left out by design, or undefined when it is imported. */
function skipReason(row: GhostRow, publishedOnly: boolean): string | undefined {
  // Ghost 3+ has `type`; the `page` flag is what Ghost 1 and 2 wrote and some tools still do.
  if (row.type === 'page' || row.page === true) return 'a page, not a story'
  const status = textField(row, 'status')
  if (status === 'sent') return 'sent as an email only, never on the site'
  if (publishedOnly && status !== 'published')
    return `${status || 'draft'}, left out by --published-only`
  return undefined
}

function relatedRecords(ids: { section?: string; authors: string[] }, context: GhostPostContext) {
  const records: ImportRecord[] = []
  const { tags, users } = context.relations
  if (ids.section !== undefined && !context.sent.has(ids.section)) {
    const tag = tags.get(ids.section)
    context.sent.add(ids.section)
    if (tag !== undefined)
      records.push({
        kind: 'section',
        place: `tags (id ${tag.id})`,
        sourceId: tag.id,
        name: tag.name,
        slug: tag.slug || undefined,
        description: tag.description || undefined,
      })
  }
  for (const id of ids.authors) {
    const user = users.get(id)
    if (user === undefined || context.sent.has(id)) continue
    context.sent.add(id)
    records.push({
      kind: 'author',
      place: `users (id ${id})`,
      sourceId: id,
      name: user.name,
      slug: user.slug || undefined,
      email: user.email || undefined,
      bio: user.bio || undefined,
    })
  }
  return records
}

/** Maps one row of `posts` found at `place`; see the file header. */
export function ghostPostRecords(
  value: unknown,
  place: string,
  invalidUtf8: boolean,
  context: GhostPostContext,
): ImportRecord[] {
  const malformed = (reason: string): ImportRecord[] => [{ kind: 'malformed', place, reason }]
  if (!isRow(value)) return malformed('a post that is not an object')
  const id = idField(value, 'id')
  const title = textField(value, 'title').trim()
  const where = `${place}${id === '' ? '' : ` (id ${id})`}`
  if (invalidUtf8) return [{ kind: 'malformed', place: where, reason: 'invalid UTF-8 in the post' }]
  if (id === '') return malformed('a post without an id')
  if (title === '') return [{ kind: 'malformed', place: where, reason: 'a post without a title' }]
  const skip = skipReason(value, context.publishedOnly)
  if (skip !== undefined) return [{ kind: 'skip', place: where, what: `"${title}"`, reason: skip }]

  const dates = postDates(value)
  if (typeof dates === 'string') return [{ kind: 'malformed', place: where, reason: dates }]

  let html: string
  try {
    html = ghostPostHtml(value)
  } catch (error) {
    if (error instanceof GhostBodyError)
      return [{ kind: 'malformed', place: where, reason: error.message }]
    throw error
  }

  const { tags, users } = context.relations
  const tagIds = (context.relations.tagsByPost.get(id) ?? []).filter((tagId) => tags.has(tagId))
  const publicTags = tagIds.map((tagId) => tags.get(tagId)).filter((tag) => tag?.internal === false)
  // Ghost's primary tag is the first one, and only when it is public.
  const first = tags.get(tagIds[0] ?? '')
  const section = first !== undefined && !first.internal ? first.id : undefined
  const fallbackAuthor = idField(value, 'author_id')
  const authorIds = (
    context.relations.authorsByPost.get(id) ?? (fallbackAuthor === '' ? [] : [fallbackAuthor])
  ).filter((userId) => users.has(userId))
  const slug = textField(value, 'slug')
  const status = textField(value, 'status') === 'published' ? 'published' : 'draft'
  const story: ImportedStory = {
    kind: 'story',
    place: where,
    sourceId: id,
    headline: title,
    dek: textField(value, 'custom_excerpt').trim() || undefined,
    body: { format: 'html', text: html },
    section,
    tags: publicTags.map((tag) => tag?.name ?? ''),
    authors: authorIds,
    status,
    publishedAt: dates.published_at ?? (status === 'published' ? dates.created_at : undefined),
    updatedAt: dates.updated_at,
    slug: slug || undefined,
    // Ghost's default permalink is /:slug/; custom routes.yaml permalinks are not in the export.
    oldUrls: slug === '' ? [] : [`/${slug}/`],
  }
  return [...relatedRecords({ section, authors: authorIds }, context), story]
}

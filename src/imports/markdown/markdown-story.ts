/**
 * One Markdown file with front matter → a story (and its section and authors the first time
 * they appear), or why it cannot be imported. Field names follow what Hugo, Jekyll, Eleventy
 * and Astro sites write; the first one present wins.
 */

import { slugify } from '../../lib/slug.js'
import type { ImportRecord, ImportedStory } from '../types.js'
import { frontDate } from './front-dates.js'
import { type FrontValue, frontMatter } from './front-matter.js'

const DEK = ['dek', 'description', 'excerpt', 'summary', 'subtitle']
const SECTION = ['section', 'category', 'categories']
const TAGS = ['tags', 'keywords']
const AUTHORS = ['authors', 'author']
const DATE = ['date', 'published', 'publishdate', 'pubdate', 'published_at']
const UPDATED = ['updated', 'lastmod', 'modified', 'updated_at']
const OLD_URLS = ['aliases', 'url', 'permalink', 'redirect_from']

const DRAFT_STATUS = new Set(['draft', 'pending', 'private', 'scheduled', 'unpublished'])
const PUBLISHED_STATUS = new Set(['published', 'publish', 'live', 'public'])
const TRUE = new Set(['true', 'yes', 'on'])
const FALSE = new Set(['false', 'no', 'off'])

/** What mapping files remembers between files: sections and authors already handed over. */
export interface MarkdownContext {
  sent: Set<string>
}

type Fields = ReadonlyMap<string, FrontValue>

const first = (fields: Fields, names: readonly string[]): FrontValue | undefined => {
  for (const name of names) if (fields.get(name) != null) return fields.get(name)
  return undefined
}
const asText = (value: FrontValue | undefined): string =>
  (Array.isArray(value) ? (value[0] ?? '') : (value ?? '')).trim()
/** A list field; a plain scalar is read as a comma-separated list ("tags: a, b"). */
const asList = (value: FrontValue | undefined): string[] =>
  (Array.isArray(value) ? value : (value ?? '').split(','))
    .map((item) => item.trim())
    .filter((item) => item !== '')

/** published or draft from `draft`, `status` or Jekyll's `published: false`; or a reason. */
function statusOf(fields: Fields): { status: 'published' | 'draft' } | { reason: string } {
  const draft = asText(fields.get('draft')).toLowerCase()
  if (TRUE.has(draft)) return { status: 'draft' }
  const published = asText(fields.get('published')).toLowerCase()
  if (FALSE.has(published)) return { status: 'draft' }
  const status = asText(fields.get('status')).toLowerCase()
  if (status === '' || PUBLISHED_STATUS.has(status)) return { status: 'published' }
  if (DRAFT_STATUS.has(status)) return { status: 'draft' }
  return { reason: `unknown status "${status}" (draft or published)` }
}

/** The date in the first of `names` present: undefined when none is, a reason when bad. */
function dateOf(fields: Fields, names: readonly string[]): Date | undefined | string {
  for (const name of names) {
    const text = asText(fields.get(name))
    // Jekyll's `published: true|false` is a flag, not a date.
    if (text === '' || (name === 'published' && (TRUE.has(text) || FALSE.has(text)))) continue
    return frontDate(text) ?? `bad date in ${name}: ${JSON.stringify(text)}`
  }
  return undefined
}

/** The slug: the `slug` field, else the file name without Jekyll's date prefix. */
function slugOf(fields: Fields, relativePath: string): string {
  const given = asText(fields.get('slug'))
  if (given !== '') return slugify(given)
  const name = relativePath.split('/').pop() ?? ''
  const stem = name.replace(/\.(md|markdown)$/i, '')
  return slugify(
    stem === 'index'
      ? (relativePath.split('/').slice(-2)[0] ?? stem)
      : stem.replace(/^\d{4}-\d{2}-\d{2}-/, ''),
  )
}

/** Maps the file at `relativePath` (its source id) with contents `text`; see the file header. */
export function markdownStoryRecords(
  relativePath: string,
  text: string,
  context: MarkdownContext,
): ImportRecord[] {
  const bad = (line: number | undefined, reason: string): ImportRecord[] => [
    {
      kind: 'malformed',
      place: line === undefined ? relativePath : `${relativePath}:${line}`,
      reason,
    },
  ]
  const parsed = frontMatter(text)
  if (parsed === undefined) return bad(1, 'no front matter: the file must start with a "---" line')
  const [problem] = parsed.problems
  if (problem !== undefined) return bad(problem.line, problem.reason)
  const { fields } = parsed
  const headline = asText(fields.get('title'))
  if (headline === '') return bad(undefined, 'no title in the front matter')
  const state = statusOf(fields)
  if ('reason' in state) return bad(undefined, state.reason)
  const { status } = state
  const publishedAt = dateOf(fields, DATE)
  if (typeof publishedAt === 'string') return bad(undefined, publishedAt)
  const updatedAt = dateOf(fields, UPDATED)
  if (typeof updatedAt === 'string') return bad(undefined, updatedAt)

  const records: ImportRecord[] = []
  const sectionName = asText(first(fields, SECTION))
  const section = sectionName === '' ? undefined : `section:${slugify(sectionName) || sectionName}`
  if (section !== undefined && !context.sent.has(section)) {
    context.sent.add(section)
    records.push({
      kind: 'section',
      place: relativePath,
      sourceId: section,
      name: sectionName,
      slug: slugify(sectionName) || undefined,
    })
  }
  const authors = asList(first(fields, AUTHORS)).map((name) => {
    const sourceId = `author:${slugify(name) || name}`
    if (!context.sent.has(sourceId)) {
      context.sent.add(sourceId)
      records.push({ kind: 'author', place: relativePath, sourceId, name })
    }
    return sourceId
  })
  const slug = slugOf(fields, relativePath)
  const story: ImportedStory = {
    kind: 'story',
    place: relativePath,
    sourceId: relativePath,
    headline,
    dek: asText(first(fields, DEK)) || undefined,
    body: { format: 'markdown', text: parsed.body.trim() },
    section,
    tags: asList(first(fields, TAGS)),
    authors,
    status,
    publishedAt,
    updatedAt,
    slug: slug || undefined,
    oldUrls: OLD_URLS.flatMap((name) => asList(fields.get(name))).filter((url) =>
      url.includes('/'),
    ),
  }
  return [...records, story]
}

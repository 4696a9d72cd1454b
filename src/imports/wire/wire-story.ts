/**
 * One plain-text wire story → import records. The layout read (see docs/imports.md): an optional
 * `Slug: name` line, the headline on the first line, an optional `By …` line, then paragraphs
 * separated by blank lines, the first one opening with the dateline. The agency named in the
 * dateline is kept as a credit line and, when no `By` line names people, as the byline.
 */

import { createHash } from 'node:crypto'
import { slugify } from '../../lib/slug.js'
import { escapeInline, escapeLineStart } from '../html/markdown-text.js'
import type { ImportRecord, ImportedStory } from '../types.js'
import { datelineDate, parseDateline } from './dateline.js'
import type { WireChunk, WireLine } from './wire-stories.js'

/** What mapping stories needs and remembers between stories. */
export interface WireContext {
  /** The file's name, for places ("wire.txt:12"). */
  file: string
  now: Date
  /** Author source ids already handed over. */
  sent: Set<string>
}

const SLUG_LINE = /^slug:\s*(\S.*)$/i
const BY_LINE = /^by\s+(\S.*)$/i

/** Paragraphs: runs of non-blank lines, joined with spaces (wire text is hard-wrapped). */
function paragraphs(lines: readonly WireLine[]): { text: string; line: number }[] {
  const found: { text: string; line: number }[] = []
  let current: string[] = []
  let startLine = 0
  for (const { text, number } of [...lines, { text: '', number: 0 }]) {
    if (text.trim() === '') {
      if (current.length > 0) found.push({ text: current.join(' '), line: startLine })
      current = []
    } else {
      if (current.length === 0) startLine = number
      current.push(text.trim())
    }
  }
  return found
}

/** "Jane Doe, John Roe and Ana Lima" → three names. */
const names = (byline: string): string[] =>
  byline
    .split(/\s*,\s*|\s+and\s+|\s*&\s*/i)
    .map((name) => name.trim())
    .filter((name) => name !== '')

const markdownParagraph = (text: string): string => escapeLineStart(escapeInline(text))

/** A stable id for a story without a slug line: its headline and dateline, hashed. */
const hashId = (headline: string, dateline: string): string =>
  `sha256:${createHash('sha256').update(`${headline}\n${dateline}`).digest('hex').slice(0, 32)}`

/** Maps one story of the file; see the file header. */
export function wireStoryRecords(chunk: WireChunk, context: WireContext): ImportRecord[] {
  const place = `${context.file}:${chunk.lines.find((l) => l.text.trim() !== '')?.number ?? chunk.firstLine}`
  const bad = (reason: string, at = place): ImportRecord[] => [
    { kind: 'malformed', place: at, reason },
  ]
  if (chunk.invalidUtf8) return bad('invalid UTF-8 in the story')
  if (chunk.tooLong) return bad('the story is longer than 2 MiB; is a separator missing?')
  const lines = chunk.lines.filter(
    (l, i, all) => l.text.trim() !== '' || all.slice(0, i).some((x) => x.text.trim() !== ''),
  )
  let slug: string | undefined
  const slugMatch = SLUG_LINE.exec(lines[0]?.text.trim() ?? '')
  if (slugMatch !== null) {
    slug = slugify(slugMatch[1] ?? '') || undefined
    lines.shift()
  }
  const headline = lines.shift()?.text.trim() ?? ''
  if (headline === '') return bad('a story without a headline')
  const byMatch = BY_LINE.exec(lines.find((l) => l.text.trim() !== '')?.text.trim() ?? '')
  if (byMatch !== null)
    lines.splice(
      lines.findIndex((l) => l.text.trim() !== ''),
      1,
    )
  const body = paragraphs(lines)
  const first = body[0]
  if (first === undefined) return bad('a story without any text after its headline')

  const dateline = parseDateline(first.text)
  if (typeof dateline === 'string') return bad(dateline, `${context.file}:${first.line}`)
  const records: ImportRecord[] = []
  const people = byMatch === null ? [] : names(byMatch[1] ?? '')
  const bylines = people.length > 0 ? people : dateline === undefined ? [] : [dateline.agency]
  const authors = bylines.map((name) => {
    const sourceId = `author:${slugify(name) || name}`
    if (!context.sent.has(sourceId)) {
      context.sent.add(sourceId)
      records.push({ kind: 'author', place, sourceId, name })
    }
    return sourceId
  })
  const story: ImportedStory = {
    kind: 'story',
    place,
    sourceId: slug === undefined ? hashId(headline, dateline?.text ?? '') : `slug:${slug}`,
    headline,
    body: { format: 'markdown', text: body.map((p) => markdownParagraph(p.text)).join('\n\n') },
    authors,
    credits: dateline === undefined ? [] : [`Credit: ${dateline.agency}`],
    status: 'published',
    publishedAt:
      dateline?.date === undefined ? undefined : datelineDate(dateline.date, context.now),
    slug,
  }
  return [...records, story]
}

/**
 * Reads a folder of Markdown files (subfolders too, in name order) as import records: each
 * `*.md` / `*.markdown` file is one story whose source id is its path relative to the folder.
 * Other files are reported as skipped; hidden files and folders (`.git`) are passed over.
 */

import fs from 'node:fs/promises'
import path from 'node:path'
import type { ImportRecord } from '../types.js'
import { type MarkdownContext, markdownStoryRecords } from './markdown-story.js'

/** A story file larger than this is reported instead of read (no article is this long). */
const MAX_FILE_BYTES = 16 * 1024 * 1024
const MARKDOWN = /\.(md|markdown)$/i
const utf8 = new TextDecoder('utf-8', { fatal: true })

/** Every file under `dir` as a path relative to `root` with forward slashes, in name order. */
async function* files(
  root: string,
  dir: string,
): AsyncGenerator<{ relative: string; entry: 'file' | 'link' | 'other' }> {
  const entries = (await fs.readdir(dir, { withFileTypes: true })).sort((a, b) =>
    a.name < b.name ? -1 : 1,
  )
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue
    const full = path.join(dir, entry.name)
    const relative = path.relative(root, full).split(path.sep).join('/')
    if (entry.isDirectory()) yield* files(root, full)
    else
      yield { relative, entry: entry.isFile() ? 'file' : entry.isSymbolicLink() ? 'link' : 'other' }
  }
}

/** One Markdown file's records, or the reason it cannot be read. */
async function fileRecords(
  root: string,
  relative: string,
  context: MarkdownContext,
): Promise<ImportRecord[]> {
  const full = path.join(root, relative)
  const { size } = await fs.stat(full)
  if (size > MAX_FILE_BYTES)
    return [
      {
        kind: 'malformed',
        place: relative,
        reason: `larger than ${MAX_FILE_BYTES / 1024 / 1024} MiB`,
      },
    ]
  let text: string
  try {
    text = utf8.decode(await fs.readFile(full))
  } catch {
    return [{ kind: 'malformed', place: relative, reason: 'invalid UTF-8' }]
  }
  return markdownStoryRecords(relative, text, context)
}

/**
 * Yields sections, authors and stories (or skip and malformed records) for the folder `dir`.
 * @example for await (const record of readMarkdownFolder('content/posts')) …
 */
export async function* readMarkdownFolder(dir: string): AsyncGenerator<ImportRecord> {
  const context: MarkdownContext = { sent: new Set() }
  for await (const { relative, entry } of files(dir, dir)) {
    if (entry === 'link')
      yield {
        kind: 'skip',
        place: relative,
        what: 'symbolic link',
        reason: 'links are not followed',
      }
    else if (!MARKDOWN.test(relative) || entry !== 'file')
      yield { kind: 'skip', place: relative, what: 'file', reason: 'not a Markdown (.md) file' }
    else yield* await fileRecords(dir, relative, context)
  }
}

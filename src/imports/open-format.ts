/**
 * Opens the Ghost, Markdown and wire inputs as record streams for the import runner, with the
 * id space (source name) each one's ids belong to and, for files, how far reading has got.
 */

import fs from 'node:fs'
import path from 'node:path'
import { readGhostExport } from './ghost/read-ghost-export.js'
import { readMarkdownFolder } from './markdown/read-markdown-folder.js'
import type { ImportOptions, ImportRecord, ImportSource } from './types.js'
import { readWireFile } from './wire/read-wire-file.js'

/** An input opened for a run: its records and, for files, its read progress. */
export interface OpenedFormat {
  source: ImportSource
  records: AsyncIterable<ImportRecord>
  bytesRead?: () => number
  totalBytes?: number
}

/** The folder or file's own name, so that moving it keeps its ids and two sources stay apart. */
const nameOf = (input: string): string => path.basename(path.resolve(input))

/**
 * A Ghost JSON export; read twice (relations, then posts), so the bar counts the file twice.
 * Ghost's ids are ObjectIds, unique across sites: one id space for every Ghost export.
 */
export function openGhostExport(file: string, options: ImportOptions): OpenedFormat {
  const size = fs.statSync(file).size
  let read = 0
  const records = readGhostExport({
    open: () => fs.createReadStream(file, { highWaterMark: 256 * 1024 }),
    publishedOnly: options.publishedOnly === true,
    onBytes: (bytes) => (read = bytes),
  })
  return { source: { name: 'ghost' }, records, bytesRead: () => read, totalBytes: 2 * size }
}

/** A folder of Markdown files; ids are paths relative to it, within the folder's name. */
export function openMarkdownFolder(dir: string): OpenedFormat {
  return { source: { name: `markdown ${nameOf(dir)}` }, records: readMarkdownFolder(dir) }
}

/** A file of plain-text wire stories; ids are slug lines or hashes, within the file's name. */
export function openWireFile(file: string, now: Date): OpenedFormat {
  const size = fs.statSync(file).size
  let read = 0
  async function* counted(): AsyncGenerator<Uint8Array> {
    for await (const chunk of fs.createReadStream(file) as AsyncIterable<Buffer>) {
      read += chunk.length
      yield chunk
    }
  }
  const records = readWireFile(counted(), { file: nameOf(file), now })
  return {
    source: { name: `wire ${nameOf(file)}` },
    records,
    bytesRead: () => read,
    totalBytes: size,
  }
}

/**
 * Reads a Ghost JSON export (Ghost 3 to 6) as import records, in two streaming passes over the
 * file so that neither the posts nor the file ever sit whole in memory: the first pass keeps the
 * small tables and the joins, the second maps each post as it goes by.
 */

import type { ImportRecord } from '../types.js'
import { ghostChooser, placeOf, type ShapeProblem } from './ghost-paths.js'
import { type GhostPostContext, ghostPostRecords } from './ghost-post.js'
import { readGhostRelations } from './ghost-relations.js'
import { selectJson } from './json-select.js'
import { JsonSyntaxError } from './json-tokenizer.js'

/** How to read the export. */
export interface GhostReadOptions {
  /** Opens the file from the start; called once per pass. */
  open: () => AsyncIterable<Uint8Array>
  /** Drafts and scheduled posts are skipped with a reason. */
  publishedOnly?: boolean
  /** Bytes read so far over both passes (the whole run reads the file twice). */
  onBytes?: (bytesRead: number) => void
}

const SHAPE = 'not a Ghost export: expected { db: [{ meta, data }] } or { meta, data }'
const POSTS = new Set(['posts'])

/** Turns a syntax error into the record that reports it; rethrows anything else. */
function syntaxRecord(error: unknown): ImportRecord {
  if (error instanceof JsonSyntaxError)
    return {
      kind: 'malformed',
      place: `byte ${error.offset}`,
      reason: `broken JSON: ${error.message}`,
    }
  throw error
}

/** A supported major version, or the reason it is not. */
function versionProblem(version: string | undefined): string | undefined {
  if (version === undefined) return undefined
  const major = Number(/^(\d+)\./.exec(version)?.[1] ?? Number.NaN)
  if (major >= 3 && major <= 6) return undefined
  return `Ghost ${version} is not a supported version (3 to 6); reading it as Ghost 6`
}

/**
 * Yields sections, authors and stories (or skip and malformed records) for every post.
 * @example for await (const record of readGhostExport({ open: () => fs.createReadStream(file) })) …
 */
export async function* readGhostExport(options: GhostReadOptions): AsyncGenerator<ImportRecord> {
  let firstPassBytes = 0
  const relations = await readGhostRelations(options.open(), (bytes) => {
    firstPassBytes = bytes
    options.onBytes?.(bytes)
  })
  const broken = relations.syntaxError && syntaxRecord(relations.syntaxError)
  if (!relations.hasData) {
    yield broken ?? { kind: 'malformed', place: 'the top level', reason: SHAPE }
    return
  }
  const versionReason = versionProblem(relations.version)
  if (versionReason !== undefined)
    yield { kind: 'malformed', place: 'meta.version', reason: versionReason }
  yield* relations.problems

  const context: GhostPostContext = {
    relations,
    publishedOnly: options.publishedOnly ?? false,
    sent: new Set(),
  }
  const ignored: ShapeProblem[] = [] // the first pass reported the shape already
  const chooser = ghostChooser(POSTS, ignored)
  const posts = selectJson(options.open(), chooser, (bytes) =>
    options.onBytes?.(firstPassBytes + bytes),
  )
  try {
    for await (const taken of posts) {
      if (taken.path[taken.path.length - 1] === 'meta') continue
      yield* ghostPostRecords(taken.value, placeOf(taken.path), taken.invalidUtf8, context)
    }
  } catch (error) {
    // The first pass met the same break and has its record ready; the posts before it are in.
    yield broken ?? syntaxRecord(error)
    return
  }
  if (broken !== undefined) yield broken
}

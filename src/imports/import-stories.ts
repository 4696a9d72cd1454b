/** The import runner: takes any importer's records, writes them, and counts what happened. */

import { isMastheadError } from '../lib/errors.js'
import { createImportRun, type ImportDeps } from './import-run.js'
import { writeStory } from './story-writer.js'
import type {
  ImportOptions,
  ImportProgress,
  ImportRecord,
  ImportSource,
  ImportSummary,
} from './types.js'

export interface RunCallbacks {
  /** Called after every record (the CLI draws its progress from it). */
  onProgress?: (progress: ImportProgress) => void
}

/**
 * Writes `records` from `source` through the newsroom and media services. A record that fails is
 * reported with its place and reason and the rest still imports; running the same source again
 * updates what it made before and never duplicates.
 * @example const summary = await importStories(deps, { name: 'wordpress https://old.example' }, records, {})
 */
export async function importStories(
  deps: ImportDeps,
  source: ImportSource,
  records: AsyncIterable<ImportRecord>,
  options: ImportOptions,
  callbacks: RunCallbacks = {},
): Promise<ImportSummary> {
  const run = createImportRun(deps, source.name, options)
  const summary: ImportSummary = {
    created: 0,
    updated: 0,
    skipped: [],
    errors: [],
    createdOther: { authors: 0, sections: 0, photos: 0 },
  }
  let done = 0
  for await (const record of records) {
    try {
      switch (record.kind) {
        case 'skip':
          summary.skipped.push({ place: record.place, what: record.what, reason: record.reason })
          break
        case 'malformed':
          summary.errors.push({ place: record.place, what: 'record', reason: record.reason })
          break
        case 'section':
          if ((await run.section(record)) === 'created') summary.createdOther.sections++
          break
        case 'author':
          if ((await run.author(record)) === 'created') summary.createdOther.authors++
          break
        case 'photo':
          if ((await run.photo(record)) === 'created') summary.createdOther.photos++
          break
        case 'story':
          if (options.publishedOnly === true && record.status !== 'published') {
            summary.skipped.push({
              place: record.place,
              what: `draft "${record.headline}"`,
              reason: 'a draft, and --published-only was given',
            })
          } else {
            summary[await writeStory(deps, run, record)]++
          }
          break
      }
    } catch (error) {
      const note = { place: record.place, what: describeRecord(record), reason: reasonOf(error) }
      // A photo out of reach is left out by design (the story imports without it).
      if (isMastheadError(error) && error.code === 'IMPORT_PHOTO_UNREACHABLE')
        summary.skipped.push(note)
      else summary.errors.push(note)
    }
    done++
    callbacks.onProgress?.({
      done,
      created: summary.created,
      updated: summary.updated,
      skipped: summary.skipped.length,
      errors: summary.errors.length,
    })
  }
  return summary
}

function describeRecord(record: ImportRecord): string {
  switch (record.kind) {
    case 'story':
      return `story "${record.headline}"`
    case 'section':
    case 'author':
      return `${record.kind} "${record.name}"`
    case 'photo':
      return `photo ${record.url ?? record.file ?? record.sourceId}`
    default:
      return 'record'
  }
}

/** The reason to print: our errors' messages (with their code), anything else's message. */
function reasonOf(error: unknown): string {
  if (isMastheadError(error)) return `${error.message} (${error.code})`
  return error instanceof Error ? error.message : String(error)
}

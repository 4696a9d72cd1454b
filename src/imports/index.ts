/** The imports' public surface: createImports, the record types importers yield, the converters. */

import type { Db } from '../db/database.js'
import type { DialectName } from '../db/dialect/dialect.js'
import type { Clock } from '../lib/clock.js'
import type { Media, MediaStorage } from '../media/index.js'
import type { Newsroom } from '../newsroom/index.js'
import { redirectedArticle } from './import-queries.js'
import { importStories, type RunCallbacks } from './import-stories.js'
import { exportSite, type ExportOptions, type ExportSummary } from './masthead/export-site.js'
import { restoreSite, type RestoreOptions, type RestoreSummary } from './masthead/restore-site.js'
import { redirectKey } from './old-urls.js'
import type { ImportOptions, ImportRecord, ImportSource, ImportSummary } from './types.js'

export type * from './types.js'
export type { RunCallbacks }
export type { ExportOptions, ExportSummary, RestoreOptions, RestoreSummary }
export type { RestoreProgress } from './masthead/restore-site.js'
export { EXPORT_FORMAT, EXPORT_VERSION, mediaFolderOf } from './masthead/export-format.js'
export { htmlToMarkdown, type ConvertedBody } from './html/html-to-markdown.js'
export { parseSectionMap } from './section-map.js'
export { redirectKey } from './old-urls.js'
export { IMPORTS_ERRORS } from './errors.js'
export { openGhostExport, openMarkdownFolder, openWireFile } from './open-format.js'
export { openWxr, type OpenedWxr } from './wxr/wxr-reader.js'

export interface ImportsDeps {
  db: Db
  clock: Clock
  newsroom: Newsroom
  media: Pick<Media, 'savePhoto'>
  /** The media files themselves, for the masthead export and its restore (same keys). */
  storage: MediaStorage
  /** The restore moves PostgreSQL's sequences past the ids it wrote. */
  dialect: DialectName
}

/** Imports from other platforms, and the old addresses they leave behind. */
export interface Imports {
  /** Writes an importer's records (see importStories); idempotent per source and source id. */
  run(
    source: ImportSource,
    records: AsyncIterable<ImportRecord>,
    options?: ImportOptions,
    callbacks?: RunCallbacks,
  ): Promise<ImportSummary>
  /** The story an old platform's address (path and query) led to, when an import recorded it. */
  redirectFor(address: string): Promise<number | undefined>
  /** Writes the whole site to `file` and its photos' files to `file.media/` (see docs/export-format.md). */
  exportSite(file: string, options: ExportOptions): Promise<ExportSummary>
  /** Restores a masthead export into this empty database, keeping every id; all or nothing. */
  restoreSite(file: string, options?: RestoreOptions): Promise<RestoreSummary>
}

/**
 * Builds the imports service.
 * @example const imports = createImports({ db, clock, newsroom, media, storage, dialect: 'sqlite' })
 */
export function createImports(deps: ImportsDeps): Imports {
  return {
    run: (source, records, options = {}, callbacks = {}) =>
      importStories(deps, source, records, options, callbacks),
    redirectFor: async (address) => {
      const key = redirectKey(address)
      return key === undefined ? undefined : redirectedArticle(deps.db, key)
    },
    exportSite: (file, options) => exportSite(deps, file, options),
    restoreSite: (file, options) => restoreSite(deps, file, options),
  }
}

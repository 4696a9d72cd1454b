/**
 * `masthead import masthead FILE`: restores a masthead export into an empty database, keeping
 * every id (so addresses, comment links and picks stay what they were). Two streaming passes:
 * the first checks the whole file and the photo files and writes nothing; the second inserts the
 * rows in one transaction and stores the files, undoing both if anything is refused.
 */

import fs from 'node:fs'
import path from 'node:path'
import { type Kysely, sql } from 'kysely'
import type { Db } from '../../db/database.js'
import type { DialectName } from '../../db/dialect/dialect.js'
import { toDbTime } from '../../db/time-codec.js'
import { fileKeyOf, type MediaStorage } from '../../media/index.js'
import { selectJson, type JsonChooser, type TakenValue } from '../ghost/json-select.js'
import { JsonSyntaxError } from '../ghost/json-tokenizer.js'
import { restoreFileInvalid, restoreRefused, restoreTargetNotEmpty } from '../errors.js'
import { FILE_CONCURRENCY, inGroups } from './export-site.js'
import {
  type ColumnType,
  EXPORT_FORMAT,
  EXPORT_TABLES,
  EXPORT_VERSION,
  mediaFolderOf,
  PHOTOS_KEY,
  STORIES_KEY,
  STORY_CHILDREN,
  type TableSpec,
} from './export-format.js'

export interface RestoreDeps {
  db: Db
  dialect: DialectName
  storage: Pick<MediaStorage, 'stat' | 'writeAll' | 'removeAll'>
}

/** Where a restore is: checking the file, then writing it. */
export interface RestoreProgress {
  phase: 'checking' | 'writing'
  /** Rows handled in this phase. */
  rows: number
  bytesRead: number
  totalBytes: number
}

export interface RestoreOptions {
  onProgress?: (state: RestoreProgress) => void
}

/** What was restored. */
export interface RestoreSummary {
  /** Rows per top-level key of the file. */
  counts: Record<string, number>
  /** Photo files stored. */
  files: number
  exportedAt: string
  site: unknown
}

type Row = Record<string, unknown>

/** The header members (anything else at the top level is a table). */
const HEADER = new Set(['format', 'version', 'exportedAt', 'site', 'settings', 'media'])
const TABLES = new Map(EXPORT_TABLES.map((spec) => [spec.key, spec]))
const CHILDREN = new Map(STORY_CHILDREN.map((spec) => [spec.key, spec]))
/** Rows inserted per statement (well under either engine's limit on bound values). */
const INSERT_BATCH = 100
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?(?:Z|[+-]\d{2}:\d{2})$/

/** Root entered, tables entered, rows and header members taken whole. */
const chooser: JsonChooser = (at, kind) => {
  if (at.length === 0) return kind === 'object' ? 'enter' : 'take'
  if (at.length === 1) return kind === 'array' && TABLES.has(String(at[0])) ? 'enter' : 'take'
  return 'take'
}

/**
 * Restores the export at `file` (its photo files from `file.media/`) into the empty database.
 * @example const summary = await restoreSite({ db, dialect: 'sqlite', storage }, 'site.json')
 */
export async function restoreSite(
  deps: RestoreDeps,
  file: string,
  options: RestoreOptions = {},
): Promise<RestoreSummary> {
  await ensureEmpty(deps.db)
  const totalBytes = fs.statSync(file).size
  const mediaFolder = mediaFolderOf(file)
  const checked = await check(deps, file, mediaFolder, totalBytes, options)
  const files = await write(deps, file, mediaFolder, totalBytes, options)
  return { counts: checked.counts, files, exportedAt: checked.exportedAt, site: checked.site }
}

/** Kysely over tables chosen at run time (the format's description names them). */
const anyDb = (db: Db): Kysely<any> => db // eslint-disable-line @typescript-eslint/no-explicit-any

/** Refuses unless every table the export fills is empty. */
async function ensureEmpty(db: Db): Promise<void> {
  const full: string[] = []
  for (const spec of [...EXPORT_TABLES, ...STORY_CHILDREN]) {
    const row = await anyDb(db).selectFrom(spec.table).select(sql`1`.as('one')).limit(1).executeTakeFirst() // prettier-ignore
    if (row !== undefined) full.push(spec.table)
  }
  if (full.length > 0) throw restoreTargetNotEmpty(full)
}

/** Reads the file's values, turning broken JSON into the invalid-file error. */
async function* values(file: string, onBytes: (bytes: number) => void): AsyncGenerator<TakenValue> {
  try {
    yield* selectJson(fs.createReadStream(file, { highWaterMark: 256 * 1024 }), chooser, onBytes)
  } catch (error) {
    if (error instanceof JsonSyntaxError) throw restoreFileInvalid(`byte ${error.offset}`, 'broken JSON') // prettier-ignore
    throw error
  }
}

const placeOf = (at: readonly (string | number)[]): string =>
  at.map((part, i) => (typeof part === 'number' ? `[${part}]` : i === 0 ? part : `.${part}`)).join('') // prettier-ignore

/** The first pass: the header, every row's shape, and each photo file there and not yet stored. */
async function check(
  deps: RestoreDeps,
  file: string,
  mediaFolder: string,
  totalBytes: number,
  options: RestoreOptions,
): Promise<{ counts: Record<string, number>; exportedAt: string; site: unknown }> {
  const counts: Record<string, number> = {}
  const header = new Map<string, unknown>()
  let bytesRead = 0
  let rows = 0
  let first = true
  for await (const taken of values(file, (bytes) => (bytesRead = bytes))) {
    const [key, index] = taken.path
    const place = placeOf(taken.path)
    if (taken.path.length === 0) throw restoreFileInvalid('the top level', 'expected an object')
    if (taken.invalidUtf8) throw restoreFileInvalid(place, 'invalid UTF-8')
    if (first) {
      // The format comes first: anything else is some other JSON, reported as such at once.
      if (key !== 'format' || taken.value !== EXPORT_FORMAT)
        throw restoreFileInvalid(place, `not a masthead export (it must begin with "format": "${EXPORT_FORMAT}")`) // prettier-ignore
      first = false
    }
    if (index === undefined) {
      const name = String(key)
      if (TABLES.has(name)) throw restoreFileInvalid(place, 'expected an array of rows')
      if (!HEADER.has(name)) throw restoreFileInvalid(place, 'not a member of the format (version 1)') // prettier-ignore
      header.set(name, taken.value)
      if (name === 'version' && taken.value !== EXPORT_VERSION)
        throw restoreFileInvalid(place, `version ${JSON.stringify(taken.value)} is not supported (this Masthead reads version ${EXPORT_VERSION})`) // prettier-ignore
      continue
    }
    const spec = TABLES.get(String(key)) as TableSpec
    if (!header.has('version')) throw restoreFileInvalid(place, 'the version must come before the rows') // prettier-ignore
    const row = checkRow(spec, taken.value, place, extrasOf(spec))
    if (spec.key === STORIES_KEY) checkChildren(row, place)
    if (spec.key === PHOTOS_KEY) await checkFiles(deps, row, place, mediaFolder)
    counts[spec.key] = (counts[spec.key] ?? 0) + 1
    if (++rows % INSERT_BATCH === 0)
      options.onProgress?.({ phase: 'checking', rows, bytesRead, totalBytes })
  }
  if (first) throw restoreFileInvalid('the top level', 'an empty object, not a masthead export')
  if (!header.has('version')) throw restoreFileInvalid('the top level', 'no version')
  const exportedAt = header.get('exportedAt')
  if (typeof exportedAt !== 'string' || !ISO_TIME.test(exportedAt))
    throw restoreFileInvalid('exportedAt', 'expected an ISO-8601 time')
  for (const spec of EXPORT_TABLES) counts[spec.key] ??= 0
  options.onProgress?.({ phase: 'checking', rows, bytesRead, totalBytes })
  return { counts, exportedAt, site: header.get('site') }
}

/** The members a row may carry beyond its columns: a story's children, a photo's files. */
function extrasOf(spec: TableSpec): ReadonlySet<string> {
  if (spec.key === STORIES_KEY) return new Set(CHILDREN.keys())
  if (spec.key === PHOTOS_KEY) return new Set(['files'])
  return new Set()
}

/** `value` as a row of `spec`, or the invalid-file error naming the first wrong member. */
function checkRow(
  spec: TableSpec,
  value: unknown,
  place: string,
  extras: ReadonlySet<string>,
): Row {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw restoreFileInvalid(place, 'expected an object')
  const row = value as Row
  for (const [column, type] of Object.entries(spec.columns)) {
    if (!(column in row)) throw restoreFileInvalid(`${place}.${column}`, 'missing')
    const problem = typeProblem(type, row[column])
    if (problem !== undefined) throw restoreFileInvalid(`${place}.${column}`, problem)
  }
  for (const member of Object.keys(row))
    if (!(member in spec.columns) && !extras.has(member))
      throw restoreFileInvalid(`${place}.${member}`, 'not a member of the format (version 1)')
  return row
}

/** Why `value` is not of `type`, or undefined when it is. */
function typeProblem(type: ColumnType, value: unknown): string | undefined {
  if (value === null) return type.endsWith('?') ? undefined : 'must not be null'
  const base = type.replace('?', '')
  if (base === 'int') return Number.isSafeInteger(value) ? undefined : 'expected an integer'
  if (typeof value !== 'string') return 'expected a string'
  if (base === 'time' && (!ISO_TIME.test(value) || Number.isNaN(Date.parse(value))))
    return 'expected an ISO-8601 time'
  return undefined
}

function checkChildren(story: Row, place: string): void {
  for (const child of STORY_CHILDREN) {
    const list = story[child.key]
    if (!Array.isArray(list)) throw restoreFileInvalid(`${place}.${child.key}`, 'expected an array') // prettier-ignore
    list.forEach((value, i) => checkRow(child, value, `${place}.${child.key}[${i}]`, new Set()))
  }
}

/** A photo's files: storage keys of this photo, present in the media folder, absent from storage. */
async function checkFiles(deps: RestoreDeps, photo: Row, place: string, folder: string) {
  const files = photo.files
  if (!Array.isArray(files)) throw restoreFileInvalid(`${place}.files`, 'expected an array')
  for (const [i, key] of files.entries()) {
    const at = `${place}.files[${i}]`
    if (
      typeof key !== 'string' ||
      fileKeyOf(`/media/${key}`) === undefined ||
      !key.startsWith(`${String(photo.storage_key)}-`)
    )
      throw restoreFileInvalid(at, `not a file of photo ${String(photo.storage_key)}`)
    if (!fs.statSync(path.join(folder, ...key.split('/')), { throwIfNoEntry: false })?.isFile())
      throw restoreFileInvalid(at, `${key} is not in ${folder}`)
    if ((await deps.storage.stat(key)) !== undefined)
      throw restoreFileInvalid(at, `${key} is already in the media storage (never overwritten)`)
  }
}

/** A file row's value as the database takes it. */
function decodeRow(columns: Readonly<Record<string, ColumnType>>, row: Row): Row {
  const decoded: Row = {}
  for (const [column, type] of Object.entries(columns)) {
    const value = row[column]
    decoded[column] =
      type.startsWith('time') && typeof value === 'string' ? toDbTime(new Date(value)) : value
  }
  return decoded
}

/** The second pass: every row inserted in one transaction, files stored; all undone on failure. */
async function write(
  deps: RestoreDeps,
  file: string,
  mediaFolder: string,
  totalBytes: number,
  options: RestoreOptions,
): Promise<number> {
  const stored: string[] = []
  let place = 'the start'
  try {
    await deps.db.transaction().execute(async (trx) => {
      // Rows wait per table and go in 100 at a time; a refused statement names its rows' places.
      const pending = new Map<string, { spec: TableSpec; rows: Row[]; places: string[] }>()
      const flush = async () => {
        for (const { spec, rows, places } of pending.values()) {
          if (rows.length === 0) continue
          const [from, to] = [places[0], places[places.length - 1]]
          place = from === to ? String(from) : `one of ${String(from)} to ${String(to)}`
          await anyDb(trx).insertInto(spec.table).values(rows.splice(0)).execute()
          places.length = 0
        }
      }
      const queue = async (spec: TableSpec, row: Row, at: string) => {
        // By table: a story's `authors` and `tags` are other tables than the top-level ones.
        const entry = pending.get(spec.table) ?? { spec, rows: [], places: [] }
        pending.set(spec.table, entry)
        entry.rows.push(row)
        entry.places.push(at)
        if (entry.rows.length >= INSERT_BATCH) await flush()
      }
      // Photos' files are stored a few photos at once: the writes wait on the disk, not the CPU.
      const photoFiles: string[][] = []
      const storePending = () =>
        inGroups(photoFiles.splice(0), FILE_CONCURRENCY, (keys) =>
          storeFiles(deps, keys, mediaFolder, stored),
        )
      let bytesRead = 0
      let rows = 0
      let table = ''
      for await (const taken of values(file, (bytes) => (bytesRead = bytes))) {
        const [key, index] = taken.path
        if (index === undefined) continue
        const spec = TABLES.get(String(key)) as TableSpec
        // A new table: everything queued before goes in first (the file's order is the FK order).
        if (spec.key !== table) await flush()
        table = spec.key
        const at = placeOf(taken.path)
        const row = taken.value as Row
        await queue(spec, { ...decodeRow(spec.columns, row), ...spec.fill }, at)
        if (spec.key === STORIES_KEY)
          for (const child of STORY_CHILDREN)
            for (const [i, item] of (row[child.key] as Row[]).entries())
              await queue(child, { [child.parent]: row.id, ...decodeRow(child.columns, item) }, `${at}.${child.key}[${i}]`) // prettier-ignore
        if (spec.key === PHOTOS_KEY) {
          place = `the files of ${at}`
          photoFiles.push(row.files as string[])
          if (photoFiles.length >= FILE_CONCURRENCY) await storePending()
        }
        if (++rows % INSERT_BATCH === 0)
          options.onProgress?.({ phase: 'writing', rows, bytesRead, totalBytes })
      }
      place = 'the last photo files'
      await storePending()
      await flush()
      place = 'the id sequences'
      if (deps.dialect === 'postgres') await moveSequences(trx)
      options.onProgress?.({ phase: 'writing', rows, bytesRead: totalBytes, totalBytes })
    })
  } catch (error) {
    await deps.storage.removeAll(stored)
    throw restoreRefused(place, error instanceof Error ? error.message : String(error), error)
  }
  return stored.length
}

/** Stores a photo's files under their own keys (the storage never overwrites one). */
async function storeFiles(
  deps: RestoreDeps,
  keys: readonly string[],
  folder: string,
  stored: string[],
): Promise<void> {
  const files = await Promise.all(
    keys.map(async (key) => [key, await fs.promises.readFile(path.join(folder, ...key.split('/')))] as const), // prettier-ignore
  )
  await deps.storage.writeAll(files)
  stored.push(...keys)
}

/**
 * PostgreSQL's identity sequences do not move when ids are given: each is set past the largest
 * restored id, or the next story saved would collide with a restored one. (SQLite's AUTOINCREMENT
 * follows the largest id by itself.)
 */
async function moveSequences(trx: Db): Promise<void> {
  for (const spec of [...EXPORT_TABLES, ...STORY_CHILDREN]) {
    if (spec.serial !== true) continue
    await sql`select setval(pg_get_serial_sequence(${spec.table}, 'id'), max(id)) from ${sql.table(spec.table)} having max(id) is not null`.execute(
      trx,
    )
  }
}

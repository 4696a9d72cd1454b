/**
 * `masthead export`: the whole site as one JSON file written as a stream (rows read in batches,
 * one row a line), and every photo's files copied into the folder beside it.
 */

import { once } from 'node:events'
import fs from 'node:fs'
import path from 'node:path'
import { pipeline } from 'node:stream/promises'
import type { Kysely } from 'kysely'
import type { Db } from '../../db/database.js'
import type { DialectName } from '../../db/dialect/dialect.js'
import { fromDbTime } from '../../db/time-codec.js'
import { fileKeyOf, type MediaStorage, photoCrops, photoVariants } from '../../media/index.js'
import { exportTargetExists } from '../errors.js'
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

export interface ExportDeps {
  db: Db
  storage: Pick<MediaStorage, 'stat' | 'open'>
  /** PostgreSQL reads in a repeatable-read transaction; SQLite's read transaction is one too. */
  dialect: DialectName
}

export interface ExportOptions {
  /** When the export was made (written as exportedAt). */
  now: Date
  /** The site's name, address and language, for information. */
  site: Record<string, unknown>
  /** The effective settings (from the configuration, not the database), for information. */
  settings: Record<string, unknown>
  /** Called after each batch with the table being written and rows written so far. */
  onProgress?: (state: { table: string; rows: number; files: number }) => void
}

/** What an export wrote. */
export interface ExportSummary {
  /** Rows per top-level key of the file. */
  counts: Record<string, number>
  /** Photo files copied into the media folder, and their bytes. */
  files: number
  fileBytes: number
  /** The file's size in bytes. */
  bytes: number
  mediaFolder: string
}

type Row = Record<string, unknown>

/** Photos whose files are copied at once: file copies wait on the disk, not the CPU. */
export const FILE_CONCURRENCY = 8

/**
 * Runs `work` on every item, `size` at a time. A group is always waited for whole, even when one
 * fails, so no write is still running when the caller cleans up after the failure.
 */
export async function inGroups<T>(
  items: readonly T[],
  size: number,
  work: (item: T) => Promise<void>,
): Promise<void> {
  for (let i = 0; i < items.length; i += size) {
    const results = await Promise.allSettled(items.slice(i, i + size).map(work))
    const failed = results.find((result) => result.status === 'rejected')
    if (failed !== undefined) throw failed.reason
  }
}

/** Rows read per query: big enough to be quick, small enough that 10,000 stories never sit whole. */
const BATCH = 250

/**
 * Writes the site to `file` (and its photos' files to `file.media/`); refuses when either exists.
 * The file is written as `file.partial` and renamed once complete, so a failed export leaves no
 * file that looks finished.
 */
export async function exportSite(
  deps: ExportDeps,
  file: string,
  options: ExportOptions,
): Promise<ExportSummary> {
  const mediaFolder = mediaFolderOf(file)
  for (const target of [file, mediaFolder])
    if (fs.existsSync(target)) throw exportTargetExists(target)
  const partial = `${file}.partial`
  fs.mkdirSync(mediaFolder, { recursive: true })
  const out = fs.createWriteStream(partial, { flags: 'w' })
  const write = async (text: string): Promise<void> => {
    if (!out.write(text)) await once(out, 'drain')
  }
  const summary: ExportSummary = { counts: {}, files: 0, fileBytes: 0, bytes: 0, mediaFolder }
  try {
    const header = {
      format: EXPORT_FORMAT,
      version: EXPORT_VERSION,
      exportedAt: options.now.toISOString(),
      site: options.site,
      settings: options.settings,
      media: { folder: path.basename(mediaFolder) },
    }
    // The header's members one a line, then each table as an array of rows one a line.
    await write(`{\n${Object.entries(header).map(([k, v]) => `${JSON.stringify(k)}: ${JSON.stringify(v)}`).join(',\n')}`) // prettier-ignore
    // One read transaction for the whole export: a site that keeps running meanwhile cannot
    // give a comment whose story was not read, or a byline whose author came later.
    const transaction = deps.db.transaction()
    await (
      deps.dialect === 'postgres' ? transaction.setIsolationLevel('repeatable read') : transaction
    ).execute(async (db) => {
      for (const spec of EXPORT_TABLES) {
        await write(`,\n${JSON.stringify(spec.key)}: [`)
        let rows = 0
        for await (const batch of readTable(db, spec)) {
          if (spec.key === STORIES_KEY) await addChildren(db, batch)
          if (spec.key === PHOTOS_KEY)
            await inGroups(batch, FILE_CONCURRENCY, async (row) => {
              row.files = await copyPhotoFiles(deps.storage, row, mediaFolder, summary)
            })
          const text = batch.map((row) => `\n${JSON.stringify(row)}`).join(',')
          await write(rows === 0 ? text : `,${text}`)
          rows += batch.length
          options.onProgress?.({ table: spec.key, rows, files: summary.files })
        }
        await write(rows === 0 ? ']' : '\n]')
        summary.counts[spec.key] = rows
      }
    })
    await write('\n}\n')
    out.end()
    await once(out, 'finish')
    fs.renameSync(partial, file)
    summary.bytes = fs.statSync(file).size
    return summary
  } catch (error) {
    out.destroy()
    fs.rmSync(partial, { force: true })
    fs.rmSync(mediaFolder, { recursive: true, force: true })
    throw error
  }
}

/** Kysely over tables chosen at run time (the format's description names them). */
const anyDb = (db: Db): Kysely<any> => db // eslint-disable-line @typescript-eslint/no-explicit-any

/** A table's rows in the file's form, `BATCH` at a time, in its stable order (keyset on id). */
async function* readTable(db: Db, spec: TableSpec): AsyncGenerator<Row[]> {
  const columns = Object.keys(spec.columns)
  let lastId = 0
  let offset = 0
  for (;;) {
    let query = anyDb(db).selectFrom(spec.table).select(columns)
    if (spec.serial === true) query = query.where('id', '>', lastId)
    for (const column of spec.order) query = query.orderBy(column)
    query = query.limit(BATCH)
    if (spec.serial !== true) query = query.offset(offset)
    const rows = (await query.execute()) as Row[]
    if (rows.length === 0) return
    yield rows.map((row) => encodeRow(spec.columns, row))
    lastId = Number(rows[rows.length - 1]?.id ?? lastId)
    offset += rows.length
    if (rows.length < BATCH) return
  }
}

/** A database row as the file holds it: times as ISO-8601 UTC, integers as numbers. */
function encodeRow(columns: Readonly<Record<string, ColumnType>>, row: Row): Row {
  const encoded: Row = {}
  for (const [column, type] of Object.entries(columns)) {
    const value = row[column]
    if (value === null || value === undefined) encoded[column] = null
    else if (type.startsWith('time'))
      encoded[column] = fromDbTime(value as Date | string).toISOString()
    else if (type.startsWith('int')) encoded[column] = Number(value)
    else encoded[column] = value
  }
  return encoded
}

/** Puts each story's byline, tags, revisions, notes, events and old addresses inside it. */
async function addChildren(db: Db, stories: Row[]): Promise<void> {
  const ids = stories.map((story) => story.id as number)
  for (const child of STORY_CHILDREN) {
    let query = anyDb(db)
      .selectFrom(child.table)
      .select([child.parent, ...Object.keys(child.columns)])
      .where(child.parent, 'in', ids)
      .orderBy(child.parent)
    for (const column of child.order) query = query.orderBy(column)
    const byStory = new Map<number, Row[]>()
    for (const row of (await query.execute()) as Row[]) {
      const id = Number(row[child.parent])
      const list = byStory.get(id) ?? []
      list.push(encodeRow(child.columns, row))
      byStory.set(id, list)
    }
    for (const story of stories) story[child.key] = byStory.get(story.id as number) ?? []
  }
}

/**
 * Copies a photo's renditions and crops that exist in storage into the media folder under their
 * storage keys; returns the keys copied (the photo's `files` in the file).
 */
async function copyPhotoFiles(
  storage: ExportDeps['storage'],
  photo: Row,
  folder: string,
  summary: ExportSummary,
): Promise<string[]> {
  const fields = {
    storageKey: photo.storage_key as string,
    width: photo.width as number,
    height: photo.height as number,
  }
  const keys = [...photoVariants(fields), ...photoCrops(fields)].flatMap(
    (variant) => fileKeyOf(variant.url) ?? [],
  )
  const copied = await Promise.all(
    keys.map(async (key) => {
      // Crops are made on first request (media/crops.ts): one never asked for is not there.
      const opened = await storage.open(key)
      if (opened === undefined) return undefined
      const target = path.join(folder, ...key.split('/'))
      await fs.promises.mkdir(path.dirname(target), { recursive: true })
      await pipeline(opened.stream, fs.createWriteStream(target, { flags: 'wx' }))
      summary.files++
      summary.fileBytes += opened.size
      return key
    }),
  )
  return copied.filter((key) => key !== undefined)
}

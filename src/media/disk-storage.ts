/** Media storage on the local disk: one file per key under one folder. */

import fs from 'node:fs/promises'
import path from 'node:path'
import type { MediaStorage } from './storage.js'

/**
 * A key as the media domain makes them: lower-case segments, one dot, no `..`, no empty part;
 * a crop has its ratio (`16x9`, `4x3`, `1x1`) before the width; a logo rendition is named by
 * its use (`-logo-header.png`).
 */
const KEY =
  /^[a-z0-9]+(?:\/[a-z0-9]+)*-(?:(?:(?:16x9|4x3|1x1)-)?[1-9][0-9]{0,4}\.[a-z0-9]{2,4}|logo-(?:header|feed|large)\.png)$/

/**
 * Creates disk storage under `dir` (config.media.dir); folders are made on first write.
 * @example const storage = createDiskStorage(config.media.dir)
 */
export function createDiskStorage(dir: string): MediaStorage {
  const root = path.resolve(dir)

  /** The file for `key`, or undefined when `key` is not one of ours. */
  const fileOf = (key: string): string | undefined => {
    if (!KEY.test(key)) return undefined
    const file = path.resolve(root, ...key.split('/'))
    // The pattern already excludes `..`; this keeps the guarantee if the pattern ever loosens.
    return file.startsWith(root + path.sep) ? file : undefined
  }

  const removeFiles = async (files: readonly string[]): Promise<void> => {
    await Promise.all(files.map((file) => fs.rm(file, { force: true })))
  }

  return {
    writeAll: async (files) => {
      const written: string[] = []
      try {
        for (const [key, bytes] of files) {
          const file = fileOf(key)
          if (file === undefined) throw new Error(`not a media storage key: ${key}`)
          await fs.mkdir(path.dirname(file), { recursive: true })
          // `wx`: a random key that already exists means something is wrong; never overwrite.
          await fs.writeFile(file, bytes, { flag: 'wx' })
          written.push(file)
        }
      } catch (error) {
        await removeFiles(written)
        throw error
      }
    },
    removeAll: async (keys) => {
      await removeFiles(keys.flatMap((key) => fileOf(key) ?? []))
    },
    stat: async (key) => {
      const file = fileOf(key)
      const stat = file === undefined ? undefined : await fs.stat(file).catch(() => undefined)
      return stat?.isFile() === true ? { size: stat.size, mtime: stat.mtime } : undefined
    },
    open: async (key, range) => {
      const file = fileOf(key)
      if (file === undefined) return undefined
      const handle = await fs.open(file, 'r').catch(() => undefined)
      if (handle === undefined) return undefined
      try {
        // Size and bytes from the same open file, so they agree even if the path changes.
        const stat = await handle.stat()
        if (!stat.isFile()) throw new Error('not a file')
        const stream = handle.createReadStream(
          range === undefined ? {} : { start: range.start, end: range.end },
        )
        return { stream, size: stat.size, mtime: stat.mtime }
      } catch {
        await handle.close()
        return undefined
      }
    },
  }
}

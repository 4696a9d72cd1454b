/** The media storage interface: rendition bytes by key, written once, read back as streams. */

import type { Readable } from 'node:stream'

/** Inclusive first and last byte offsets of a partial read. */
export interface ByteRange {
  start: number
  end: number
}

/** What a stored file is, without its bytes. */
export interface StoredFileInfo {
  /** The whole file's size in bytes (not the range's). */
  size: number
  /** When it was written; files are never rewritten, so this is also when its bytes were made. */
  mtime: Date
}

/** A stored file opened for reading. */
export interface OpenedFile extends StoredFileInfo {
  /** The file's bytes, or only the requested range's; destroy it if it is not consumed. */
  stream: Readable
}

/**
 * Where renditions live. Keys are relative paths (`2026/11/abc123def456-800.webp`) made by the
 * media domain; an implementation refuses anything else as absent. Today: the local disk
 * (disk-storage.ts); an object store can implement the same four members.
 */
export interface MediaStorage {
  /** Writes every file, or none: on failure removes what it wrote and rethrows. Never overwrites. */
  writeAll(files: ReadonlyArray<readonly [key: string, bytes: Buffer]>): Promise<void>
  /** Removes files by key, ignoring those already gone. */
  removeAll(keys: readonly string[]): Promise<void>
  /** Size and time of the file under `key`, or undefined when there is none. */
  stat(key: string): Promise<StoredFileInfo | undefined>
  /** Opens the file under `key` (only `range` of it when given), or undefined when there is none. */
  open(key: string, range?: ByteRange): Promise<OpenedFile | undefined>
}

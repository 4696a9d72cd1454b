/**
 * The demo's photos encoded ahead of time: `npm run build` (through `npm install`) encodes the
 * default demo's drawings once into dist/demo-photos/, and the first start stores those files
 * instead of encoding again. Encoding was about half of a fresh clone's first start (7 CPU-seconds
 * for 25 photos on a 2-core machine). Entries are keyed by a hash of the drawing, so a drawing
 * that changed, or a demo of another size, simply misses and is encoded as before.
 */

import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import type { EncodedPhoto } from '../../media/index.js'

/** Where the build writes the encoded photos, beside the server bundle. */
export function prebuiltPhotosDir(): string | undefined {
  // dist/server/… when bundled, src/demo/photos/ under tsx: the project root holds package.json
  // named masthead (dist/package.json is masthead-dist).
  for (let dir = import.meta.dirname; ; dir = path.dirname(dir)) {
    const manifest = path.join(dir, 'package.json')
    if (fs.existsSync(manifest) && readName(manifest) === 'masthead')
      return path.join(dir, 'dist', 'demo-photos')
    if (path.dirname(dir) === dir) return undefined
  }
}

function readName(file: string): string | undefined {
  try {
    return (JSON.parse(fs.readFileSync(file, 'utf8')) as { name?: string }).name
  } catch {
    return undefined
  }
}

/** The key of a drawing: its SVG text decides every pixel. */
export function drawingKey(svg: string): string {
  return createHash('sha256').update(svg).digest('hex').slice(0, 24)
}

interface Entry {
  source: EncodedPhoto['source']
  renditions: {
    format: EncodedPhoto['renditions'][number]['format']
    width: number
    file: string
  }[]
  crops: { ratio: EncodedPhoto['crops'][number]['ratio']; width: number; file: string }[]
}

/** The encoded photo of `key` in `dir`, or undefined when it is not there (or unreadable). */
export async function readPrebuiltPhoto(
  dir: string,
  key: string,
): Promise<EncodedPhoto | undefined> {
  let entry: Entry
  try {
    entry = JSON.parse(await fs.promises.readFile(path.join(dir, `${key}.json`), 'utf8')) as Entry
  } catch {
    return undefined
  }
  const read = (file: string): Promise<Buffer> => fs.promises.readFile(path.join(dir, file))
  try {
    return {
      source: entry.source,
      renditions: await Promise.all(
        entry.renditions.map(async (r) => ({
          format: r.format,
          width: r.width,
          bytes: await read(r.file),
        })),
      ),
      crops: await Promise.all(
        entry.crops.map(async (c) => ({
          ratio: c.ratio,
          width: c.width,
          bytes: await read(c.file),
        })),
      ),
    }
  } catch {
    // A file missing beside its entry: encode again rather than store a partial photo.
    return undefined
  }
}

/** Writes `photo` under `key` in `dir` (files first, the entry last, so readers never see half). */
export async function writePrebuiltPhoto(
  dir: string,
  key: string,
  photo: EncodedPhoto,
): Promise<void> {
  await fs.promises.mkdir(dir, { recursive: true })
  const entry: Entry = {
    source: photo.source,
    renditions: photo.renditions.map((r) => ({
      format: r.format,
      width: r.width,
      file: `${key}-${r.width}.${r.format}`,
    })),
    crops: photo.crops.map((c) => ({
      ratio: c.ratio,
      width: c.width,
      file: `${key}-${c.ratio}.jpeg`,
    })),
  }
  await Promise.all([
    ...photo.renditions.map((r, i) =>
      fs.promises.writeFile(path.join(dir, entry.renditions[i]?.file ?? ''), r.bytes),
    ),
    ...photo.crops.map((c, i) =>
      fs.promises.writeFile(path.join(dir, entry.crops[i]?.file ?? ''), c.bytes),
    ),
  ])
  await fs.promises.writeFile(path.join(dir, `${key}.json`), JSON.stringify(entry))
}

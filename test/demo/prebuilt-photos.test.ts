/** The demo's photos encoded at build time: stored as they were prepared, and encoded when missing. */

import assert from 'node:assert/strict'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { after, before, test } from 'node:test'
import {
  createDemoPhotos,
  drawDemoPhotos,
  encodeDrawing,
} from '../../src/demo/photos/demo-photos.js'
import {
  drawingKey,
  prebuiltPhotosDir,
  readPrebuiltPhoto,
  writePrebuiltPhoto,
} from '../../src/demo/photos/prebuilt-photos.js'
import { demoPhotoRandom } from '../../src/demo/seed-demo.js'
import { createFixedClock } from '../../src/lib/clock.js'
import {
  createDiskStorage,
  createMedia,
  encodeImage,
  photoVariants,
} from '../../src/media/index.js'
import { createSqliteTestDatabase } from '../helpers/databases.js'

let dir: string
let database: Awaited<ReturnType<typeof createSqliteTestDatabase>>

before(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'masthead-prebuilt-'))
  database = await createSqliteTestDatabase()
})
after(async () => {
  await database.dispose()
  fs.rmSync(dir, { recursive: true, force: true })
})

test('the build writes under dist/demo-photos of the project', () => {
  assert.equal(prebuiltPhotosDir(), path.resolve(import.meta.dirname, '../../dist/demo-photos'))
})

test('a prebuilt photo is stored byte for byte; a drawing not prebuilt is encoded', async () => {
  const counts = { landscapes: 2, portraitsOf: [] }
  const [first, second] = drawDemoPhotos(demoPhotoRandom(5), counts)
  assert.ok(first !== undefined && second !== undefined)
  const prebuilt = path.join(dir, 'prebuilt')
  const encoded = await encodeDrawing({ encodePhoto: encodeImage }, first.svg)
  await writePrebuiltPhoto(prebuilt, drawingKey(first.svg), encoded)
  const read = await readPrebuiltPhoto(prebuilt, drawingKey(first.svg))
  assert.deepEqual(read, encoded, 'what was written reads back the same')
  assert.equal(await readPrebuiltPhoto(prebuilt, drawingKey(second.svg)), undefined)

  // Mark the prebuilt files, so the test can tell them from a fresh encoding.
  const marked = {
    ...encoded,
    renditions: encoded.renditions.map((r) => ({
      ...r,
      bytes: Buffer.concat([r.bytes, Buffer.from('prebuilt')]),
    })),
  }
  await writePrebuiltPhoto(prebuilt, drawingKey(first.svg), marked)
  const mediaDir = path.join(dir, 'media')
  const media = createMedia({
    db: database.handle.db,
    clock: createFixedClock(new Date('2026-11-20T12:00:00.000Z')),
    storage: createDiskStorage(mediaDir),
  })
  const library = await createDemoPhotos(media, demoPhotoRandom(5), counts, () => {}, prebuilt)
  const [a, b] = library.landscapes
  assert.ok(a !== undefined && b !== undefined)
  const stored = (photo: typeof a, width: number): Buffer => {
    const variant = photoVariants(photo).find((v) => v.format === 'avif' && v.width === width)
    assert.ok(variant !== undefined)
    return fs.readFileSync(path.join(mediaDir, variant.url.replace(/^\/media\//, '')))
  }
  const width = encoded.renditions[0]?.width ?? 0
  assert.ok(
    stored(a, width).subarray(-8).equals(Buffer.from('prebuilt')),
    'the first was not encoded again',
  )
  assert.ok(
    !stored(b, width).subarray(-8).equals(Buffer.from('prebuilt')),
    'the second was encoded',
  )
  assert.equal(a.alt, first.input.alt)
  assert.equal(b.credit, second.input.credit)
})

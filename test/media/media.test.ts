/** createMedia on a real database and a temp folder: renditions on disk, rows, and refused uploads. */

import assert from 'node:assert/strict'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { after, before, test } from 'node:test'
import sharp from 'sharp'
import { openDatabase } from '../../src/db/database.js'
import { createFixedClock } from '../../src/lib/clock.js'
import { createDiskStorage, createMedia, type Media, photoVariants } from '../../src/media/index.js'
import { forEachDatabase } from '../helpers/databases.js'

const NOW = new Date('2026-11-20T12:00:00.000Z')
const INPUT = {
  alt: 'Ferries at the pier',
  caption: 'Morning crossing.',
  credit: 'Tidewater Press Agency',
}

/** A solid-colour image in `format`, optionally tagged with an EXIF orientation. */
function image(
  width: number,
  height: number,
  format: 'png' | 'jpeg',
  orientation?: number,
): Promise<Buffer> {
  let pipeline = sharp({ create: { width, height, channels: 3, background: '#336699' } })
  if (orientation !== undefined) pipeline = pipeline.withMetadata({ orientation })
  return (format === 'png' ? pipeline.png({ compressionLevel: 1 }) : pipeline.jpeg()).toBuffer()
}

function filesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return []
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => e.name)
}

/** The whole stored rendition at a public path, read through the media service's stream. */
async function readRendition(media: Media, publicPath: string): Promise<Buffer> {
  const file = await media.openFile(publicPath)
  assert.ok(file !== undefined, `${publicPath} is stored`)
  const chunks: Buffer[] = []
  for await (const chunk of file.stream) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks)
}

async function rejectsWith(promise: Promise<unknown>, code: string): Promise<void> {
  await assert.rejects(promise, (error: { code?: string }) => {
    assert.equal(error.code, code)
    return true
  })
}

forEachDatabase('media', (t) => {
  let root: string
  let count = 0
  const freshDir = (): string => path.join(root, `m${++count}`)
  before(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'masthead-media-'))
  })
  after(() => {
    fs.rmSync(root, { recursive: true, force: true })
  })

  test('savePhoto writes every rendition, then records the photo', async () => {
    const dir = freshDir()
    const media = createMedia({
      db: t.handle.db,
      clock: createFixedClock(NOW),
      storage: createDiskStorage(dir),
    })
    const photo = await media.savePhoto(await image(1000, 600, 'png'), INPUT)

    assert.match(photo.storageKey, /^2026\/11\/[a-z0-9]{12}$/)
    assert.deepEqual(
      { width: photo.width, height: photo.height, mimeType: photo.mimeType },
      { width: 1000, height: 600, mimeType: 'image/png' },
    )
    assert.deepEqual({ alt: photo.alt, caption: photo.caption, credit: photo.credit }, INPUT)

    const variants = photoVariants(photo)
    assert.equal(variants.length, 6)
    for (const variant of variants) {
      const meta = await sharp(await readRendition(media, variant.url)).metadata()
      assert.equal(meta.width, variant.width)
      assert.equal(meta.format, variant.format === 'avif' ? 'heif' : variant.format)
    }
    assert.deepEqual((await media.getPhotos([photo.id])).get(photo.id), photo)
  })

  test('savePhoto turns a photo upright by its EXIF orientation and strips the metadata', async () => {
    const dir = freshDir()
    const media = createMedia({
      db: t.handle.db,
      clock: createFixedClock(NOW),
      storage: createDiskStorage(dir),
    })
    const photo = await media.savePhoto(await image(600, 400, 'jpeg', 6), INPUT)

    assert.deepEqual([photo.width, photo.height], [400, 600])
    const jpeg = photoVariants(photo).find((v) => v.format === 'jpeg')
    const meta = await sharp(await readRendition(media, jpeg?.url ?? '')).metadata()
    assert.deepEqual([meta.width, meta.height], [400, 600])
    assert.equal(meta.exif, undefined)
    assert.equal(meta.orientation, undefined)
  })

  test('an unreadable file or an SVG is refused as MEDIA_UNSUPPORTED_IMAGE', async () => {
    const dir = freshDir()
    const media = createMedia({
      db: t.handle.db,
      clock: createFixedClock(NOW),
      storage: createDiskStorage(dir),
    })
    await rejectsWith(
      media.savePhoto(Buffer.from('not an image at all'), INPUT),
      'MEDIA_UNSUPPORTED_IMAGE',
    )
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>')
    await rejectsWith(media.savePhoto(svg, INPUT), 'MEDIA_UNSUPPORTED_IMAGE')
    const truncated = (await image(800, 500, 'jpeg')).subarray(0, 400)
    await rejectsWith(media.savePhoto(truncated, INPUT), 'MEDIA_UNSUPPORTED_IMAGE')
    assert.deepEqual(filesUnder(dir), [])
  })

  test('an image over 40 megapixels or 12,000 pixels a side is refused before decoding', async () => {
    const dir = freshDir()
    const media = createMedia({
      db: t.handle.db,
      clock: createFixedClock(NOW),
      storage: createDiskStorage(dir),
    })
    await rejectsWith(
      media.savePhoto(await image(6400, 6400, 'png'), INPUT),
      'MEDIA_IMAGE_TOO_LARGE',
    )
    await rejectsWith(
      media.savePhoto(await image(12_001, 2, 'png'), INPUT),
      'MEDIA_IMAGE_TOO_LARGE',
    )
    assert.deepEqual(filesUnder(dir), [])
  })

  test('a credit longer than 200 characters is refused', async () => {
    const media = createMedia({
      db: t.handle.db,
      clock: createFixedClock(NOW),
      storage: createDiskStorage(freshDir()),
    })
    const input = { ...INPUT, credit: 'x'.repeat(201) }
    await rejectsWith(media.savePhoto(await image(100, 100, 'png'), input), 'MEDIA_FIELD_TOO_LONG')
  })

  test('getPhotos finds many photos at once and leaves unknown ids out', async () => {
    const media = createMedia({
      db: t.handle.db,
      clock: createFixedClock(NOW),
      storage: createDiskStorage(freshDir()),
    })
    const a = await media.savePhoto(await image(200, 100, 'png'), INPUT)
    const b = await media.savePhoto(await image(100, 200, 'png'), { ...INPUT, alt: 'Second' })
    const found = await media.getPhotos([b.id, a.id, 999_999, a.id])
    assert.deepEqual([...found.keys()].sort(), [a.id, b.id].sort())
    assert.equal(found.get(b.id)?.alt, 'Second')
    assert.equal((await media.getPhotos([])).size, 0)
  })
})

test('when the database write fails, the rendition files are removed again', async () => {
  // A real failure: a database without the photos table (never migrated).
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'masthead-media-'))
  const empty = openDatabase({ kind: 'sqlite', filename: path.join(dir, 'empty.db') })
  try {
    const media = createMedia({
      db: empty.db,
      clock: createFixedClock(NOW),
      storage: createDiskStorage(path.join(dir, 'media')),
    })
    await assert.rejects(media.savePhoto(await image(500, 300, 'png'), INPUT))
    assert.deepEqual(filesUnder(path.join(dir, 'media')), [])
  } finally {
    await empty.close()
    fs.rmSync(dir, { recursive: true, force: true })
  }
})

test('only well-formed /media/ rendition paths reach the storage', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'masthead-media-resolve-'))
  fs.mkdirSync(path.join(dir, '2026', '11'), { recursive: true })
  fs.writeFileSync(path.join(dir, '2026', '11', 'abcdef123456-800.webp'), 'webp bytes')
  fs.writeFileSync(path.join(dir, 'secret-800.jpg'), 'not a rendition path')
  const storage = createDiskStorage(dir)
  const media = createMedia({ db: undefined as never, clock: createFixedClock(NOW), storage })
  try {
    const found = await media.statFile('/media/2026/11/abcdef123456-800.webp')
    assert.equal(found?.size, 'webp bytes'.length)
    assert.equal((await readRendition(media, '/media/2026/11/abcdef123456-800.webp')).length, 10)
    for (const bad of [
      '/media/../secret-800.jpg',
      '/media/2026/11/../../secret-800.jpg',
      '/media/2026/11/ABCDEF123456-800.webp',
      '/media/2026/11/abcdef123456-800.png',
      '/media/2026/11/abcdef123456.webp',
      '/media/2026/11/abcdef123456-0.webp',
      '/media/2026//11/abcdef123456-800.webp',
      '/media/2026/11/abc%2e%2e-800.jpg',
      '/static/2026/11/abcdef123456-800.webp',
      '/media/2026/11/abcdef123456-800.webp?x=1',
      '/media/2026/11/nothere12345-800.webp',
      '',
    ]) {
      assert.equal(await media.statFile(bad), undefined, bad)
      assert.equal(await media.openFile(bad), undefined, bad)
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
})

/** The 16:9, 4:3 and 1:1 crops on a real database and disk: made at upload, or on first request for older photos. */

import assert from 'node:assert/strict'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { after, before, test } from 'node:test'
import sharp from 'sharp'
import { createFixedClock } from '../../src/lib/clock.js'
import {
  cropBox,
  createDiskStorage,
  createMedia,
  type Media,
  photoCrops,
} from '../../src/media/index.js'
import { forEachDatabase } from '../helpers/databases.js'

const INPUT = { alt: 'Cranes at dusk', caption: '', credit: 'Harbour Wire' }

async function readFile(media: Media, publicPath: string): Promise<Buffer> {
  const file = await media.openFile(publicPath)
  assert.ok(file !== undefined, `${publicPath} is stored`)
  const chunks: Buffer[] = []
  for await (const chunk of file.stream) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks)
}

test('cropBox: the largest centred box of the ratio, at most 1200 px wide', () => {
  assert.deepEqual(cropBox({ width: 1600, height: 1067 }, '16x9'), {
    ratio: '16x9',
    left: 0,
    top: 83,
    boxWidth: 1600,
    boxHeight: 900,
    width: 1200,
    height: 675,
  })
  const square = cropBox({ width: 1600, height: 1067 }, '1x1')
  assert.deepEqual(
    [square.left, square.boxWidth, square.width, square.height],
    [266, 1067, 1067, 1067],
  )
  const tall = cropBox({ width: 400, height: 600 }, '4x3')
  assert.deepEqual(
    [tall.top, tall.boxWidth, tall.boxHeight, tall.width, tall.height],
    [150, 400, 300, 400, 300],
  )
})

forEachDatabase('media crops', (t) => {
  let root: string
  before(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'masthead-crops-'))
  })
  after(() => fs.rmSync(root, { recursive: true, force: true }))

  test('an upload gets its three crops; a missing crop is made again on request, only at its width', async () => {
    const dir = path.join(root, t.config.kind)
    const storage = createDiskStorage(dir)
    const media = createMedia({
      db: t.handle.db,
      clock: createFixedClock(new Date('2026-11-20T12:00:00Z')),
      storage,
    })
    const upload = await sharp({
      create: { width: 1000, height: 600, channels: 3, background: '#336699' },
    })
      .png()
      .toBuffer()
    const photo = await media.savePhoto(upload, INPUT)
    const crops = photoCrops(photo)
    assert.deepEqual(
      crops.map((c) => [c.ratio, c.width, c.height]),
      [
        ['16x9', 1000, 563],
        ['4x3', 800, 600],
        ['1x1', 600, 600],
      ],
    )
    for (const crop of crops) {
      const meta = await sharp(await readFile(media, crop.url)).metadata()
      assert.deepEqual([meta.format, meta.width, meta.height], ['jpeg', crop.width, crop.height])
    }

    // A photo stored before crops existed: its crop files are absent until first asked for.
    await storage.removeAll(crops.map((c) => c.url.replace(/^\/media\//, '')))
    for (const crop of crops) {
      assert.ok(await media.statFile(crop.url), `${crop.url} is made on request`)
      const meta = await sharp(await readFile(media, crop.url)).metadata()
      assert.deepEqual([meta.width, meta.height], [crop.width, crop.height])
    }
    const wrong = crops[0]?.url.replace(/-\d+\.jpg$/, '-640.jpg') ?? ''
    assert.equal(await media.statFile(wrong), undefined)
    assert.equal(await media.statFile('/media/2026/11/nosuchphoto00-1x1-600.jpg'), undefined)
    assert.equal(await media.statFile(`/media/${photo.storageKey}-2x1-600.jpg`), undefined)
  })
})

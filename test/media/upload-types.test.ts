/** Telling the four upload types apart by their first bytes, whatever the file claims to be. */

import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { SNIFF_BYTES, sniffUploadType } from '../../src/media/upload-types.js'
import { testImage } from '../helpers/test-images.js'

describe('sniffUploadType', () => {
  for (const format of ['jpeg', 'png', 'webp', 'avif'] as const) {
    test(`recognises a ${format} made by sharp`, async () => {
      const head = (await testImage(format)).subarray(0, SNIFF_BYTES)
      assert.equal(sniffUploadType(head), `image/${format}`)
    })
  }

  test('refuses GIF, SVG, PDF, HEIC, text and too few bytes', () => {
    const heic = Buffer.concat([
      Buffer.from([0, 0, 0, 24]),
      Buffer.from('ftypheic\0\0\0\0mif1heic', 'latin1'),
    ])
    for (const bytes of [
      Buffer.from('GIF89a\x01\x00\x01\x00', 'latin1'),
      Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'),
      Buffer.from('%PDF-1.7\n'),
      heic,
      Buffer.from('hello'),
      Buffer.from([0xff, 0xd8]),
      Buffer.alloc(0),
    ])
      assert.equal(sniffUploadType(bytes), undefined, bytes.toString('latin1').slice(0, 12))
  })

  test('an AVIF named only among the compatible brands still counts', () => {
    const box = Buffer.concat([
      Buffer.from([0, 0, 0, 28]),
      Buffer.from('ftypmif1\0\0\0\0mif1miafavif', 'latin1'),
    ])
    assert.equal(sniffUploadType(box), 'image/avif')
  })
})

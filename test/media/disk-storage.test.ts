/** Disk media storage: all-or-nothing writes, no overwrites, ranges as streams, foreign keys refused. */

import assert from 'node:assert/strict'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Readable } from 'node:stream'
import { after, describe, test } from 'node:test'
import { createDiskStorage } from '../../src/media/index.js'

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'masthead-disk-storage-'))
after(() => fs.rmSync(root, { recursive: true, force: true }))
let count = 0
const freshStorage = () => {
  const dir = path.join(root, `s${++count}`)
  return { dir, storage: createDiskStorage(dir) }
}

async function bytesOf(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = []
  for await (const chunk of stream) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks)
}

describe('disk storage', () => {
  test('a written file reads back whole or by range, with its size and time', async () => {
    const { storage } = freshStorage()
    const bytes = Buffer.from('0123456789')
    await storage.writeAll([['2026/11/abc-480.webp', bytes]])
    const info = await storage.stat('2026/11/abc-480.webp')
    assert.equal(info?.size, 10)
    assert.ok(info.mtime instanceof Date)
    const whole = await storage.open('2026/11/abc-480.webp')
    assert.equal(whole?.size, 10)
    assert.deepEqual(await bytesOf(whole.stream), bytes)
    const part = await storage.open('2026/11/abc-480.webp', { start: 2, end: 4 })
    assert.equal(part?.size, 10, 'size is the whole file, not the range')
    assert.deepEqual(await bytesOf(part.stream), Buffer.from('234'))
  })

  test('a failed write removes what it wrote and never overwrites', async () => {
    const { dir, storage } = freshStorage()
    await storage.writeAll([['2026/11/abc-480.webp', Buffer.from('first')]])
    await assert.rejects(
      storage.writeAll([
        ['2026/11/new-480.webp', Buffer.from('new')],
        ['2026/11/abc-480.webp', Buffer.from('second')],
      ]),
    )
    assert.equal(await storage.stat('2026/11/new-480.webp'), undefined)
    assert.equal(fs.readFileSync(path.join(dir, '2026/11/abc-480.webp'), 'utf8'), 'first')
    await storage.removeAll(['2026/11/abc-480.webp', '2026/11/gone-480.webp'])
    assert.equal(await storage.stat('2026/11/abc-480.webp'), undefined)
  })

  test('keys that are not ours are absent, and cannot be written', async () => {
    const { dir, storage } = freshStorage()
    fs.mkdirSync(path.join(dir, '2026'), { recursive: true })
    fs.writeFileSync(path.join(root, 'outside-480.webp'), 'outside')
    for (const key of ['../outside-480.webp', '/etc/passwd', '2026', '2026/11/A-480.webp', '']) {
      assert.equal(await storage.stat(key), undefined, key)
      assert.equal(await storage.open(key), undefined, key)
    }
    await assert.rejects(storage.writeAll([['../escape-480.webp', Buffer.from('x')]]))
    assert.equal(fs.existsSync(path.join(root, 'escape-480.webp')), false)
  })
})

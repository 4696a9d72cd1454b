/** The site logo on every database: checked like a photo and as a logo, stored with PNG renditions. */

import assert from 'node:assert/strict'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { after, before, test } from 'node:test'
import sharp from 'sharp'
import type { Actor, UserRole } from '../../src/accounts/index.js'
import { createFixedClock } from '../../src/lib/clock.js'
import {
  createDiskStorage,
  createMedia,
  logoRenditions,
  type Media,
} from '../../src/media/index.js'
import { forEachDatabase } from '../helpers/databases.js'
import { testImage } from '../helpers/test-images.js'

const NOW = new Date('2026-12-04T12:00:00.000Z')

/** A 1200×300 PNG wordmark: a dark bar on a transparent background. */
async function transparentLogo(size = { width: 1200, height: 300 }): Promise<Buffer> {
  const bar = await sharp({
    create: { width: size.width / 2, height: size.height / 2, channels: 4, background: '#123456' },
  })
    .png()
    .toBuffer()
  return sharp({
    create: { ...size, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } },
  })
    .composite([{ input: bar, left: size.width / 4, top: size.height / 4 }])
    .png()
    .toBuffer()
}

forEachDatabase('site logo', (t) => {
  let root: string
  let media: Media
  let n = 0
  const file = (bytes: Buffer): string => {
    const target = path.join(root, `upload-${++n}`)
    fs.writeFileSync(target, bytes)
    return target
  }
  const upload = (bytes: Buffer, declaredType = 'image/png') => ({
    path: file(bytes),
    declaredType,
    filename: 'logo.png',
  })
  before(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'masthead-logo-'))
    media = createMedia({
      db: t.handle.db,
      clock: createFixedClock(NOW),
      storage: createDiskStorage(path.join(root, 'media')),
      uploadMaxBytes: 200_000,
    })
  })
  after(() => fs.rmSync(root, { recursive: true, force: true }))

  const actor = async (role: UserRole): Promise<Actor> => {
    const { id } = await t.handle.db
      .insertInto('users')
      .values({
        email: `${role}-${++n}@example.org`,
        name: `A ${role}`,
        role,
        password_hash: 'x',
        created_at: NOW.toISOString(),
        updated_at: NOW.toISOString(),
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    return { userId: id, role, name: `A ${role}` }
  }
  const rejectsWith = (promise: Promise<unknown>, code: string) =>
    assert.rejects(promise, (error: { code?: string; message?: string }) => {
      assert.equal(error.code, code, error.message)
      return true
    })

  test('a logo is stored as a library photo with PNG renditions that keep its transparency', async () => {
    const admin = await actor('admin')
    const photo = await media.uploadLogo(admin, upload(await transparentLogo()))
    assert.equal(photo.width, 1200)
    assert.equal(photo.height, 300)
    const listed = await media.getLibraryPhoto(admin, photo.id)
    assert.equal(listed.caption, 'Site logo')
    const renditions = logoRenditions(photo)
    assert.deepEqual(
      [renditions.header, renditions.feed, renditions.large].map((r) => [r.width, r.height]),
      [
        [384, 96],
        [144, 36],
        [600, 150],
      ],
    )
    assert.deepEqual(renditions.display, { width: 192, height: 48 })
    for (const rendition of [renditions.header, renditions.feed, renditions.large]) {
      const opened = await media.openFile(rendition.url)
      assert.ok(opened !== undefined, `${rendition.url} is stored`)
      const chunks: Buffer[] = []
      for await (const chunk of opened.stream) chunks.push(chunk as Buffer)
      const meta = await sharp(Buffer.concat(chunks)).metadata()
      assert.equal(meta.format, 'png')
      assert.equal(meta.width, rendition.width)
      assert.equal(meta.height, rendition.height)
      assert.equal(meta.hasAlpha, true, 'the transparent background stays transparent')
    }
  })

  test('a missing rendition is made again on first request (a restored site)', async () => {
    const admin = await actor('admin')
    const photo = await media.uploadLogo(admin, upload(await transparentLogo()))
    const { header } = logoRenditions(photo)
    fs.rmSync(path.join(root, 'media', ...`${photo.storageKey}-logo-header.png`.split('/')))
    assert.equal((await media.statFile(header.url)) !== undefined, true)
    const opened = await media.openFile(header.url)
    assert.ok(opened !== undefined)
    opened.stream.destroy()
    // Any other name is not a rendition: nothing is made for it.
    assert.equal(await media.statFile(`/media/${photo.storageKey}-logo-huge.png`), undefined)
  })

  test('what is refused: not an admin, wrong type, too large, too small, too thin', async () => {
    const admin = await actor('admin')
    const editor = await actor('editor')
    const logo = await transparentLogo()
    await rejectsWith(media.uploadLogo(editor, upload(logo)), 'ACCESS_FORBIDDEN')
    await rejectsWith(
      media.uploadLogo(
        admin,
        upload(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'), 'image/svg+xml'),
      ),
      'MEDIA_UPLOAD_TYPE_UNSUPPORTED',
    )
    await rejectsWith(
      media.uploadLogo(admin, upload(await testImage('jpeg'), 'image/png')),
      'MEDIA_UPLOAD_TYPE_MISMATCH',
    )
    await rejectsWith(
      media.uploadLogo(admin, upload(Buffer.alloc(250_000, 1))),
      'MEDIA_UPLOAD_TOO_LARGE',
    )
    await rejectsWith(
      media.uploadLogo(admin, upload(await testImage('png', { width: 64, height: 20 }))),
      'MEDIA_LOGO_TOO_SMALL',
    )
    await rejectsWith(
      media.uploadLogo(admin, upload(await testImage('png', { width: 1300, height: 100 }))),
      'MEDIA_LOGO_SHAPE',
    )
    const photos = await t.handle.db
      .selectFrom('photos')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
    assert.equal(Number(photos.n), 2, 'only the two logos of the tests above are stored')
  })
})

/** The photo library's service on every database: who may upload, what is refused, what is kept. */

import assert from 'node:assert/strict'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { after, before, test } from 'node:test'
import type { Actor, UserRole } from '../../src/accounts/index.js'
import { createFixedClock } from '../../src/lib/clock.js'
import { createDiskStorage, createMedia, type Media } from '../../src/media/index.js'
import { forEachDatabase } from '../helpers/databases.js'
import { testImage } from '../helpers/test-images.js'

const NOW = new Date('2026-11-20T12:00:00.000Z')
const TEXTS = { alt: 'Nets on the quay', caption: '', credit: '' }

forEachDatabase('photo library', (t) => {
  let root: string
  let media: Media
  let file: (bytes: Buffer, name?: string) => string
  let n = 0
  before(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'masthead-library-'))
    media = createMedia({
      db: t.handle.db,
      clock: createFixedClock(NOW),
      storage: createDiskStorage(path.join(root, 'media')),
      uploadMaxBytes: 50_000,
    })
    file = (bytes, name = `f${++n}`) => {
      const target = path.join(root, name)
      fs.writeFileSync(target, bytes)
      return target
    }
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

  test('the permission matrix: writers upload, search and edit; moderators do none of it', async () => {
    const png = await testImage('png')
    for (const role of ['admin', 'editor', 'author', 'contributor', 'moderator'] as const) {
      const who = await actor(role)
      const upload = media.uploadPhoto(
        who,
        { path: file(png), declaredType: 'image/png', filename: `${role}.png` },
        TEXTS,
      )
      if (role === 'moderator') {
        await rejectsWith(upload, 'ACCESS_FORBIDDEN')
        await rejectsWith(media.searchLibrary(who, '', 1, 10), 'ACCESS_FORBIDDEN')
        await rejectsWith(media.updatePhotoTexts(who, 1, TEXTS), 'ACCESS_FORBIDDEN')
        continue
      }
      const photo = await upload
      assert.equal(photo.originalName, `${role}.png`)
      const edited = await media.updatePhotoTexts(who, photo.id, { ...TEXTS, credit: role })
      assert.equal(edited.credit, role)
      assert.ok((await media.searchLibrary(who, `${role}.png`, 1, 10)).items.length >= 1)
    }
  })

  test('each refusal has its code and keeps no photo', async () => {
    const who = await actor('contributor')
    const before = (await media.searchLibrary(who, '', 1, 1)).total
    const png = await testImage('png')
    const upload = (bytes: Buffer, declaredType: string) =>
      media.uploadPhoto(who, { path: file(bytes), declaredType, filename: 'x' }, TEXTS)
    await rejectsWith(upload(png, 'image/jpeg'), 'MEDIA_UPLOAD_TYPE_MISMATCH')
    await rejectsWith(upload(png, 'image/gif'), 'MEDIA_UPLOAD_TYPE_UNSUPPORTED')
    await rejectsWith(upload(Buffer.alloc(0), 'image/png'), 'MEDIA_UPLOAD_MISSING')
    await rejectsWith(upload(Buffer.alloc(60_000), 'image/png'), 'MEDIA_UPLOAD_TOO_LARGE')
    await rejectsWith(
      upload(Buffer.concat([png.subarray(0, 40), Buffer.alloc(100)]), 'image/png'),
      'MEDIA_UNSUPPORTED_IMAGE',
    )
    await rejectsWith(
      media.uploadPhoto(
        who,
        { path: file(png), declaredType: 'image/png', filename: 'x' },
        { ...TEXTS, alt: 'a'.repeat(1001) },
      ),
      'MEDIA_FIELD_TOO_LONG',
    )
    assert.equal((await media.searchLibrary(who, '', 1, 1)).total, before)
    await rejectsWith(media.getLibraryPhoto(who, 2_000_000), 'MEDIA_PHOTO_NOT_FOUND')
  })

  test('search pages newest first and escapes LIKE characters', async () => {
    const who = await actor('editor')
    const png = await testImage('png')
    const ids: number[] = []
    for (const caption of ['100% cotton sails', 'Sails_drying', 'Sails at sea']) {
      const photo = await media.uploadPhoto(
        who,
        { path: file(png), declaredType: 'image/png', filename: 'sails.png' },
        { ...TEXTS, caption },
      )
      ids.push(photo.id)
    }
    const page1 = await media.searchLibrary(who, 'sails', 1, 2)
    assert.equal(page1.total, 3)
    assert.equal(page1.totalPages, 2)
    assert.deepEqual(
      page1.items.map((p) => p.id),
      [ids[2], ids[1]],
    )
    assert.deepEqual(
      (await media.searchLibrary(who, 'sails', 2, 2)).items.map((p) => p.id),
      [ids[0]],
    )
    assert.deepEqual(
      (await media.searchLibrary(who, '100%', 1, 10)).items.map((p) => p.id),
      [ids[0]],
    )
    assert.deepEqual(
      (await media.searchLibrary(who, 's_d', 1, 10)).items.map((p) => p.id),
      [ids[1]],
    )
  })
})

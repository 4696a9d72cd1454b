/** The photo screens through their routes on every database: library, upload, refusals, editing. */

import assert from 'node:assert/strict'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { after, before, test } from 'node:test'
import type { FastifyInstance } from 'fastify'
import type { AppServices } from '../../../src/app.js'
import { buildTestApp, type TestApp } from '../../helpers/build-test-app.js'
import { forEachDatabase } from '../../helpers/databases.js'
import { all, htmlProblems, one, parsePage, textOf } from '../../helpers/html.js'
import { postMultipart } from '../../helpers/multipart-form.js'
import { type NewsroomClient, newsroomClient, postForm } from '../../helpers/newsroom-session.js'
import { jpegWithGps, testImage } from '../../helpers/test-images.js'
import { databaseUrl } from '../../cli/run-cli.js'

const HTML = { accept: 'text/html' }

forEachDatabase('photo screens', (t) => {
  let testApp: TestApp
  let web: FastifyInstance
  let services: AppServices
  let mediaDir: string
  let contributor: NewsroomClient
  let moderator: NewsroomClient

  before(async () => {
    mediaDir = fs.mkdtempSync(path.join(os.tmpdir(), 'masthead-photos-'))
    testApp = await buildTestApp({
      // A 1 MB limit, so "too large" needs only a little more than that.
      env: {
        MASTHEAD_DATABASE_URL: databaseUrl(t),
        MASTHEAD_UPLOAD_MAX_MB: '1',
        MASTHEAD_MEDIA_DIR: mediaDir,
      },
    })
    web = testApp.app.web
    services = testApp.app.services
    contributor = await newsroomClient(web, services.accounts, 'contributor')
    moderator = await newsroomClient(web, services.accounts, 'moderator')
  })
  after(async () => {
    await testApp?.dispose()
    fs.rmSync(mediaDir, { recursive: true, force: true })
  })

  const get = (client: NewsroomClient, url: string) =>
    web.inject({ url, headers: { ...HTML, cookie: client.cookie } })
  const uploadedId = (location: string | undefined): number =>
    Number(/[?&]uploaded=(\d+)/.exec(location ?? '')?.[1])
  const photoCount = async () => (await services.media.searchLibrary(adminActor(), '', 1, 1)).total
  const adminActor = () => ({ userId: contributor.userId, role: 'contributor' as const, name: 'x' })

  test('the library is private, noindex, labelled and valid HTML, and in the navigation', async () => {
    const response = await get(contributor, '/newsroom/photos')
    assert.equal(response.statusCode, 200)
    assert.match(String(response.headers['cache-control']), /private, no-store/)
    const doc = parsePage(response.body)
    assert.match(one(doc, 'meta[name="robots"]').getAttribute('content') ?? '', /noindex/)
    const labels = all(doc, 'label').map(textOf)
    for (const name of ['Photo file', 'Alt text', 'Caption', 'Credit', 'Search photos'])
      assert.ok(labels.includes(name), `a visible label "${name}" (have ${labels.join(', ')})`)
    const form = one(doc, 'form[enctype="multipart/form-data"]')
    assert.equal(form.querySelector('input')?.getAttribute('name'), '_csrf', 'CSRF field first')
    const nav = one(doc, 'nav[aria-label="Newsroom"] a[aria-current="page"]')
    assert.equal(textOf(nav), 'Photos')
    assert.deepEqual(await htmlProblems(response.body), [])
  })

  test('a moderator may not open the library or upload', async () => {
    assert.equal((await get(moderator, '/newsroom/photos')).statusCode, 403)
    const response = await postMultipart(web, moderator, '/newsroom/photos', {
      file: { name: 'a.png', type: 'image/png', bytes: await testImage('png') },
      fields: { alt: 'x', caption: '', credit: '' },
    })
    assert.equal(response.statusCode, 403)
  })

  for (const format of ['jpeg', 'png', 'webp', 'avif'] as const) {
    test(`a ${format} upload is stored with its renditions and listed first`, async () => {
      const type = `image/${format}`
      const response = await postMultipart(web, contributor, '/newsroom/photos', {
        file: { name: `harbour.${format}`, type, bytes: await testImage(format) },
        fields: { alt: `Harbour in ${format}`, caption: 'Boats at rest', credit: 'Ana Photo' },
      })
      assert.equal(response.statusCode, 303, response.body.slice(0, 800))
      const id = uploadedId(response.headers.location)
      assert.ok(id > 0)
      const library = parsePage((await get(contributor, String(response.headers.location))).body)
      const first = one(library, '.nr-photo-card')
      assert.match(textOf(first), new RegExp(`Photo ${id}`))
      assert.match(textOf(first), new RegExp(`Harbour in ${format}`))
      const thumb = one(first, 'img').getAttribute('src') ?? ''
      assert.equal((await web.inject({ url: thumb })).statusCode, 200, `${thumb} is served`)
      const [photo] = (await services.media.getPhotos([id])).values()
      assert.equal(photo?.mimeType, type)
    })
  }

  test('bytes that are not the declared type are refused on the form and nothing is kept', async () => {
    const before = await photoCount()
    const response = await postMultipart(web, contributor, '/newsroom/photos', {
      file: { name: 'renamed.jpg', type: 'image/jpeg', bytes: await testImage('png') },
      fields: { alt: 'Kept text', caption: 'Kept caption', credit: 'Kept credit' },
    })
    assert.equal(response.statusCode, 415)
    const doc = parsePage(response.body)
    assert.match(
      textOf(one(doc, '[role="alert"]')),
      /says it is a JPEG photo, but its contents are PNG/,
    )
    assert.equal(textOf(one(doc, '#upload-alt')), 'Kept text')
    assert.equal(one(doc, '#upload-file').getAttribute('aria-invalid'), 'true')
    assert.equal(await photoCount(), before)
    assert.deepEqual(await htmlProblems(response.body), [])
  })

  test('a type other than the four is refused, as is text dressed as a JPEG', async () => {
    const before = await photoCount()
    const gif = await postMultipart(web, contributor, '/newsroom/photos', {
      file: { name: 'a.gif', type: 'image/gif', bytes: Buffer.from('GIF89a....') },
      fields: { alt: '', caption: '', credit: '' },
    })
    assert.equal(gif.statusCode, 415)
    assert.match(textOf(one(parsePage(gif.body), '[role="alert"]')), /JPEG, PNG, WebP or AVIF/)
    const text = await postMultipart(web, contributor, '/newsroom/photos', {
      file: { name: 'notes.jpg', type: 'image/jpeg', bytes: Buffer.from('just some text') },
      fields: { alt: '', caption: '', credit: '' },
    })
    assert.equal(text.statusCode, 415)
    const fake = await postMultipart(web, contributor, '/newsroom/photos', {
      // A JPEG's magic bytes and then nothing a decoder can read.
      file: { name: 'x.jpg', type: 'image/jpeg', bytes: Buffer.from([0xff, 0xd8, 0xff, 1, 2, 3]) },
      fields: { alt: '', caption: '', credit: '' },
    })
    assert.ok(fake.statusCode >= 400 && fake.statusCode < 500, String(fake.statusCode))
    assert.equal(await photoCount(), before)
  })

  test('a file over the limit is refused with 413 after the body is read, nothing kept', async () => {
    const before = await photoCount()
    const filesBefore = listFiles(mediaDir).length
    const big = Buffer.alloc(1024 * 1024 + 200_000)
    big.set([0xff, 0xd8, 0xff, 0xe0])
    const response = await postMultipart(web, contributor, '/newsroom/photos', {
      file: { name: 'huge.jpg', type: 'image/jpeg', bytes: big },
      fields: { alt: 'Huge', caption: '', credit: '' },
    })
    assert.equal(response.statusCode, 413)
    assert.match(textOf(one(parsePage(response.body), '[role="alert"]')), /larger than 1 MB/)
    assert.equal(await photoCount(), before)
    assert.equal(listFiles(mediaDir).length, filesBefore)
  })

  test('no file chosen, or no CSRF token, stores nothing', async () => {
    const before = await photoCount()
    const none = await postMultipart(web, contributor, '/newsroom/photos', {
      fields: { alt: 'x', caption: '', credit: '' },
    })
    assert.equal(none.statusCode, 400)
    assert.match(textOf(one(parsePage(none.body), '[role="alert"]')), /Choose a photo file/)
    const forged = await postMultipart(
      web,
      contributor,
      '/newsroom/photos',
      { file: { name: 'a.png', type: 'image/png', bytes: await testImage('png') } },
      { csrf: false },
    )
    assert.equal(forged.statusCode, 403)
    assert.equal(await photoCount(), before)
  })

  test('GPS and other metadata never reach a stored file', async () => {
    const withGps = await jpegWithGps()
    const sharp = (await import('sharp')).default
    assert.ok((await sharp(withGps).metadata()).exif !== undefined, 'the test file has EXIF')
    const response = await postMultipart(web, contributor, '/newsroom/photos', {
      file: { name: 'gps.jpg', type: 'image/jpeg', bytes: withGps },
      fields: { alt: 'A located photo', caption: '', credit: '' },
    })
    assert.equal(response.statusCode, 303, response.body.slice(0, 500))
    const id = uploadedId(response.headers.location)
    const photo = (await services.media.getPhotos([id])).get(id)
    assert.ok(photo !== undefined)
    const files = listFiles(mediaDir).filter((f) => f.includes(path.basename(photo.storageKey)))
    assert.ok(files.length >= 6, `renditions and crops are stored (${files.length})`)
    for (const file of files) {
      const bytes = fs.readFileSync(file)
      const meta = await sharp(bytes).metadata()
      assert.equal(meta.exif, undefined, `${file} has no EXIF`)
      assert.equal(meta.xmp, undefined, `${file} has no XMP`)
      assert.ok(!bytes.includes(Buffer.from('TestCam')), `${file} has no camera name`)
      assert.ok(!bytes.includes(Buffer.from('Secret Person')), `${file} has no XMP creator`)
    }
  })

  test('the library searches alt text, caption, credit, file name and number, newest first', async () => {
    const upload = async (name: string, alt: string, caption: string, credit: string) => {
      const response = await postMultipart(web, contributor, '/newsroom/photos', {
        file: { name, type: 'image/png', bytes: await testImage('png') },
        fields: { alt, caption, credit },
      })
      assert.equal(response.statusCode, 303, response.body.slice(0, 500))
      return uploadedId(response.headers.location)
    }
    const lighthouse = await upload('lighthouse-dusk.png', 'A lighthouse at dusk', '', '')
    const market = await upload('market.png', 'Stalls', 'Fish market opens early', 'Bo Lens')
    const ids = async (q: string) =>
      all(
        parsePage((await get(contributor, `/newsroom/photos?q=${encodeURIComponent(q)}`)).body),
        '.nr-photo-title a',
      ).map((a) => Number(/\/photos\/(\d+)/.exec(a.getAttribute('href') ?? '')?.[1]))
    assert.deepEqual(await ids('lighthouse'), [lighthouse])
    assert.deepEqual(await ids('fish early'), [market])
    assert.deepEqual(await ids('bo lens'), [market])
    assert.deepEqual(await ids('dusk.png'), [lighthouse])
    assert.deepEqual(await ids(String(market)), [market])
    assert.deepEqual(await ids('no-such-thing-anywhere'), [])
    const everything = await ids('')
    assert.deepEqual(everything.slice(0, 2), [market, lighthouse], 'newest first')
  })

  test('a photo page edits the texts; too long is refused on the form', async () => {
    const response = await postMultipart(web, contributor, '/newsroom/photos', {
      file: { name: 'edit.webp', type: 'image/webp', bytes: await testImage('webp') },
      fields: { alt: '', caption: '', credit: '' },
    })
    const id = uploadedId(response.headers.location)
    const page = await get(contributor, `/newsroom/photos/${id}`)
    assert.equal(page.statusCode, 200)
    assert.deepEqual(await htmlProblems(page.body), [])
    const saved = await postForm(web, contributor, `/newsroom/photos/${id}`, {
      alt: 'Two gulls on a post',
      caption: 'Morning',
      credit: 'Cy',
    })
    assert.equal(saved.statusCode, 303)
    const photo = (await services.media.getPhotos([id])).get(id)
    assert.equal(photo?.alt, 'Two gulls on a post')
    const tooLong = await postForm(web, contributor, `/newsroom/photos/${id}`, {
      alt: 'x'.repeat(1001),
      caption: '',
      credit: '',
    })
    assert.equal(tooLong.statusCode, 400)
    const doc = parsePage(tooLong.body)
    assert.equal(one(doc, '#photo-alt').getAttribute('aria-invalid'), 'true')
    assert.equal(textOf(one(doc, '#photo-alt')).length, 1001, 'what was typed is kept')
    assert.equal((await get(contributor, '/newsroom/photos/999999')).statusCode, 404)
  })

  test('the editor refuses to publish while the lead photo has no alt text, naming it', async () => {
    const editor = await newsroomClient(web, services.accounts, 'editor')
    const upload = await postMultipart(web, contributor, '/newsroom/photos', {
      file: { name: 'bare.png', type: 'image/png', bytes: await testImage('png') },
      fields: { alt: '', caption: '', credit: '' },
    })
    const photoId = uploadedId(upload.headers.location)
    const section = await services.newsroom.createSection({ name: `Photos ${Date.now()}` })
    const author = await services.newsroom.createAuthor({ name: 'Photo Desk' })
    const fields = {
      headline: 'Storm closes the harbour',
      bodyMarkdown: 'Boats stay in.',
      sectionId: String(section.id),
      author1: String(author.id),
      label: 'news',
    }
    const created = await postForm(web, editor, '/newsroom/stories', fields)
    const storyId = Number(/\/stories\/(\d+)/.exec(created.headers.location ?? '')?.[1])
    // Picked in the library: the editor comes back with the photo filled in, not yet saved.
    const picked = parsePage(
      (await get(editor, `/newsroom/stories/${storyId}?leadPhoto=${photoId}`)).body,
    )
    assert.equal(one(picked, '#story-photo').getAttribute('value'), String(photoId))
    assert.equal(one(picked, 'form.nr-editor').getAttribute('data-unsaved'), 'true')
    const inserted = parsePage(
      (await get(editor, `/newsroom/stories/${storyId}?insertPhoto=${photoId}`)).body,
    )
    assert.match(textOf(one(inserted, '#story-body')), new RegExp(`!\\[\\]\\(photo:${photoId}\\)$`))

    const refused = await postForm(web, editor, `/newsroom/stories/${storyId}`, {
      ...fields,
      leadPhotoId: String(photoId),
      baseVersion: '1',
      action: 'publish',
    })
    assert.equal(refused.statusCode, 400)
    const doc = parsePage(refused.body)
    assert.match(textOf(one(doc, '#story-problem')), new RegExp(`Add alt text to photo ${photoId}`))
    assert.equal(one(doc, '#story-photo').getAttribute('aria-invalid'), 'true')
    const story = await services.newsroom.stories.get(
      { userId: editor.userId, role: 'editor', name: 'x' },
      storyId,
    )
    assert.equal(story.status, 'draft')
    assert.equal(story.leadPhotoId, photoId, 'the save before the refused step is kept')

    await postForm(web, contributor, `/newsroom/photos/${photoId}`, {
      alt: 'Waves over the breakwater',
      caption: '',
      credit: '',
    })
    const published = await postForm(web, editor, `/newsroom/stories/${storyId}`, {
      ...fields,
      leadPhotoId: String(photoId),
      baseVersion: String(story.version),
      action: 'publish',
    })
    assert.equal(published.statusCode, 303, published.body.slice(0, 500))
  })
})

function listFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return []
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath, e.name))
}

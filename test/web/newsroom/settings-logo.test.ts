/**
 * The site logo through the settings screen on every database: upload, replace, remove, every
 * refusal a clear 4xx on the screen, and the logo where readers, crawlers and feed readers meet it.
 */

import assert from 'node:assert/strict'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { after, before, test } from 'node:test'
import type { FastifyInstance } from 'fastify'
import sharp from 'sharp'
import type { AppServices } from '../../../src/app.js'
import { databaseUrl } from '../../cli/run-cli.js'
import { buildTestApp, TEST_NOW, type TestApp } from '../../helpers/build-test-app.js'
import { forEachDatabase } from '../../helpers/databases.js'
import { all, htmlProblems, one, parsePage, textOf } from '../../helpers/html.js'
import { postMultipart } from '../../helpers/multipart-form.js'
import { type NewsroomClient, newsroomClient, postForm } from '../../helpers/newsroom-session.js'
import { testImage } from '../../helpers/test-images.js'

const HTML = { accept: 'text/html' }
const READER = { ...HTML, 'user-agent': 'masthead-test-bot/1.0' }

/** A width×height PNG: a dark bar on a transparent background, as logos are drawn. */
async function logoPng(width: number, height: number): Promise<Uint8Array> {
  const bar = await sharp({
    create: { width: width / 2, height: height / 2, channels: 4, background: '#1d3557' },
  })
    .png()
    .toBuffer()
  return sharp({
    create: { width, height, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } },
  })
    .composite([{ input: bar, left: width / 4, top: height / 4 }])
    .png()
    .toBuffer()
}

forEachDatabase('site logo screen', (t) => {
  let testApp: TestApp
  let web: FastifyInstance
  let services: AppServices
  let mediaDir: string
  let admin: NewsroomClient
  let editor: NewsroomClient
  let storyPath: string

  before(async () => {
    mediaDir = fs.mkdtempSync(path.join(os.tmpdir(), 'masthead-logo-screen-'))
    testApp = await buildTestApp({
      // A 1 MB upload limit: the logo's limit is the smaller of it and 5 MB.
      env: {
        MASTHEAD_DATABASE_URL: databaseUrl(t),
        MASTHEAD_MEDIA_DIR: mediaDir,
        MASTHEAD_UPLOAD_MAX_MB: '1',
      },
    })
    web = testApp.app.web
    services = testApp.app.services
    admin = await newsroomClient(web, services.accounts, 'admin')
    editor = await newsroomClient(web, services.accounts, 'editor')
    const { newsroom } = services
    const section = await newsroom.createSection({ name: `Quays ${Date.now().toString(36)}` })
    const author = await newsroom.createAuthor({ name: 'Lena Logo' })
    const story = await newsroom.createArticle({
      headline: 'The harbour gets a new crane',
      bodyMarkdown: 'It is very tall.',
      sectionId: section.id,
      authorIds: [author.id],
      status: 'published',
      publishedAt: new Date(TEST_NOW.getTime() - 3_600_000),
    })
    storyPath = `/${section.slug}/${story.slug}`
  })
  after(async () => {
    await testApp?.dispose()
    fs.rmSync(mediaDir, { recursive: true, force: true })
  })

  const get = (client: NewsroomClient, url: string) =>
    web.inject({ url, headers: { ...HTML, cookie: client.cookie } })
  const read = (url: string) => web.inject({ url, headers: READER })
  const upload = (client: NewsroomClient, bytes: Uint8Array, type = 'image/png', csrf = true) =>
    postMultipart(
      web,
      client,
      '/newsroom/settings/logo',
      { file: { name: 'logo.png', type, bytes } },
      { csrf },
    )
  /** The publisher object of the page's JSON-LD. */
  const publisherOf = (html: string): Record<string, unknown> => {
    for (const script of all(parsePage(html), 'script[type="application/ld+json"]')) {
      const data = JSON.parse(script.textContent) as Record<string, unknown>
      const publisher = (data.publisher ??
        (data['@type'] === 'NewsMediaOrganization' ? data : undefined)) as
        Record<string, unknown> | undefined
      if (publisher !== undefined) return publisher
    }
    throw new Error('no publisher in the JSON-LD')
  }

  test('with no logo the masthead shows the name, and the screen offers an upload', async () => {
    const page = await get(admin, '/newsroom/settings')
    assert.equal(page.statusCode, 200)
    const doc = parsePage(page.body)
    assert.match(textOf(one(doc, '#logo-heading').parentElement), /No logo/)
    assert.equal(
      one(doc, 'form[action="/newsroom/settings/logo"]').getAttribute('enctype'),
      'multipart/form-data',
    )
    assert.equal(doc.querySelector('form[action="/newsroom/settings/logo/remove"]'), null)
    assert.deepEqual(await htmlProblems(page.body), [])
    // Only the screen's own notices are shown, whatever the address says.
    const odd = parsePage((await get(admin, '/newsroom/settings?notice=constructor')).body)
    assert.equal(odd.querySelector('.nr-notice'), null)
    const front = parsePage((await read('/')).body)
    assert.equal(textOf(one(front, 'h1.masthead-title')), services.settings.current().siteName)
  })

  test('an upload puts the logo on every page, in structured data, RSS and Atom at once', async () => {
    // Cached before the change: the upload must purge these.
    const cachedFront = await read('/')
    const cachedStory = await read(storyPath)
    assert.equal(cachedStory.statusCode, 200)
    assert.ok(!cachedFront.body.includes('masthead-logo'))
    assert.ok(!(await read('/feed.xml')).body.includes('<image>'))

    const response = await upload(admin, await logoPng(1200, 300))
    assert.equal(response.statusCode, 303, response.body)
    assert.equal(response.headers.location, '/newsroom/settings?notice=logo-saved')
    const logo = services.settings.current().logo
    assert.ok(logo !== null)
    assert.deepEqual([logo.width, logo.height], [1200, 300])

    // The masthead: the image is the link's content, named by the site name; its size is set.
    const siteName = services.settings.current().siteName
    const front = parsePage((await read('/')).body)
    const image = one(front, 'h1.masthead-title a[href="/"] img')
    assert.equal(image.getAttribute('alt'), siteName)
    assert.equal(image.getAttribute('width'), '192')
    assert.equal(image.getAttribute('height'), '48')
    const src = image.getAttribute('src') ?? ''
    assert.equal(src, `/media/${logo.storageKey}-logo-header.png`)
    const file = await web.inject({ url: src })
    assert.equal(file.statusCode, 200)
    assert.equal(file.headers['content-type'], 'image/png')
    const meta = await sharp(file.rawPayload).metadata()
    assert.deepEqual([meta.width, meta.height, meta.hasAlpha], [384, 96, true])
    const story = await read(storyPath)
    assert.deepEqual(await htmlProblems(story.body), [])
    assert.equal(one(parsePage(story.body), 'p.masthead-title a img').getAttribute('alt'), siteName)

    // Structured data: the publisher's logo is the PNG made for it, with its size.
    const publisher = publisherOf(story.body)
    assert.deepEqual(publisher.logo, {
      '@type': 'ImageObject',
      url: `http://127.0.0.1:3000/media/${logo.storageKey}-logo-large.png`,
      width: 600,
      height: 150,
    })
    assert.deepEqual(publisherOf((await read('/')).body).logo, publisher.logo)

    // Feeds: RSS's <image> (at most 144 wide) and Atom's <logo>.
    const rss = (await read('/feed.xml')).body
    assert.match(
      rss,
      new RegExp(
        `<image><url>http://127\\.0\\.0\\.1:3000/media/${logo.storageKey}-logo-feed\\.png</url><title>${siteName}</title><link>http://127\\.0\\.0\\.1:3000/</link><width>144</width><height>36</height></image>`,
      ),
    )
    assert.ok(
      (await read('/atom.xml')).body.includes(
        `<logo>http://127.0.0.1:3000/media/${logo.storageKey}-logo-large.png</logo>`,
      ),
    )
    // The Content API's site information.
    const key = (await services.apiKeys.add('logo tests')).secret
    const site = await web.inject({
      url: '/api/v1/site',
      headers: { authorization: `Bearer ${key}` },
    })
    assert.equal(site.statusCode, 200)
    assert.deepEqual(site.json<{ site: { logo: unknown } }>().site.logo, {
      header: {
        url: `http://127.0.0.1:3000/media/${logo.storageKey}-logo-header.png`,
        width: 384,
        height: 96,
      },
      large: {
        url: `http://127.0.0.1:3000/media/${logo.storageKey}-logo-large.png`,
        width: 600,
        height: 150,
      },
    })

    // The screen shows the logo in force, and offers to replace or remove it; valid HTML.
    const screen = await get(admin, '/newsroom/settings?notice=logo-saved')
    const doc = parsePage(screen.body)
    assert.match(textOf(one(doc, '.nr-notice')), /logo is saved/)
    assert.equal(one(doc, '.nr-logo-current img').getAttribute('src'), src)
    one(doc, 'form[action="/newsroom/settings/logo/remove"]')
    assert.deepEqual(await htmlProblems(screen.body), [])
  })

  test('a replacement takes the place of the logo; removal brings the name back', async () => {
    const before = services.settings.current().logo
    assert.ok(before !== null)
    const replaced = await upload(admin, await logoPng(400, 400))
    assert.equal(replaced.statusCode, 303, replaced.body)
    const after = services.settings.current().logo
    assert.ok(after !== null && after.photoId !== before.photoId)
    const image = one(parsePage((await read('/')).body), 'h1.masthead-title img')
    assert.equal(image.getAttribute('src'), `/media/${after.storageKey}-logo-header.png`)
    assert.deepEqual([image.getAttribute('width'), image.getAttribute('height')], ['48', '48'])

    const removed = await postForm(web, admin, '/newsroom/settings/logo/remove', {})
    assert.equal(removed.statusCode, 303)
    assert.equal(removed.headers.location, '/newsroom/settings?notice=logo-removed')
    assert.equal(services.settings.current().logo, null)
    const front = parsePage((await read('/')).body)
    assert.equal(front.querySelector('.masthead-logo'), null)
    assert.equal(textOf(one(front, 'h1.masthead-title')), services.settings.current().siteName)
    assert.ok(!(await read('/feed.xml')).body.includes('<image>'))
    assert.ok(!(await read('/atom.xml')).body.includes('<logo>'))
    // The photos stay in the library (a story may use them); only the setting changed.
    assert.equal((await services.media.getPhotos([before.photoId, after.photoId])).size, 2)
  })

  test('every refusal is a clear 4xx on the screen, never a 500, and changes nothing', async () => {
    const cases: [string, Promise<{ statusCode: number; body: string }>, number][] = [
      [
        'an SVG',
        upload(
          admin,
          new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"/>'),
          'image/svg+xml',
        ),
        415,
      ],
      ['a JPEG named PNG', upload(admin, await testImage('jpeg')), 415],
      ['a file over the limit', upload(admin, new Uint8Array(1_100_000).fill(7)), 413],
      ['an icon too small', upload(admin, await testImage('png', { width: 64, height: 20 })), 400],
      ['a thin line', upload(admin, await testImage('png', { width: 1300, height: 100 })), 400],
      ['no file', postMultipart(web, admin, '/newsroom/settings/logo', {}), 400],
    ]
    for (const [what, sent, status] of cases) {
      const response = await sent
      assert.equal(response.statusCode, status, `${what}: ${response.body.slice(0, 300)}`)
      const doc = parsePage(response.body)
      assert.match(textOf(one(doc, '#logo-problem')), /\S/, `${what}: the reason is shown`)
      assert.equal(one(doc, '#logo-file').getAttribute('aria-invalid'), 'true')
      assert.deepEqual(await htmlProblems(response.body), [], what)
    }
    assert.equal(services.settings.current().logo, null)
    assert.equal((await upload(editor, await logoPng(400, 100))).statusCode, 403)
    assert.equal((await upload(admin, await logoPng(400, 100), 'image/png', false)).statusCode, 403)
    const foreign = await postForm(web, editor, '/newsroom/settings/logo/remove', {})
    assert.equal(foreign.statusCode, 403)
    assert.equal(services.settings.current().logo, null)
  })
})

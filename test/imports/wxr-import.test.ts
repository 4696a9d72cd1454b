/** `masthead import wxr` on every database: a WordPress export in, idempotently, with its photos. */

import assert from 'node:assert/strict'
import fs from 'node:fs'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { after, before, test } from 'node:test'
import { type AppServices, buildServices, buildWeb } from '../../src/app.js'
import { parseConfig } from '../../src/config.js'
import { forEachDatabase } from '../helpers/databases.js'
import { testImage } from '../helpers/test-images.js'
import { databaseUrl, masthead as run } from '../cli/run-cli.js'

const FIXTURES = path.join(import.meta.dirname, 'fixtures')

forEachDatabase('masthead import wxr', (t) => {
  let dir: string
  let env: Record<string, string>
  let server: http.Server
  let wxr: string
  let broken: string
  let mediaDir: string
  let requests: string[] = []
  const masthead = (args: string[]) => run(args, env)

  async function withServices<T>(work: (services: AppServices) => Promise<T>): Promise<T> {
    const services = await buildServices(parseConfig(env, dir))
    try {
      return await work(services)
    } finally {
      await services.close()
    }
  }

  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'masthead-wxr-'))
    const jpeg = await testImage('jpeg', { width: 320, height: 200 })
    server = http.createServer((request, response) => {
      requests.push(request.url ?? '')
      if (request.url === '/wp-content/uploads/2019/05/berth.jpg') {
        response.writeHead(200, { 'content-type': 'image/jpeg' }).end(jpeg)
      } else response.writeHead(404).end()
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    const host = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
    wxr = path.join(dir, 'export.xml')
    fs.writeFileSync(wxr, fs.readFileSync(path.join(FIXTURES, 'harbour-gazette.wxr'), 'utf8').replaceAll('{{MEDIA_HOST}}', host)) // prettier-ignore
    const text = fs.readFileSync(path.join(FIXTURES, 'harbour-gazette-broken.wxr'))
    const at = text.indexOf('INVALID_BYTE')
    broken = path.join(dir, 'broken.xml')
    fs.writeFileSync(broken, Buffer.concat([text.subarray(0, at), Buffer.from([0xff, 0xfe]), text.subarray(at + 12)])) // prettier-ignore
    mediaDir = path.join(dir, 'uploads')
    fs.mkdirSync(path.join(mediaDir, '2019/05'), { recursive: true })
    fs.writeFileSync(path.join(mediaDir, '2019/05/clouds.jpg'), jpeg)
    env = {
      MASTHEAD_DATABASE_URL: databaseUrl(t),
      MASTHEAD_MEDIA_DIR: path.join(dir, 'media'),
      MASTHEAD_LOG_LEVEL: 'silent',
      MASTHEAD_SITE_URL: 'http://127.0.0.1:3000',
    }
  })
  after(async () => {
    await new Promise((resolve) => server.close(resolve))
    fs.rmSync(dir, { recursive: true, force: true })
  })

  test('imports posts, sections, bylines, tags and photos, and lists what it skipped', async () => {
    const result = await masthead(['import', 'wxr', wxr, '--media', mediaDir])
    assert.equal(result.code, 0, result.stderr)
    assert.match(result.stdout, /3 stories created, 0 updated, 3 skipped, 0 errors/)
    assert.match(result.stdout, /2 sections, 2 authors, 2 photos/)
    assert.match(result.stdout, /line \d+: attachment .*timetable\.pdf: not an image/)
    assert.match(result.stdout, /line \d+: page "About the Gazette": pages are not imported/)
    assert.match(result.stdout, /line \d+: nav menu item "Home": menu items are not imported/)
    assert.deepEqual(requests, ['/wp-content/uploads/2019/05/berth.jpg'])

    await withServices(async ({ newsroom }) => {
      const found = await newsroom.findPublishedArticle('night-ferry-returns')
      assert.equal(found?.kind, 'found')
      if (found?.kind !== 'found') return
      const story = found.article
      assert.equal(story.section.slug, 'quayside')
      assert.equal(story.section.name, 'Quayside')
      assert.deepEqual(
        story.authors.map((a) => a.name),
        ['Oskar Brandt'],
      )
      assert.deepEqual(story.tags.map((tag) => tag.name).sort(), ['Ferries', 'Weather'])
      assert.equal(story.dek, 'Three weeks after the storm, the night ferry sails again.')
      assert.equal(story.publishedAt.toISOString(), '2019-05-04T08:00:00.000Z')
      assert.equal(story.updatedAt?.toISOString(), '2019-05-06T07:30:00.000Z')
      assert.equal(story.leadPhoto?.alt, 'Storm clouds over the harbour')
      assert.match(story.bodyHtml, /<figure class="body-photo">/)
      assert.match(story.bodyHtml, /alt="The repaired berth"/)
      assert.match(story.bodyHtml, /<h2>What changes<\/h2>/)
      assert.match(story.bodyHtml, /<code>\]\]&gt;<\/code>/)
      const markdown = await newsroom.markdownOf(story.id)
      assert.match(
        markdown ?? '',
        /^The night ferry to the islands sails again from \*\*Monday\*\*/,
      )
      assert.doesNotMatch(markdown ?? '', /caption|wp:paragraph/)

      const council = await newsroom.findPublishedArticle('second-breakwater')
      assert.equal(council?.kind === 'found' && council.article.section.slug, 'town-hall')
      assert.equal(await newsroom.findPublishedArticle('draft-the-lighthouse-fund'), undefined)
    })
  })

  test('a second run updates the same stories and creates nothing', async () => {
    const count = () =>
      t.handle.db.selectFrom('articles').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow() // prettier-ignore
    const photos = () =>
      t.handle.db.selectFrom('photos').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow() // prettier-ignore
    const before = [Number((await count()).n), Number((await photos()).n)]
    requests = []
    const result = await masthead(['import', 'wxr', wxr, '--media', mediaDir])
    assert.equal(result.code, 0, result.stderr)
    assert.match(result.stdout, /0 stories created, 3 updated, 3 skipped, 0 errors/)
    assert.match(result.stdout, /0 sections, 0 authors, 0 photos/)
    assert.deepEqual([Number((await count()).n), Number((await photos()).n)], before)
    assert.deepEqual(requests, [])
  })

  test('--published-only skips the draft with its reason', async () => {
    const result = await masthead(['import', 'wxr', wxr, '--published-only'])
    assert.equal(result.code, 0, result.stderr)
    assert.match(result.stdout, /line \d+: draft "Draft: the lighthouse fund": a draft, and --published-only was given/) // prettier-ignore
  })

  test('old permalinks and /?p=ID redirect to the new address', async () => {
    await withServices(async (services) => {
      const web = await buildWeb(services)
      try {
        for (const url of ['/2019/05/night-ferry-returns/', '/?p=101']) {
          const response = await web.inject({ method: 'GET', url })
          assert.equal(response.statusCode, 301, url)
          assert.equal(response.headers.location, '/quayside/night-ferry-returns', url)
        }
      } finally {
        await web.close()
      }
    })
  })

  test('malformed items are reported with line and reason; the rest imports; exit 1', async () => {
    const result = await masthead(['import', 'wxr', broken])
    assert.equal(result.code, 1)
    assert.match(result.stdout, /1 story created/)
    const errors = result.stderr
    assert.match(errors, /line 8: record: post #201 has no title/)
    assert.match(
      errors,
      /line 16: record: post "A date that never was": bad date in <wp:post_date_gmt>/,
    )
    assert.match(errors, /line 24: record: CDATA inside CDATA/)
    assert.match(errors, /line 32: record: invalid UTF-8/)
    assert.match(errors, /line 48: record: broken XML: <wp:post_id> is not closed/)
    assert.match(errors, /line 56: record: .*broken XML/)
  })

  test('attachments out of reach are skipped with the reason, not failed', async () => {
    // Another site's export (so nothing is known yet), without --media: clouds.jpg answers 404.
    const other = path.join(dir, 'other-site.xml')
    fs.writeFileSync(other, fs.readFileSync(wxr, 'utf8').replaceAll('https://harbour-gazette.example<', 'https://other.example<')) // prettier-ignore
    const result = await masthead(['import', 'wxr', other, '--dry-run'])
    assert.equal(result.code, 0, result.stderr)
    assert.match(result.stdout, /Checked \(dry run, nothing written\).*3 stories created/)
    assert.match(
      result.stdout,
      /line \d+: photo http:\/\/127\.0\.0\.1:\d+\/.*clouds\.jpg: .*HTTP 404/,
    )
  })
})

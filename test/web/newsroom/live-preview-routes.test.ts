/** The editor's live preview endpoint on every database: the typed text drawn by the site's code, saved nowhere. */

import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import type { FastifyInstance } from 'fastify'
import type { AppServices } from '../../../src/app.js'
import { createFixedClock } from '../../../src/lib/clock.js'
import type { Author, Section } from '../../../src/newsroom/index.js'
import { buildTestApp, type TestApp, TEST_NOW } from '../../helpers/build-test-app.js'
import { forEachDatabase } from '../../helpers/databases.js'
import { all, htmlProblems, one, parsePage, textOf } from '../../helpers/html.js'
import { type NewsroomClient, newsroomClient, postForm } from '../../helpers/newsroom-session.js'
import { databaseUrl } from '../../cli/run-cli.js'

forEachDatabase('live preview', (t) => {
  let testApp: TestApp
  let web: FastifyInstance
  let services: AppServices
  let section: Section
  let author: Author
  let editor: NewsroomClient
  let contributor: NewsroomClient
  let storyId: number
  const clock = createFixedClock(TEST_NOW)

  const fields = (extra: Record<string, string> = {}) => ({
    headline: 'Harbour bridge reopens',
    dek: 'After two years of works',
    bodyMarkdown: 'The bridge opened at *dawn*.',
    sectionId: String(section.id),
    author1: String(author.id),
    label: 'news',
    ...extra,
  })

  /** The editor page as `client` sees it: the saved version number and body. */
  const saved = async (client: NewsroomClient) => {
    const response = await web.inject({
      url: `/newsroom/stories/${storyId}`,
      headers: { accept: 'text/html', cookie: client.cookie },
    })
    const doc = parsePage(response.body)
    return {
      version: textOf(one(doc, '[data-story-version]')),
      body: one(doc, '#story-body').textContent ?? '',
    }
  }

  before(async () => {
    testApp = await buildTestApp({ clock, env: { MASTHEAD_DATABASE_URL: databaseUrl(t) } })
    web = testApp.app.web
    services = testApp.app.services
    section = await services.newsroom.createSection({ name: `Bridges ${Date.now().toString(36)}` })
    author = await services.newsroom.createAuthor({ name: 'Bea Writer' })
    editor = await newsroomClient(web, services.accounts, 'editor')
    contributor = await newsroomClient(web, services.accounts, 'contributor')
    const created = await postForm(web, editor, '/newsroom/stories', fields())
    assert.equal(created.statusCode, 303, created.body.slice(0, 500))
    storyId = Number(/\/newsroom\/stories\/(\d+)/.exec(created.headers.location ?? '')?.[1])
    assert.ok(storyId > 0)
  })
  after(async () => testApp?.dispose())

  test('the editor offers the live preview to whoever may edit the story', async () => {
    const response = await web.inject({
      url: `/newsroom/stories/${storyId}`,
      headers: { accept: 'text/html', cookie: editor.cookie },
    })
    const form = one(parsePage(response.body), 'form.nr-editor')
    assert.equal(form.getAttribute('data-live-preview'), `/newsroom/stories/${storyId}/preview`)
  })

  test('draws the typed text with the site article code and stylesheet, saving nothing', async () => {
    const before = await saved(editor)
    const response = await postForm(
      web,
      editor,
      `/newsroom/stories/${storyId}/preview`,
      fields({
        headline: 'Bridge reopens <em>early</em>',
        bodyMarkdown:
          '## Traffic\n\nCars return **today**.\n\n<script>alert(1)</script>\n\n[x](javascript:alert(2))',
      }),
    )
    assert.equal(response.statusCode, 200, response.body.slice(0, 500))
    assert.match(String(response.headers['content-type']), /^text\/html/)
    assert.match(String(response.headers['cache-control']), /private, no-store/)
    const doc = parsePage(response.body)
    // The site's own article markup and stylesheet, the headline as typed (escaped).
    assert.equal(
      textOf(one(doc, 'article.story h1.story-headline')),
      'Bridge reopens <em>early</em>',
    )
    assert.equal(all(doc, 'h1 em').length, 0)
    assert.equal(textOf(one(doc, 'article.story h2')), 'Traffic')
    assert.equal(textOf(one(doc, 'article.story strong')), 'today')
    assert.match(textOf(one(doc, 'article.story header')), /Bea Writer/)
    const stylesheet = one(doc, 'link[rel="stylesheet"]').getAttribute('href') ?? ''
    assert.match(stylesheet, /^\/assets\/site\.[0-9a-f]+\.css$/)
    // The Markdown's script and javascript: link come out inert, as on the site.
    assert.equal(all(doc, 'script').length, 0)
    assert.doesNotMatch(response.body, /<script/i)
    assert.doesNotMatch(response.body, /href="javascript:/i)
    assert.match(textOf(one(doc, 'article.story')), /<script>alert\(1\)<\/script>/)
    assert.deepEqual(await htmlProblems(response.body), [])
    // Nothing saved: same version, same body.
    assert.deepEqual(await saved(editor), before)
  })

  test('a photo that is not in the library is explained in the pane (400), not an error page', async () => {
    const response = await postForm(
      web,
      editor,
      `/newsroom/stories/${storyId}/preview`,
      fields({ bodyMarkdown: 'Look:\n\n![A bridge](photo:999999)' }),
    )
    assert.equal(response.statusCode, 400)
    const doc = parsePage(response.body)
    assert.match(textOf(one(doc, 'main')), /photos that do not exist: 999999/)
    assert.deepEqual(await htmlProblems(response.body), [])
  })

  test('needs the CSRF token, a session and the right to edit the story', async () => {
    const url = `/newsroom/stories/${storyId}/preview`
    const noToken = await postForm(web, editor, url, fields(), { csrf: false })
    assert.equal(noToken.statusCode, 403)
    const signedOut = await postForm(web, { cookie: '', csrf: 'x' }, url, fields())
    assert.equal(signedOut.statusCode, 401)
    // A contributor may not edit an editor's story, so may not preview words in it either.
    const notTheirs = await postForm(web, contributor, url, fields())
    assert.equal(notTheirs.statusCode, 403)
    const missing = await postForm(web, editor, '/newsroom/stories/999999/preview', fields())
    assert.equal(missing.statusCode, 404)
    const bad = await postForm(web, editor, url, { bodyMarkdown: 'No headline field.' })
    assert.equal(bad.statusCode, 400)
  })
})

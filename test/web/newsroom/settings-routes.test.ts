/** The settings screen through its routes on every database: each setting reaches readers and the newsroom at once. */

import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import type { FastifyInstance } from 'fastify'
import type { AppServices } from '../../../src/app.js'
import { databaseUrl } from '../../cli/run-cli.js'
import { buildTestApp, TEST_NOW, type TestApp } from '../../helpers/build-test-app.js'
import { forEachDatabase } from '../../helpers/databases.js'
import { htmlProblems, one, parsePage, textOf } from '../../helpers/html.js'
import { type NewsroomClient, newsroomClient, postForm } from '../../helpers/newsroom-session.js'

const HTML = { accept: 'text/html' }
const READER = { ...HTML, 'user-agent': 'masthead-test-bot/1.0' }

forEachDatabase('settings screen', (t) => {
  let testApp: TestApp
  let web: FastifyInstance
  let services: AppServices
  let admin: NewsroomClient
  let editor: NewsroomClient
  let author: NewsroomClient
  let storyId: number
  let bylineId: number
  let sectionId: number

  before(async () => {
    testApp = await buildTestApp({ env: { MASTHEAD_DATABASE_URL: databaseUrl(t) } })
    web = testApp.app.web
    services = testApp.app.services
    admin = await newsroomClient(web, services.accounts, 'admin')
    editor = await newsroomClient(web, services.accounts, 'editor')
    author = await newsroomClient(web, services.accounts, 'author')
    const { newsroom } = services
    const section = await newsroom.createSection({ name: `Docks ${Date.now().toString(36)}` })
    sectionId = section.id
    bylineId = (await newsroom.createAuthor({ name: 'Ada Byline', userId: author.userId })).id
    const article = await newsroom.createArticle({
      headline: 'Lighthouse keeper retires',
      bodyMarkdown: 'After forty years.',
      sectionId: section.id,
      authorIds: [bylineId],
      status: 'published',
      publishedAt: new Date(TEST_NOW.getTime() - 3_600_000),
    })
    storyId = article.id
  })
  after(() => testApp?.dispose())

  const get = (client: NewsroomClient, url: string) =>
    web.inject({ url, headers: { ...HTML, cookie: client.cookie } })
  const form = (extra: Record<string, string> = {}) => ({
    siteName: 'The Harbour Ledger',
    language: 'en',
    commentsMode: 'open',
    ...extra,
  })

  test('admins see the settings form with the values in force; valid HTML', async () => {
    const page = await get(admin, '/newsroom/settings')
    assert.equal(page.statusCode, 200)
    const doc = parsePage(page.body)
    assert.equal(one(doc, '#site-name').getAttribute('value'), services.config.site.name)
    assert.ok(one(doc, '#comments-mode-open').hasAttribute('checked'))
    assert.deepEqual(await htmlProblems(page.body), [])
  })

  test('only admins, and only with the CSRF token', async () => {
    assert.equal((await get(editor, '/newsroom/settings')).statusCode, 403)
    const byEditor = await postForm(web, editor, '/newsroom/settings', form({ siteName: 'Nope' }))
    assert.equal(byEditor.statusCode, 403)
    const noToken = await postForm(web, admin, '/newsroom/settings', form({ siteName: 'Nope' }), {
      csrf: false,
    })
    assert.equal(noToken.statusCode, 403)
    assert.equal(services.settings.current().siteName, services.config.site.name)
  })

  test('bad values are a 400 on the page with what was typed kept', async () => {
    const badLanguage = await postForm(
      web,
      admin,
      '/newsroom/settings',
      form({ siteName: 'Kept name', language: 'English please' }),
    )
    assert.equal(badLanguage.statusCode, 400)
    const doc = parsePage(badLanguage.body)
    assert.match(textOf(one(doc, '.error-summary')), /language/)
    assert.equal(one(doc, '#site-name').getAttribute('value'), 'Kept name')
    assert.equal(one(doc, '#site-language').getAttribute('aria-invalid'), 'true')
    const badMode = await postForm(web, admin, '/newsroom/settings', form({ commentsMode: 'wild' }))
    assert.equal(badMode.statusCode, 400)
    const emptyName = await postForm(web, admin, '/newsroom/settings', form({ siteName: '  ' }))
    assert.equal(emptyName.statusCode, 400)
    const unknownField = await postForm(web, admin, '/newsroom/settings', form({ logo: 'x' }))
    assert.equal(unknownField.statusCode, 400)
    assert.equal(services.settings.current().language, services.config.site.language)
  })

  test('a new site name and language reach cached reader pages at once', async () => {
    const before = await web.inject({ url: '/', headers: READER })
    assert.equal(before.statusCode, 200)
    assert.match(textOf(one(parsePage(before.body), 'title')), /The Harbour Ledger|Masthead/)
    const saved = await postForm(
      web,
      admin,
      '/newsroom/settings',
      form({ siteName: 'The Quay Courier', language: 'en-GB' }),
    )
    assert.equal(saved.statusCode, 303)
    assert.equal(saved.headers.location, '/newsroom/settings?notice=saved')
    const front = await web.inject({ url: '/', headers: READER })
    const doc = parsePage(front.body)
    assert.equal(textOf(one(doc, 'title')), 'The Quay Courier')
    assert.equal(doc.documentElement.getAttribute('lang'), 'en-GB')
    const newsroomPage = await get(admin, '/newsroom/settings?notice=saved')
    assert.match(textOf(one(parsePage(newsroomPage.body), 'title')), /The Quay Courier/)
    assert.match(textOf(one(parsePage(newsroomPage.body), '[role="status"]')), /saved/)
    // Stored: a fresh read of the table gives the same values.
    const loaded = await services.settings.load()
    assert.equal(loaded.siteName, 'The Quay Courier')
  })

  test('the default comment mode applies to stories without their own', async () => {
    assert.equal(await services.comments.modeFor(storyId), 'open')
    const closed = await postForm(
      web,
      admin,
      '/newsroom/settings',
      form({ siteName: 'The Quay Courier', commentsMode: 'closed' }),
    )
    assert.equal(closed.statusCode, 303)
    assert.equal(await services.comments.modeFor(storyId), 'closed')
    await assert.rejects(
      services.comments.post({ articleId: storyId, authorName: 'Reader', body: 'Hello' }),
      { code: 'COMMENTS_CLOSED' },
    )
  })

  test('authors may publish: the setting opens and closes publishing at once', async () => {
    const actor = { userId: author.userId, role: 'author' as const, name: 'Test author' }
    const draft = async () =>
      (
        await services.newsroom.createArticle({
          headline: `Author draft ${Math.random().toString(36).slice(2, 7)}`,
          bodyMarkdown: 'Draft.',
          sectionId,
          authorIds: [bylineId],
          status: 'draft',
        })
      ).id
    const first = await draft()
    await assert.rejects(services.newsroom.stories.publish(actor, first), {
      code: 'ACCESS_FORBIDDEN',
    })
    const on = await postForm(
      web,
      admin,
      '/newsroom/settings',
      form({ siteName: 'The Quay Courier', authorsMayPublish: 'yes' }),
    )
    assert.equal(on.statusCode, 303)
    assert.equal(services.settings.current().authorsMayPublish, true)
    await services.newsroom.stories.publish(actor, first)
    assert.equal((await services.newsroom.stories.get(actor, first)).status, 'published')
    // Unticked: the checkbox is absent from the form, which turns the right off again.
    await postForm(web, admin, '/newsroom/settings', form({ siteName: 'The Quay Courier' }))
    const second = await draft()
    await assert.rejects(services.newsroom.stories.publish(actor, second), {
      code: 'ACCESS_FORBIDDEN',
    })
  })
})

forEachDatabase('sections screen', (t) => {
  let testApp: TestApp
  let web: FastifyInstance
  let services: AppServices
  let admin: NewsroomClient
  let editor: NewsroomClient

  before(async () => {
    testApp = await buildTestApp({ env: { MASTHEAD_DATABASE_URL: databaseUrl(t) } })
    web = testApp.app.web
    services = testApp.app.services
    admin = await newsroomClient(web, services.accounts, 'admin')
    editor = await newsroomClient(web, services.accounts, 'editor')
  })
  after(() => testApp?.dispose())

  const names = async () => (await services.newsroom.listSections()).map((s) => s.name)
  const page = () =>
    web.inject({ url: '/newsroom/settings/sections', headers: { ...HTML, cookie: admin.cookie } })

  test('admins add sections at the end, rename one (its address stays) and reorder them', async () => {
    const before = await names()
    for (const name of ['Harbour Life', 'Tides']) {
      const added = await postForm(web, admin, '/newsroom/settings/sections', { name })
      assert.equal(added.statusCode, 303)
      assert.equal(added.headers.location, '/newsroom/settings/sections?notice=added')
    }
    assert.deepEqual(await names(), [...before, 'Harbour Life', 'Tides'])
    const listed = await page()
    assert.equal(listed.statusCode, 200)
    assert.deepEqual(await htmlProblems(listed.body), [])

    const tides = (await services.newsroom.listSections()).find((s) => s.name === 'Tides')
    assert.ok(tides)
    const front = await web.inject({ url: '/', headers: READER }) // cached with the old names
    assert.equal(front.statusCode, 200)
    const renamed = await postForm(web, admin, `/newsroom/settings/sections/${tides.id}`, {
      name: 'Tides & Weather',
    })
    assert.equal(renamed.statusCode, 303)
    const after = (await services.newsroom.listSections()).find((s) => s.id === tides.id)
    assert.equal(after?.name, 'Tides & Weather')
    assert.equal(after?.slug, tides.slug, 'the address stays')
    assert.equal((await web.inject({ url: `/${tides.slug}`, headers: READER })).statusCode, 200)
    assert.match((await web.inject({ url: '/', headers: READER })).body, /Tides &amp; Weather/)

    const up = await postForm(web, admin, `/newsroom/settings/sections/${tides.id}/move`, {
      direction: 'up',
    })
    assert.equal(up.statusCode, 303)
    assert.deepEqual((await names()).slice(-2), ['Tides & Weather', 'Harbour Life'])
    // Moving the first section up changes nothing and is no error.
    const first = (await services.newsroom.listSections())[0]
    assert.ok(first)
    const top = await postForm(web, admin, `/newsroom/settings/sections/${first.id}/move`, {
      direction: 'up',
    })
    assert.equal(top.statusCode, 303)
    assert.equal((await services.newsroom.listSections())[0]?.id, first.id)
  })

  test('a new address redirects the old one, and the stories under it', async () => {
    const section = (await services.newsroom.listSections()).find((s) => s.name === 'Harbour Life')
    assert.ok(section)
    const author = await services.newsroom.createAuthor({ name: 'Addr Writer' })
    const story = await services.newsroom.createArticle({
      headline: 'Ferry timetable changes',
      bodyMarkdown: 'New times.',
      sectionId: section.id,
      authorIds: [author.id],
      status: 'published',
      publishedAt: new Date(TEST_NOW.getTime() - 3_600_000),
    })
    const oldPath = `/${section.slug}`
    const moved = await postForm(web, admin, `/newsroom/settings/sections/${section.id}`, {
      name: 'Harbour',
      slug: 'harbour',
    })
    assert.equal(moved.statusCode, 303)
    const front = await web.inject({ url: `${oldPath}?page=2`, headers: READER })
    assert.equal(front.statusCode, 301)
    assert.equal(front.headers.location, '/harbour?page=2')
    assert.equal((await web.inject({ url: '/harbour', headers: READER })).statusCode, 200)
    const article = await web.inject({ url: `${oldPath}/${story.slug}`, headers: READER })
    assert.equal(article.statusCode, 301)
    assert.equal(article.headers.location, `/harbour/${story.slug}`)
    // Refused addresses: reserved for the site, malformed, or another section's.
    const tides = (await services.newsroom.listSections()).find((s) => s.name.startsWith('Tides'))
    assert.ok(tides)
    for (const [slug, status] of [
      ['search', 400],
      ['Not A Slug', 400],
      ['harbour', 409],
    ] as const) {
      const refused = await postForm(web, admin, `/newsroom/settings/sections/${tides.id}`, {
        name: 'Tides',
        slug,
      })
      assert.equal(refused.statusCode, status, slug)
    }
    // An address given back to a new section is that section's again, not a redirect.
    const again = await postForm(web, admin, '/newsroom/settings/sections', {
      name: section.slug,
    })
    assert.equal(again.statusCode, 303)
    assert.equal((await web.inject({ url: oldPath, headers: READER })).statusCode, 200)
  })

  test('refusals: editors 403, empty names and taken addresses on the page, unknown 404, bad input 400', async () => {
    const byEditor = await postForm(web, editor, '/newsroom/settings/sections', { name: 'X' })
    assert.equal(byEditor.statusCode, 403)
    const empty = await postForm(web, admin, '/newsroom/settings/sections', { name: '  ' })
    assert.equal(empty.statusCode, 400)
    assert.match(textOf(one(parsePage(empty.body), '.error-summary')), /name is required/)
    const taken = await postForm(web, admin, '/newsroom/settings/sections', {
      name: 'Harbour Life',
    })
    assert.equal(taken.statusCode, 409)
    assert.equal(
      one(parsePage(taken.body), '#new-section-name').getAttribute('value'),
      'Harbour Life',
    )
    const unknown = await postForm(web, admin, '/newsroom/settings/sections/999999', { name: 'Y' })
    assert.equal(unknown.statusCode, 404)
    const [section] = await services.newsroom.listSections()
    assert.ok(section)
    const sideways = await postForm(web, admin, `/newsroom/settings/sections/${section.id}/move`, {
      direction: 'sideways',
    })
    assert.equal(sideways.statusCode, 400)
  })
})

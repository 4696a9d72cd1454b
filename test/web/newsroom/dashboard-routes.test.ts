/** The dashboard screens through their routes on every database: who sees them, valid pages, bad ids, referrers. */

import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import type { FastifyInstance } from 'fastify'
import type { AppServices } from '../../../src/app.js'
import { createFixedClock } from '../../../src/lib/clock.js'
import type { Article } from '../../../src/newsroom/index.js'
import { databaseUrl } from '../../cli/run-cli.js'
import { buildTestApp, type TestApp, TEST_NOW } from '../../helpers/build-test-app.js'
import { forEachDatabase } from '../../helpers/databases.js'
import { all, htmlProblems, one, parsePage, textOf } from '../../helpers/html.js'
import { type NewsroomClient, newsroomClient } from '../../helpers/newsroom-session.js'

const HTML = { accept: 'text/html' }
const BROWSER = 'Mozilla/5.0 (X11; Linux x86_64; rv:132.0) Gecko/20100101 Firefox/132.0'

forEachDatabase('dashboard screens', (t) => {
  let testApp: TestApp
  let web: FastifyInstance
  let services: AppServices
  let story: Article
  let editor: NewsroomClient
  let moderator: NewsroomClient
  const clock = createFixedClock(TEST_NOW)

  before(async () => {
    testApp = await buildTestApp({ clock, env: { MASTHEAD_DATABASE_URL: databaseUrl(t) } })
    web = testApp.app.web
    services = testApp.app.services
    const section = await services.newsroom.createSection({
      name: `Harbour ${Date.now().toString(36)}`,
    })
    const author = await services.newsroom.createAuthor({ name: 'Ana Reporter' })
    story = await services.newsroom.createArticle({
      headline: 'Ferry timetable <changes>',
      bodyMarkdown: 'The first ferry leaves at seven.',
      sectionId: section.id,
      authorIds: [author.id],
      status: 'published',
      publishedAt: new Date(TEST_NOW.getTime() - 2 * 86_400_000),
    })
    await services.engagement.addViews(story.id, new Date(TEST_NOW.getTime() - 86_400_000), 12)
    await services.engagement.addViews(story.id, TEST_NOW, 3)
    await services.engagement.refresh()
    editor = await newsroomClient(web, services.accounts, 'editor')
    moderator = await newsroomClient(web, services.accounts, 'moderator')
  })
  after(async () => testApp?.dispose())

  const get = (client: NewsroomClient, url: string) =>
    web.inject({ url, headers: { ...HTML, cookie: client.cookie } })

  test('/newsroom is the dashboard for an editor: figures, SVG charts with tables, valid HTML, no cookie', async () => {
    const response = await get(editor, '/newsroom')
    assert.equal(response.statusCode, 200)
    assert.match(String(response.headers['cache-control']), /private, no-store/)
    assert.equal(response.headers['set-cookie'], undefined)
    const doc = parsePage(response.body)
    assert.equal(textOf(one(doc, 'h1')), 'Dashboard')
    for (const heading of ['Today', 'Stories by status', 'Popular Now', 'Views, last 30 days'])
      assert.ok(
        all(doc, 'h2').some((h) => textOf(h) === heading),
        `a "${heading}" section`,
      )
    assert.match(textOf(one(doc, '#today-heading').parentElement), /3 views since 00:00 UTC/)
    // Every chart is an image named by its title and description, with a table behind a disclosure.
    const charts = all(doc, 'svg[role="img"]')
    assert.ok(charts.length >= 2, 'the 30-day chart and a sparkline')
    for (const svg of charts) {
      const [titleId, descId] = (svg.getAttribute('aria-labelledby') ?? '').split(' ')
      assert.ok(doc.getElementById(titleId ?? '')?.textContent, 'the chart has a title')
      assert.ok(doc.getElementById(descId ?? '')?.textContent, 'the chart has a description')
    }
    const tables = all(doc, 'details > summary')
    assert.equal(tables.length, charts.length)
    assert.ok(tables.every((s) => textOf(s).startsWith('Show as table')))
    const popular = all(doc, '.nr-popular a').map((a) => a.getAttribute('href'))
    assert.deepEqual(popular, [`/newsroom/stories/${story.id}/figures`])
    // No script from anywhere else (the dashboard needs none at all).
    for (const script of all(doc, 'script[src]'))
      assert.match(script.getAttribute('src') ?? '', /^\//)
    assert.deepEqual(await htmlProblems(response.body), [])
  })

  test('a moderator does not get the dashboard, nor a story’s figures', async () => {
    const home = await get(moderator, '/newsroom')
    if (home.statusCode === 200)
      assert.notEqual(textOf(one(parsePage(home.body), 'h1')), 'Dashboard')
    else assert.equal(home.statusCode, 303)
    const figures = await get(moderator, `/newsroom/stories/${story.id}/figures`)
    assert.equal(figures.statusCode, 403)
  })

  test('a story’s figures page: views by day, referrers, valid HTML; bad ids are 400 and 404', async () => {
    const response = await get(editor, `/newsroom/stories/${story.id}/figures`)
    assert.equal(response.statusCode, 200)
    const doc = parsePage(response.body)
    assert.equal(textOf(one(doc, 'h1')), 'Figures: Ferry timetable <changes>')
    assert.match(response.body, /Ferry timetable &lt;changes&gt;/)
    const rows = all(doc, 'svg rect')
    assert.equal(rows.length, 3, 'three days since publishing')
    const table = all(doc, 'details table tbody tr').map((tr) => textOf(tr))
    assert.deepEqual(table, ['18 Nov0', '19 Nov12', '20 Nov3'])
    assert.deepEqual(await htmlProblems(response.body), [])
    assert.equal((await get(editor, '/newsroom/stories/abc/figures')).statusCode, 400)
    assert.equal((await get(editor, '/newsroom/stories/0/figures')).statusCode, 400)
    assert.equal((await get(editor, '/newsroom/stories/99999999/figures')).statusCode, 404)
    const signedOut = await web.inject({
      url: `/newsroom/stories/${story.id}/figures`,
      headers: HTML,
    })
    assert.equal(signedOut.statusCode, 303)
  })

  test('a beacon’s referrer is kept as its host name only, and shows on the figures page', async () => {
    const token = await services.engagement.viewToken(story.id)
    const response = await web.inject({
      method: 'POST',
      url: '/api/v1/views',
      headers: { 'user-agent': BROWSER, 'content-type': 'text/plain' },
      payload: JSON.stringify({
        slug: story.slug,
        token,
        ref: 'https://WWW.Example.org/private/path?email=reader@example.org',
      }),
    })
    assert.equal(response.statusCode, 204)
    await services.engagement.flushViews()
    const figures = await services.dashboard.storyFigures(story.id)
    assert.deepEqual(figures?.referrers, [{ host: 'example.org', views: 1 }])
    const page = await get(editor, `/newsroom/stories/${story.id}/figures`)
    assert.match(page.body, /<th scope="row">example\.org<\/th>/)
    assert.doesNotMatch(page.body, /private\/path|reader@example/)
    const tooLong = await web.inject({
      method: 'POST',
      url: '/api/v1/views',
      headers: { 'user-agent': BROWSER, 'content-type': 'application/json' },
      payload: JSON.stringify({ slug: story.slug, token, ref: 'x'.repeat(300) }),
    })
    assert.equal(tooLong.statusCode, 400)
  })

  test('a story moved to another section and byline takes its views along on the dashboard', async () => {
    const before = await services.dashboard.overview()
    const [oldSection] = before.topSections
    const [oldAuthor] = before.topAuthors
    assert.ok(oldSection !== undefined && oldAuthor !== undefined && oldSection.views > 0)
    const section = await services.newsroom.createSection({
      name: `Ferries ${Date.now().toString(36)}`,
    })
    const author = await services.newsroom.createAuthor({ name: 'Ben Columnist' })
    await services.newsroom.updateArticle(story.id, {
      sectionId: section.id,
      authorIds: [author.id],
    })
    const after = await services.dashboard.overview()
    assert.deepEqual(
      after.topSections.map((s) => [s.slug, s.views]),
      [[section.slug, oldSection.views]],
    )
    assert.deepEqual(
      after.topAuthors.map((a) => [a.slug, a.views]),
      [[author.slug, oldAuthor.views]],
    )
    const page = parsePage((await get(editor, '/newsroom')).body)
    assert.match(textOf(one(page, '#sections-heading').parentElement), new RegExp(section.name))
  })
})

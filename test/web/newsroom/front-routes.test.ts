/** The front page screen through its routes on every database: permissions, CSRF, refusals, and the site following each change at once. */

import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import type { FastifyInstance } from 'fastify'
import type { AppServices } from '../../../src/app.js'
import { createFixedClock } from '../../../src/lib/clock.js'
import type { ArticleSummary } from '../../../src/newsroom/index.js'
import { buildTestApp, TEST_NOW, type TestApp } from '../../helpers/build-test-app.js'
import { forEachDatabase } from '../../helpers/databases.js'
import { all, htmlProblems, one, parsePage, textOf } from '../../helpers/html.js'
import { type NewsroomClient, newsroomClient, postForm } from '../../helpers/newsroom-session.js'
import { databaseUrl } from '../../cli/run-cli.js'

const HTML = { accept: 'text/html' }
const MINUTE = 60_000

forEachDatabase('front page screen', (t) => {
  const clock = createFixedClock(TEST_NOW)
  let testApp: TestApp
  let web: FastifyInstance
  let services: AppServices
  let editor: NewsroomClient
  let author: NewsroomClient
  let moderator: NewsroomClient
  let stories: ArticleSummary[]

  before(async () => {
    testApp = await buildTestApp({ clock, env: { MASTHEAD_DATABASE_URL: databaseUrl(t) } })
    web = testApp.app.web
    services = testApp.app.services
    editor = await newsroomClient(web, services.accounts, 'editor')
    author = await newsroomClient(web, services.accounts, 'author')
    moderator = await newsroomClient(web, services.accounts, 'moderator')
    const { newsroom } = services
    const section = await newsroom.createSection({ name: `Harbour ${t.config.kind}` })
    const writer = await newsroom.createAuthor({ name: `Ria Moss ${t.config.kind}` })
    for (let i = 0; i < 6; i++)
      await newsroom.createArticle({
        headline: `Harbour story ${i} ${t.config.kind}`,
        bodyMarkdown: 'The tide came in.',
        sectionId: section.id,
        authorIds: [writer.id],
        status: 'published',
        publishedAt: new Date(TEST_NOW.getTime() - (i + 1) * 60 * MINUTE),
      })
    await services.engagement.refresh()
    stories = await newsroom.latestArticles({ limit: 6 })
  })
  // Closed by the last test, not in after(): the suite's own after() drops the PostgreSQL schema
  // first, and closing flushes view counts into it.
  let closed = false
  after(async () => {
    if (!closed) await testApp?.dispose()
  })

  const get = (client: NewsroomClient | undefined, url: string) =>
    web.inject({ url, headers: client === undefined ? HTML : { ...HTML, cookie: client.cookie } })
  const story = (i: number): ArticleSummary => {
    const found = stories[i]
    assert.ok(found, `demo story ${i}`)
    return found
  }
  /** The front page's top story links, in order (as readers get them: the page cache included). */
  const frontOrder = async (): Promise<string[]> => {
    const doc = parsePage((await get(undefined, '/')).body)
    return all(doc, '.top-stories h3 a')
      .map((a) => a.getAttribute('href') ?? '')
      .slice(0, 3)
  }
  const pathOf = (s: ArticleSummary) => `/${s.section.slug}/${s.slug}`
  const bannerOf = async (url: string): Promise<Element | undefined> =>
    parsePage((await get(undefined, url)).body).querySelector(
      'section[aria-label="Breaking news"]',
    ) ?? undefined

  test('the screen is private, labelled, valid HTML, and marked in the navigation', async () => {
    const response = await get(editor, '/newsroom/front')
    assert.equal(response.statusCode, 200)
    assert.match(String(response.headers['cache-control']), /private, no-store/)
    const doc = parsePage(response.body)
    assert.equal(textOf(one(doc, 'nav[aria-label="Newsroom"] a[aria-current="page"]')), 'Front')
    const labels = all(doc, 'label').map(textOf)
    for (const name of [
      'Add a published story',
      'Story for slot 1',
      'Slot 5 expires at (UTC, optional)',
      'Banner text',
      'Banner link (optional)',
      'Banner expires at (UTC)',
    ])
      assert.ok(labels.includes(name), `a visible label "${name}"`)
    assert.deepEqual(await htmlProblems(response.body), [])
  })

  test('authors and moderators get 403 on the screen and on every change', async () => {
    for (const client of [author, moderator]) {
      assert.equal((await get(client, '/newsroom/front')).statusCode, 403)
      const add = await postForm(web, client, '/newsroom/front/top', {
        articleId: String(story(0).id),
      })
      assert.equal(add.statusCode, 403)
      const banner = await postForm(web, client, '/newsroom/front/banner', {
        text: 'Not allowed',
        expiresAt: '2026-11-20T13:00',
      })
      assert.equal(banner.statusCode, 403)
    }
    assert.equal(await services.newsroom.front.currentBanner(), undefined)
  })

  test('a change without the CSRF token, or from another site, is refused', async () => {
    const fields = { articleId: String(story(0).id) }
    const noToken = await postForm(web, editor, '/newsroom/front/top', fields, { csrf: false })
    assert.equal(noToken.statusCode, 403)
    const foreign = await postForm(web, editor, '/newsroom/front/top', fields, {
      origin: 'https://evil.example',
    })
    assert.equal(foreign.statusCode, 403)
  })

  test('bad input is a clear 4xx on the screen, never a 500', async () => {
    const cases: [string, Record<string, string>, number][] = [
      ['/newsroom/front/top', { articleId: 'abc' }, 400],
      ['/newsroom/front/top', {}, 400],
      ['/newsroom/front/top', { articleId: '999999' }, 400],
      ['/newsroom/front/top/order', { order: '1,,2' }, 400],
      ['/newsroom/front/top/order', { order: String(story(0).id) }, 409],
      ['/newsroom/front/top/0/move', { direction: 'up' }, 400],
      [`/newsroom/front/top/${story(0).id}/move`, { direction: 'sideways' }, 400],
      ['/newsroom/front/must-reads/0', { articleId: String(story(0).id) }, 400],
      ['/newsroom/front/must-reads/6', { articleId: String(story(0).id) }, 400],
      [
        '/newsroom/front/must-reads/1',
        { articleId: String(story(0).id), expiresAt: '2020-01-01T00:00' },
        400,
      ],
      ['/newsroom/front/banner', { text: 'Storm', expiresAt: 'tomorrow' }, 400],
      ['/newsroom/front/banner', { text: 'Storm', expiresAt: '2026-13-45T99:99' }, 400],
      [
        '/newsroom/front/banner',
        { text: 'Storm', link: 'javascript:alert(1)', expiresAt: '2026-11-20T13:00' },
        400,
      ],
    ]
    for (const [url, fields, status] of cases) {
      const response = await postForm(web, editor, url, fields)
      assert.equal(response.statusCode, status, `${url} ${JSON.stringify(fields)}`)
    }
    // A refused banner keeps what was typed and says why.
    const refused = await postForm(web, editor, '/newsroom/front/banner', {
      text: 'Storm on the coast',
      link: '//evil.example',
      expiresAt: '2026-11-20T13:00',
    })
    assert.equal(refused.statusCode, 400)
    const doc = parsePage(refused.body)
    assert.equal(one(doc, '#banner-text').getAttribute('value'), 'Storm on the coast')
    assert.ok(textOf(one(doc, '[role="alert"]')).includes('link'))
  })

  test('ordering with the buttons reaches the front page at once, and is logged with who', async () => {
    const [a, b, c] = [story(3), story(4), story(5)]
    await get(undefined, '/') // cached before the change
    for (const s of [a, b, c]) {
      const added = await postForm(web, editor, '/newsroom/front/top', { articleId: String(s.id) })
      assert.equal(added.statusCode, 303)
      assert.equal(added.headers.location, `/newsroom/front?done=added#top-${s.id}`)
    }
    assert.deepEqual(await frontOrder(), [a, b, c].map(pathOf))

    const moved = await postForm(web, editor, `/newsroom/front/top/${c.id}/move`, {
      direction: 'up',
    })
    assert.equal(moved.statusCode, 303)
    assert.equal(moved.headers.location, `/newsroom/front?done=moved#top-${c.id}`)
    assert.deepEqual(await frontOrder(), [a, c, b].map(pathOf))

    const dragged = await postForm(web, editor, '/newsroom/front/top/order', {
      order: [b.id, a.id, c.id].join(','),
    })
    assert.equal(dragged.statusCode, 303)
    assert.deepEqual(await frontOrder(), [b, a, c].map(pathOf))

    const screen = parsePage((await get(editor, '/newsroom/front?done=moved')).body)
    assert.equal(textOf(one(screen, '[role="status"]')), 'Top stories reordered.')
    assert.deepEqual(
      all(screen, 'ol.nr-front-order > li').map((li) => li.getAttribute('data-story-id')),
      [b, a, c].map((s) => String(s.id)),
    )
    const firstChange = one(screen, '#changes tbody tr')
    assert.equal(textOf(firstChange.querySelectorAll('td')[1]), 'Test editor')
  })

  test('Must-Reads set on the screen show on story pages at once, in slot order', async () => {
    const [a, b] = [story(1), story(2)]
    const page = pathOf(story(0))
    await get(undefined, page) // cached before the change
    const set = await postForm(web, editor, '/newsroom/front/must-reads/2', {
      articleId: String(a.id),
      expiresAt: '',
    })
    assert.equal(set.statusCode, 303)
    await postForm(web, editor, '/newsroom/front/must-reads/1', {
      articleId: String(b.id),
      expiresAt: '2026-11-21T12:00',
    })
    const rail = one(parsePage((await get(undefined, page)).body), '#rail-must-reads')
    const links = all(rail.parentElement ?? rail, 'a')
      .map((l) => l.getAttribute('href') ?? '')
      .filter((href) => /^\/[^/]+\/[^/]+$/.test(href))
    assert.deepEqual(links.slice(0, 2), [pathOf(b), pathOf(a)])
  })

  test('the banner is on every page at once, escaped, taken down at once, and gone at its expiry', async () => {
    const urls = ['/', pathOf(story(0)), `/${story(0).section.slug}`]
    for (const url of urls) assert.equal(await bannerOf(url), undefined) // cached without one
    const expiresAt = new Date(clock.nowMs() + 30 * MINUTE).toISOString().slice(0, 16)
    const up = await postForm(web, editor, '/newsroom/front/banner', {
      text: 'Storm <b>warning</b> & ferries cancelled',
      link: '/world/storm?x=1&y="2"',
      expiresAt,
    })
    assert.equal(up.statusCode, 303)
    for (const url of urls) {
      const response = await get(undefined, url)
      const banner = await bannerOf(url)
      assert.ok(banner, `the banner on ${url}`)
      assert.equal(banner.getAttribute('aria-live'), null, 'not a live region')
      assert.equal(textOf(banner.querySelector('a')), 'Storm <b>warning</b> & ferries cancelled')
      assert.equal(banner.querySelector('a')?.getAttribute('href'), '/world/storm?x=1&y="2"')
      assert.equal(banner.querySelector('b'), null, 'the text is escaped')
      assert.deepEqual(await htmlProblems(response.body), [], url)
    }

    const down = await postForm(web, editor, '/newsroom/front/banner/take-down', {})
    assert.equal(down.statusCode, 303)
    for (const url of urls) assert.equal(await bannerOf(url), undefined, url)

    // Up again; the app's clock passes its expiry: a page rendered now has none (no job needed)…
    await services.newsroom.front.setBanner(
      { userId: editor.userId, role: 'editor', name: 'Test editor' },
      { text: 'Bridge closed', link: '', expiresAt: new Date(clock.nowMs() + 5 * MINUTE) },
    )
    assert.ok(await bannerOf('/'))
    clock.advance(5 * MINUTE)
    assert.equal(await bannerOf('/tag/no-such-tag-here'), undefined)
    // …and the expiry job purges the pages cached while it was up.
    assert.ok(await bannerOf('/'), 'still cached until the job runs (or the capped TTL ends)')
    assert.equal(await services.newsroom.front.expireDue(), 1)
    assert.equal(await bannerOf('/'), undefined)
  })

  test("a cached page does not outlive the banner's expiry", async () => {
    await services.newsroom.front.setBanner(
      { userId: editor.userId, role: 'editor', name: 'Test editor' },
      { text: 'Short-lived', link: '', expiresAt: new Date(clock.nowMs() + 300) },
    )
    const url = `/${story(1).section.slug}`
    assert.ok(await bannerOf(url))
    assert.equal((await get(undefined, url)).headers['cache-control'], 'public, max-age=0')
    clock.advance(300)
    // The entry was stored for 300 ms at most; no job runs here.
    await new Promise((resolve) => setTimeout(resolve, 400))
    assert.equal(await bannerOf(url), undefined)
  })
  test('closes the app', async () => {
    closed = true
    await testApp.dispose()
    assert.ok(closed)
  })
})

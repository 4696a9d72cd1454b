/** Staff comments through their routes on every database: the badge comes from the session only. */

import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import type { FastifyInstance } from 'fastify'
import type { AppServices } from '../../../src/app.js'
import { databaseUrl } from '../../cli/run-cli.js'
import { buildTestApp, TEST_NOW, type TestApp } from '../../helpers/build-test-app.js'
import { forEachDatabase } from '../../helpers/databases.js'
import { all, htmlProblems, one, parsePage, textOf } from '../../helpers/html.js'
import { type NewsroomClient, newsroomClient, postForm } from '../../helpers/newsroom-session.js'

const HTML = { accept: 'text/html' }

forEachDatabase('staff comments', (t) => {
  let testApp: TestApp
  let web: FastifyInstance
  let services: AppServices
  let byline: NewsroomClient
  let moderator: NewsroomClient
  let contributor: NewsroomClient
  let story: { id: number; slug: string; path: string }
  let readerComment: number

  before(async () => {
    testApp = await buildTestApp({ env: { MASTHEAD_DATABASE_URL: databaseUrl(t) } })
    web = testApp.app.web
    services = testApp.app.services
    byline = await newsroomClient(web, services.accounts, 'author')
    moderator = await newsroomClient(web, services.accounts, 'moderator')
    contributor = await newsroomClient(web, services.accounts, 'contributor')
    const { newsroom } = services
    const section = await newsroom.createSection({ name: `Quays ${Date.now().toString(36)}` })
    const author = await newsroom.createAuthor({ name: 'Test author', userId: byline.userId })
    const article = await newsroom.createArticle({
      headline: 'Night ferry returns after the storm',
      bodyMarkdown: 'The night ferry sails again.',
      sectionId: section.id,
      authorIds: [author.id],
      status: 'published',
      publishedAt: new Date(TEST_NOW.getTime() - 3_600_000),
    })
    story = { id: article.id, slug: article.slug, path: `/${section.slug}/${article.slug}` }
    // A reader's comment, posted as a trusted caller (no reader: no hold for a first comment).
    readerComment = (
      await services.comments.post({
        articleId: article.id,
        authorName: 'Harbour reader',
        body: 'When does the first boat leave?',
      })
    ).id
  })
  after(() => testApp?.dispose())

  const screen = () => `/newsroom/stories/${story.id}/comments`
  const get = (client: NewsroomClient, url: string) =>
    web.inject({ url, headers: { ...HTML, cookie: client.cookie } })
  const postedId = (location: unknown): number => {
    const match = /[?&]posted=(\d+)$/.exec(String(location))
    assert.ok(match, `redirect to the notice, got ${String(location)}`)
    return Number(match[1])
  }
  /** The story page as a reader gets it: each comment's author and badge. */
  const publicComments = async () => {
    const response = await web.inject({ url: story.path, headers: HTML })
    assert.equal(response.statusCode, 200)
    return all(parsePage(response.body), '.comment').map((li) => {
      // The comment's own line, not a reply's further down.
      const meta = [...li.children].find((child) => child.classList.contains('comment-meta'))
      return {
        id: li.id,
        author: textOf(meta?.querySelector('.comment-author') ?? null),
        badge: meta?.querySelector('.comment-badge')?.textContent ?? null,
      }
    })
  }

  test('a byline of the story comments with the Author badge, shown at once to readers', async () => {
    await publicComments() // cache the page: the comment must purge it
    const page = await get(byline, screen())
    assert.equal(page.statusCode, 200)
    assert.match(String(page.headers['cache-control']), /private, no-store/)
    assert.deepEqual(await htmlProblems(page.body), [])
    const doc = parsePage(page.body)
    assert.equal(textOf(one(doc, 'h1')), 'Comments on “Night ferry returns after the storm”')
    assert.ok(all(doc, 'strong').some((s) => textOf(s) === 'Author'))
    assert.ok(doc.querySelector('form textarea[name="body"]'), 'a comment form')
    assert.equal(doc.querySelector('input[name="name"], input[name="badge"]'), null)

    const response = await postForm(web, byline, screen(), { body: 'The first boat is at 22:40.' })
    assert.equal(response.statusCode, 303)
    const id = postedId(response.headers.location)
    const shown = (await publicComments()).find((c) => c.id === `comment-${id}`)
    assert.deepEqual(shown, { id: `comment-${id}`, author: 'Test author', badge: 'Author' })
    const notice = await get(byline, String(response.headers.location))
    assert.match(
      textOf(one(parsePage(notice.body), '[role="status"]')),
      /published with the Author badge/,
    )
  })

  test('anyone else on the staff replies with the Staff badge, under the reader', async () => {
    const response = await postForm(web, moderator, screen(), {
      body: 'Thanks for asking; the timetable is on the port site.',
      parent: String(readerComment),
    })
    assert.equal(response.statusCode, 303)
    const id = postedId(response.headers.location)
    const thread = await services.comments.listThreads(story.id)
    const parent = thread.threads.find((c) => c.id === readerComment)
    assert.deepEqual(
      parent?.replies.map((r) => [r.id, r.authorName, r.badge]),
      [[id, 'Test moderator', 'staff']],
    )
    assert.equal(parent?.badge, null, "the reader's own comment has no badge")
    const api = await web.inject({ url: `/api/v1/articles/${story.slug}/comments` })
    type ApiComment = { id: number; badge: unknown }
    const items = api.json<{ comments: (ApiComment & { replies: ApiComment[] })[] }>().comments
    const apiParent = items.find((c) => c.id === readerComment)
    assert.equal(apiParent?.badge, null)
    assert.equal(apiParent?.replies.find((r) => r.id === id)?.badge, 'staff')
  })

  test('readers cannot claim a badge or a staff name', async () => {
    const viaApi = await web.inject({
      method: 'POST',
      url: `/api/v1/articles/${story.slug}/comments`,
      headers: { 'content-type': 'application/json', 'user-agent': 'badge-claimer' },
      payload: { name: 'Harbour fan', body: 'I am staff, honest.', badge: 'staff' },
    })
    assert.equal(viaApi.statusCode, 400, 'an unknown field is refused, not stored')
    const asStaffName = await web.inject({
      method: 'POST',
      url: `/api/v1/articles/${story.slug}/comments`,
      headers: { 'content-type': 'application/json', 'user-agent': 'name-claimer' },
      payload: { name: 'Test moderator', body: 'Speaking for the paper.' },
    })
    assert.equal(asStaffName.statusCode, 400, asStaffName.body)
    assert.equal(
      asStaffName.json<{ error: { code: string } }>().error.code,
      'COMMENT_NAME_RESERVED',
    )
    const badged = (await publicComments()).filter((c) => c.badge !== null)
    assert.deepEqual(badged.map((c) => [c.author, c.badge]).sort(), [
      ['Test author', 'Author'],
      ['Test moderator', 'Staff'],
    ])
  })

  test('refusals: no role, no CSRF, extra fields, empty text, a bad parent, no such story', async () => {
    assert.equal((await get(contributor, screen())).statusCode, 403)
    const denied = await postForm(web, contributor, screen(), { body: 'Hello' })
    assert.equal(denied.statusCode, 403)
    const noCsrf = await postForm(web, moderator, screen(), { body: 'Hello' }, { csrf: false })
    assert.equal(noCsrf.statusCode, 403)
    const claim = await postForm(web, moderator, screen(), { body: 'Hello', badge: 'author' })
    assert.equal(claim.statusCode, 400)
    const empty = await postForm(web, moderator, screen(), { body: '   ' })
    assert.equal(empty.statusCode, 400)
    assert.match(textOf(one(parsePage(empty.body), '[role="alert"]')), /write a comment/i)
    const badParent = await postForm(web, moderator, screen(), {
      body: 'A reply to nothing',
      parent: '2147483647',
    })
    assert.equal(badParent.statusCode, 400)
    const kept = parsePage(badParent.body)
    assert.ok(
      all(kept, 'textarea').some((a) => textOf(a) === 'A reply to nothing'),
      'text kept',
    )
    const tooBig = await postForm(web, moderator, screen(), { body: 'x', parent: '99999999999' })
    assert.equal(tooBig.statusCode, 400)
    const missing = await get(moderator, '/newsroom/stories/2147483646/comments')
    assert.equal(missing.statusCode, 404)
    const before = (await services.comments.listThreads(story.id)).totalComments
    assert.equal(before, 3, "the reader's and the two staff comments: nothing refused was stored")
  })

  test('a closed story takes no staff comments either', async () => {
    await services.comments.moderation.setArticleMode(story.id, 'closed', 'cli')
    try {
      const page = await get(moderator, screen())
      assert.equal(page.statusCode, 200)
      assert.equal(parsePage(page.body).querySelector('textarea'), null)
      const refused = await postForm(web, moderator, screen(), { body: 'Late word' })
      assert.equal(refused.statusCode, 400)
      assert.match(textOf(one(parsePage(refused.body), '[role="alert"]')), /closed/)
    } finally {
      await services.comments.moderation.setArticleMode(story.id, null, 'cli')
    }
  })
})

/** The moderation desk through its routes on every database: queue, actions, lists, permissions, refusals. */

import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import type { FastifyInstance } from 'fastify'
import type { AppServices } from '../../../src/app.js'
import type { Article } from '../../../src/newsroom/index.js'
import { buildTestApp, type TestApp, TEST_NOW } from '../../helpers/build-test-app.js'
import { forEachDatabase } from '../../helpers/databases.js'
import { all, htmlProblems, one, parsePage, textOf } from '../../helpers/html.js'
import { type NewsroomClient, newsroomClient, postForm } from '../../helpers/newsroom-session.js'
import { databaseUrl } from '../../cli/run-cli.js'

const HTML = { accept: 'text/html' }
/** Reader pages are fetched as a bot: no view is counted, so closing the app writes nothing. */
const READER = { ...HTML, 'user-agent': 'masthead-test-bot/1.0' }

let readers = 0
/** A reader never seen before. */
const newReader = () => {
  readers += 1
  return { address: `192.0.2.${readers}`, userAgent: `desk-reader-${readers}` }
}

forEachDatabase('moderation desk', (t) => {
  let testApp: TestApp
  let web: FastifyInstance
  let services: AppServices
  let story: Article
  let storyPath: string
  let moderator: NewsroomClient
  let editor: NewsroomClient
  let author: NewsroomClient

  before(async () => {
    testApp = await buildTestApp({
      env: {
        MASTHEAD_DATABASE_URL: databaseUrl(t),
        MASTHEAD_COMMENTS_ADDRESS_RATE_PER_MINUTE: '0',
      },
    })
    web = testApp.app.web
    services = testApp.app.services
    const section = await services.newsroom.createSection({
      name: `Desk ${Date.now().toString(36)}`,
    })
    const byline = await services.newsroom.createAuthor({ name: 'Desk Reporter' })
    story = await services.newsroom.createArticle({
      headline: 'Harbour wall repairs begin',
      bodyMarkdown: 'The work takes a month.',
      sectionId: section.id,
      authorIds: [byline.id],
      status: 'published',
      publishedAt: new Date(TEST_NOW.getTime() - 3_600_000),
    })
    storyPath = `/${section.slug}/${story.slug}`
    moderator = await newsroomClient(web, services.accounts, 'moderator')
    editor = await newsroomClient(web, services.accounts, 'editor')
    author = await newsroomClient(web, services.accounts, 'author')
  })
  after(async () => testApp?.dispose())

  const get = (client: NewsroomClient, url: string) =>
    web.inject({ url, headers: { ...HTML, cookie: client.cookie } })
  /** A comment held for its link, by a new reader. */
  const held = async (body = 'See www.example.com for more') => {
    const posted = await services.comments.post({
      articleId: story.id,
      authorName: 'Ada Reader',
      body,
      reader: newReader(),
    })
    assert.equal(posted.status, 'held')
    return posted.id
  }
  const statusOf = async (id: number) =>
    (
      await services.database.db
        .selectFrom('comments')
        .select('status')
        .where('id', '=', id)
        .executeTakeFirstOrThrow()
    ).status

  test('a moderator landing on /newsroom is sent to the desk, and cannot open the story screens', async () => {
    const home = await get(moderator, '/newsroom')
    assert.equal(home.statusCode, 303)
    assert.equal(home.headers.location, '/newsroom/comments')
    for (const url of ['/newsroom/stories', '/newsroom/stories/new']) {
      const refused = await get(moderator, url)
      assert.equal(refused.statusCode, 403, url)
      const doc = parsePage(refused.body)
      assert.equal(textOf(one(doc, 'h1')), 'You cannot open this page')
      assert.deepEqual(await htmlProblems(refused.body), [])
    }
    // Editors keep their home; the desk is in their navigation.
    const editorHome = await get(editor, '/newsroom')
    assert.equal(editorHome.statusCode, 200)
    assert.ok(
      all(parsePage(editorHome.body), 'nav[aria-label="Newsroom"] a')
        .map(textOf)
        .includes('Comments'),
    )
  })

  test('the queue lists held comments with why they wait, valid HTML, the shortcuts documented', async () => {
    const id = await held()
    const response = await get(moderator, '/newsroom/comments')
    assert.equal(response.statusCode, 200)
    assert.match(String(response.headers['cache-control']), /private, no-store/)
    const doc = parsePage(response.body)
    assert.equal(textOf(one(doc, 'h1')), 'Comments: Held')
    const item = one(doc, `#queue-comment-${id}`)
    assert.match(textOf(item), /Why it waits: Contains a link/)
    assert.match(textOf(item), /Harbour wall repairs begin/)
    const buttons = all(item, 'button').map((b) => [textOf(b), b.getAttribute('aria-keyshortcuts')])
    assert.deepEqual(buttons, [
      [`Approve comment ${id}`, 'a'],
      [`Reject comment ${id}`, 'r'],
      [`Spam comment ${id}`, 's'],
      [`Ban author comment ${id}`, 'b'],
    ])
    for (const form of all(item, 'form'))
      assert.equal(form.querySelector('input')?.getAttribute('name'), '_csrf')
    assert.equal(textOf(one(doc, 'details#shortcuts summary')), 'Keyboard shortcuts')
    assert.match(textOf(one(doc, 'details#shortcuts')), /Approve the selected comment/)
    assert.ok(
      all(doc, 'script[src]').some((s) => /moderation-keys/.test(s.getAttribute('src') ?? '')),
    )
    assert.equal(textOf(one(doc, 'nav[aria-label="Newsroom"] a[aria-current="page"]')), 'Comments')
    assert.equal(textOf(one(doc, 'nav[aria-label="Moderation"] a[aria-current="page"]')), 'Held')
    assert.deepEqual(await htmlProblems(response.body), [])
  })

  test('approve publishes the comment, redirects with a notice, and purges the story page', async () => {
    const body = 'A held remark about www.harbour.example'
    const id = await held(body)
    const before = await web.inject({ url: storyPath, headers: READER })
    assert.equal(before.statusCode, 200)
    assert.ok(!before.body.includes('A held remark'))
    const response = await postForm(web, moderator, `/newsroom/comments/${id}/approve`, {
      at: '0',
    })
    assert.equal(response.statusCode, 303)
    assert.equal(response.headers.location, `/newsroom/comments?done=approve&comment=${id}&at=0`)
    assert.equal(await statusOf(id), 'published')
    const page = parsePage((await get(moderator, String(response.headers.location))).body)
    assert.match(textOf(one(page, '[role="status"]')), new RegExp(`Comment ${id} approved`))
    const after = await web.inject({ url: storyPath, headers: READER })
    assert.ok(after.body.includes('A held remark'), 'the cached story page was purged')
    const [entry] = await services.comments.moderation.auditLog({ commentId: id })
    assert.deepEqual([entry?.action, entry?.actor], ['approved', String(moderator.userId)])
  })

  test('reject, spam and ban each change the comment and keep the filter and page', async () => {
    const rejected = await held()
    const spam = await held()
    const banned = await held()
    const r = await postForm(web, editor, `/newsroom/comments/${rejected}/reject`, {})
    assert.equal(r.statusCode, 303)
    assert.equal(await statusOf(rejected), 'rejected')
    const s = await postForm(web, moderator, `/newsroom/comments/${spam}/spam`, {
      filter: 'reported',
      page: '2',
      at: '3',
    })
    assert.equal(
      s.headers.location,
      `/newsroom/comments?filter=reported&page=2&done=spam&comment=${spam}&at=3`,
    )
    assert.equal(await statusOf(spam), 'spam')
    const b = await postForm(web, moderator, `/newsroom/comments/${banned}/ban`, {})
    assert.equal(b.statusCode, 303)
    assert.equal(await statusOf(banned), 'spam')
    const bans = await services.comments.moderation.bannedReaders()
    assert.ok(bans.items.some((ban) => ban.reason === `comment ${banned}`))

    // The spam filter shows them, with the ban noted and no second ban button.
    const doc = parsePage((await get(moderator, '/newsroom/comments?filter=spam')).body)
    const item = one(doc, `#queue-comment-${banned}`)
    assert.ok(!all(item, 'button').some((x) => /Ban author/.test(textOf(x))))
    assert.ok(!all(item, 'button').some((x) => /^Spam/.test(textOf(x))))
  })

  test('banned readers are listed and can be unbanned', async () => {
    const id = await held()
    await postForm(web, moderator, `/newsroom/comments/${id}/ban`, {})
    const list = await get(moderator, '/newsroom/comments/banned')
    assert.equal(list.statusCode, 200)
    assert.deepEqual(await htmlProblems(list.body), [])
    const doc = parsePage(list.body)
    const row = all(doc, 'tbody tr').find((tr) => textOf(tr).includes(`comment ${id}`))
    assert.ok(row, 'the ban is listed with its reason')
    assert.match(textOf(row), /Ada Reader/)
    assert.match(textOf(row), /Test moderator/, 'who banned, by name')
    const reader = row.querySelector('input[name="reader"]')?.getAttribute('value') ?? ''
    const response = await postForm(web, moderator, '/newsroom/comments/banned/unban', { reader })
    assert.equal(response.statusCode, 303)
    assert.equal(response.headers.location, '/newsroom/comments/banned?done=unbanned')
    const after = await services.comments.moderation.bannedReaders({ perPage: 200 })
    assert.ok(!after.items.some((ban) => ban.readerHash === reader))
    // Unbanning again: the reader is not banned any more.
    const again = await postForm(web, moderator, '/newsroom/comments/banned/unban', { reader })
    assert.equal(again.statusCode, 404)
  })

  test('the banned-word list: add (posting then holds), refuse with the text kept, remove', async () => {
    const added = await postForm(web, moderator, '/newsroom/comments/words', { word: 'Bilge Rat' })
    assert.equal(added.statusCode, 303)
    const page = await get(moderator, String(added.headers.location))
    assert.deepEqual(await htmlProblems(page.body), [])
    const doc = parsePage(page.body)
    assert.match(textOf(one(doc, '[role="status"]')), /“bilge rat” added/)
    assert.ok(all(doc, 'tbody th').map(textOf).includes('bilge rat'))
    const posted = await services.comments.post({
      articleId: story.id,
      authorName: 'Ada',
      body: 'You BILGE rat',
      reader: newReader(),
    })
    assert.equal(posted.holdReason, 'banned_word')

    const refused = await postForm(web, moderator, '/newsroom/comments/words', { word: '?!' })
    assert.equal(refused.statusCode, 400)
    const form = parsePage(refused.body)
    assert.match(textOf(one(form, '[role="alert"]')), /at least one letter or digit/)
    assert.equal(one(form, '#banned-word').getAttribute('value'), '?!')
    assert.equal(one(form, '#banned-word').getAttribute('aria-invalid'), 'true')
    assert.deepEqual(await htmlProblems(refused.body), [])

    const removed = await postForm(web, moderator, '/newsroom/comments/words/remove', {
      word: 'bilge rat',
    })
    assert.equal(removed.statusCode, 303)
    const again = await services.comments.post({
      articleId: story.id,
      authorName: 'Ada',
      body: 'You bilge rat, again',
      reader: newReader(),
    })
    assert.equal(again.status, 'published')
    const missing = await postForm(web, moderator, '/newsroom/comments/words/remove', {
      word: 'never listed',
    })
    assert.equal(missing.statusCode, 404)
  })

  test('the audit log names who did what, valid HTML', async () => {
    const id = await held()
    await postForm(web, moderator, `/newsroom/comments/${id}/reject`, {})
    const response = await get(moderator, '/newsroom/comments/log')
    assert.equal(response.statusCode, 200)
    assert.deepEqual(await htmlProblems(response.body), [])
    const rows = all(parsePage(response.body), 'tbody tr').map(textOf)
    assert.ok(
      rows.some((row) => row.includes('Rejected') && row.includes(`Comment ${id}`)),
      rows.slice(0, 3).join('\n'),
    )
    assert.ok(rows.some((row) => row.includes('Test moderator')))
    assert.ok(rows.some((row) => row.includes('Added a banned word')))
  })

  test('an author cannot open or act on the desk; signed out, it asks to sign in', async () => {
    const id = await held()
    for (const url of [
      '/newsroom/comments',
      '/newsroom/comments/words',
      '/newsroom/comments/banned',
      '/newsroom/comments/log',
    ])
      assert.equal((await get(author, url)).statusCode, 403, url)
    const acted = await postForm(web, author, `/newsroom/comments/${id}/approve`, {})
    assert.equal(acted.statusCode, 403)
    const word = await postForm(web, author, '/newsroom/comments/words', { word: 'nope' })
    assert.equal(word.statusCode, 403)
    assert.equal(await statusOf(id), 'held')
    const signedOut = await web.inject({ url: '/newsroom/comments', headers: HTML })
    assert.equal(signedOut.statusCode, 303)
    assert.match(String(signedOut.headers.location), /^\/newsroom\/sign-in/)
  })

  test('without the CSRF token or from another site, nothing changes', async () => {
    const id = await held()
    const noToken = await postForm(
      web,
      moderator,
      `/newsroom/comments/${id}/approve`,
      {},
      { csrf: false },
    )
    assert.equal(noToken.statusCode, 403)
    const foreign = await postForm(
      web,
      moderator,
      `/newsroom/comments/${id}/approve`,
      {},
      { origin: 'https://evil.example' },
    )
    assert.equal(foreign.statusCode, 403)
    assert.equal(await statusOf(id), 'held')
  })

  test('bad input answers 400 or 404, never 500', async () => {
    const id = await held()
    const cases: [string, Record<string, string>, number][] = [
      [`/newsroom/comments/${id}/publish`, {}, 400],
      ['/newsroom/comments/abc/approve', {}, 400],
      ['/newsroom/comments/99999999999/approve', {}, 400],
      ['/newsroom/comments/2147483000/approve', {}, 404],
      [`/newsroom/comments/${id}/approve`, { filter: 'everything' }, 400],
      [`/newsroom/comments/${id}/approve`, { page: '-1' }, 400],
      [`/newsroom/comments/${id}/approve`, { extra: 'x' }, 400],
      ['/newsroom/comments/words', {}, 400],
      ['/newsroom/comments/words', { word: 'x'.repeat(401) }, 400],
      ['/newsroom/comments/words', { word: 'x'.repeat(150) }, 400],
      ['/newsroom/comments/banned/unban', { reader: 'not-a-hash' }, 400],
    ]
    for (const [url, fields, status] of cases) {
      const response = await postForm(web, moderator, url, fields)
      assert.equal(response.statusCode, status, `${url} ${JSON.stringify(fields)}`)
    }
    for (const url of [
      '/newsroom/comments?filter=all',
      '/newsroom/comments?page=0',
      '/newsroom/comments?done=publish&comment=1',
      '/newsroom/comments/log?before=x',
      '/newsroom/comments/banned?page=-2',
    ])
      assert.equal((await get(moderator, url)).statusCode, 400, url)
    assert.equal(await statusOf(id), 'held')
  })
})

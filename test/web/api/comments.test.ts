/** The comments JSON API on the real app: 201 with a status, 4xx with stable codes, pages and order. */

import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import type { Article } from '../../../src/newsroom/index.js'
import { buildTestApp, TEST_NOW, type TestApp } from '../../helpers/build-test-app.js'

interface ApiComment {
  id: number
  parentId: number | null
  name: string
  body: string
  createdAt: string
  status?: string
  heldBecause?: string
  replies?: ApiComment[]
}

describe('comments API', () => {
  let testApp: TestApp
  let stories: Article[]
  const url = (story: Article) => `/api/v1/articles/${story.slug}/comments`
  const post = (story: Article, payload: unknown, ua = 'api-client') =>
    testApp.app.web.inject({
      method: 'POST',
      url: url(story),
      payload: payload as Record<string, unknown>,
      headers: { 'user-agent': ua },
    })
  const codeOf = (response: { json: () => unknown }) =>
    (response.json() as { error: { code: string } }).error.code

  before(async () => {
    testApp = await buildTestApp({
      articles: 6,
      env: {
        MASTHEAD_COMMENTS_BANNED_WORDS: 'scoundrel,  rotten apple',
        // Every inject comes from 127.0.0.1: per-address limits have their own test below.
        MASTHEAD_COMMENTS_ADDRESS_RATE_PER_MINUTE: '0',
        MASTHEAD_COMMENTS_ADDRESS_RATE_PER_DAY: '0',
      },
    })
    const { items } = await testApp.app.services.newsroom.listArticles({}, 1, 6)
    stories = []
    for (const summary of items) {
      const found = await testApp.app.services.newsroom.findPublishedArticle(summary.slug)
      if (found?.kind === 'found') stories.push(found.article)
    }
    assert.ok(stories.length >= 4)
  })
  after(() => testApp.dispose())

  const story = (i: number): Article => {
    const found = stories[i]
    assert.ok(found)
    return found
  }

  test('a good comment answers 201 published, then lists without e-mail', async () => {
    const response = await post(story(0), {
      name: 'Ada',
      email: 'ada@example.org',
      body: 'Well reported 🇳🇴',
    })
    assert.equal(response.statusCode, 201)
    const { comment } = response.json<{ comment: ApiComment }>()
    assert.equal(comment.status, 'published')
    assert.equal(comment.body, 'Well reported 🇳🇴')
    assert.equal(comment.createdAt, TEST_NOW.toISOString())
    const list = await testApp.app.web.inject({ url: url(story(0)) })
    assert.equal(list.statusCode, 200)
    assert.ok(!list.body.includes('ada@example.org'))
    const listed = list.json<{ comments: ApiComment[]; totalComments: number }>()
    assert.ok(listed.comments.some((c) => c.id === comment.id))
    assert.ok(listed.totalComments >= 1)
  })

  test('bad input answers 400 with the code and the field', async () => {
    const cases: [Record<string, unknown>, string, string | undefined][] = [
      [{ name: 'Ada', body: 'x'.repeat(301) }, 'COMMENT_TOO_LONG', 'body'],
      [{ name: 'Ada', body: ' \n\t ' }, 'COMMENT_BODY_REQUIRED', 'body'],
      [{ name: 'Ada', body: 'a\u0000b' }, 'COMMENT_INVALID_CHARACTERS', 'body'],
      [{ name: 'N'.repeat(51), body: 'Hi' }, 'COMMENT_NAME_TOO_LONG', 'name'],
      [{ name: '', body: 'Hi' }, 'COMMENT_NAME_REQUIRED', 'name'],
      [{ name: 'Ada', email: 'nope', body: 'Hi' }, 'COMMENT_EMAIL_INVALID', 'email'],
      [{ name: 'Ada', body: 'Hi', parentId: 999_999 }, 'COMMENT_PARENT_INVALID', 'parentId'],
      [{ name: 'Ada', body: 'Hi', admin: true }, 'REQUEST_INVALID', undefined],
      [{ name: 'Ada' }, 'REQUEST_INVALID', undefined],
      // Beyond the integer column's range: refused by the schema before any query.
      [{ name: 'Ada', body: 'Hi', parentId: 2_147_483_648 }, 'REQUEST_INVALID', undefined],
      [{ name: 'Ada', body: 'Hi', parentId: 0 }, 'REQUEST_INVALID', undefined],
    ]
    for (const [payload, code, field] of cases) {
      const response = await post(story(1), payload, 'bad-input')
      assert.equal(response.statusCode, 400, JSON.stringify(payload))
      const { error } = response.json<{ error: { code: string; details: { field?: string } } }>()
      assert.equal(error.code, code, JSON.stringify(payload))
      if (field !== undefined) assert.equal(error.details.field, field)
    }
    const notJson = await testApp.app.web.inject({
      method: 'POST',
      url: url(story(1)),
      payload: '{"name":',
      headers: { 'content-type': 'application/json' },
    })
    assert.equal(notJson.statusCode, 400)
    const missing = await testApp.app.web.inject({
      method: 'POST',
      url: '/api/v1/articles/no-such-story/comments',
      payload: { name: 'Ada', body: 'Hi' },
    })
    assert.equal(missing.statusCode, 404)
    assert.equal(codeOf(missing), 'COMMENT_ARTICLE_NOT_FOUND')
    const badQuery = await testApp.app.web.inject({ url: `${url(story(1))}?order=up` })
    assert.equal(badQuery.statusCode, 400)
  })

  test('banned words (any case or accent) and links are held whatever the mode', async () => {
    const held = [
      'What a SCOUNDRÉL',
      'This is a Rotten   Apple, frankly',
      'See https://example.org/x',
      'visit spam-shop.com now',
    ]
    const told = ['listed_word', 'listed_word', 'link', 'link']
    for (const [i, body] of held.entries()) {
      const response = await post(story(2), { name: 'Cy', body }, `held-${i}`)
      assert.equal(response.statusCode, 201, body)
      const answer = response.json<{ comment: ApiComment; message: string }>()
      assert.equal(answer.comment.status, 'held', body)
      // The author is told why, in a stable code and in words, never which word is listed.
      assert.equal(answer.comment.heldBecause, told[i], body)
      assert.match(answer.message, /^Thanks — your comment is waiting for review\. It contains/)
      assert.ok(!/scoundr|rotten/i.test(answer.message), answer.message)
    }
    for (const body of ['Scoundrels is not the word', 'e.g. version 3.5 is fine']) {
      const response = await post(story(2), { name: 'Cy', body }, 'not-held')
      assert.equal(response.json<{ comment: ApiComment }>().comment.status, 'published', body)
    }
    const queue = await testApp.app.services.comments.moderation.queue({ filter: 'held' })
    assert.deepEqual(
      new Set(queue.items.filter((c) => c.articleId === story(2).id).map((c) => c.holdReason)),
      new Set(['banned_word', 'link']),
    )
  })

  test('a premoderated story holds every comment; a closed one answers 403', async () => {
    const { moderation } = testApp.app.services.comments
    await moderation.setArticleMode(story(3).id, 'premoderated', 'test')
    const held = await post(story(3), { name: 'Di', body: 'Plain and kind' }, 'premod')
    assert.equal(held.statusCode, 201)
    assert.equal(held.json<{ comment: ApiComment }>().comment.status, 'held')
    assert.equal(held.json<{ comment: ApiComment }>().comment.heldBecause, 'review')
    await moderation.setArticleMode(story(3).id, 'closed', 'test')
    const closed = await post(story(3), { name: 'Di', body: 'Another' }, 'premod')
    assert.equal(closed.statusCode, 403)
    assert.equal(codeOf(closed), 'COMMENTS_CLOSED')
    await moderation.setArticleMode(story(3).id, null, 'test')
  })

  test('past the limit a reader gets 429 with Retry-After; repeats get 409', async () => {
    for (let i = 0; i < 5; i++) {
      const ok = await post(story(1), { name: 'Ed', body: `point ${i}` }, 'limited')
      assert.equal(ok.statusCode, 201)
    }
    const limited = await post(story(1), { name: 'Ed', body: 'point 6' }, 'limited')
    assert.equal(limited.statusCode, 429)
    assert.equal(codeOf(limited), 'COMMENT_RATE_LIMITED')
    assert.equal(limited.headers['retry-after'], '60')
    const first = await post(story(1), { name: 'Fay', body: 'Said once' }, 'repeater')
    assert.equal(first.statusCode, 201)
    const again = await post(story(1), { name: 'Fay', body: '  Said once ' }, 'repeater')
    assert.equal(again.statusCode, 409)
    assert.equal(codeOf(again), 'COMMENT_DUPLICATE')
  })

  test('threads page past 50, newest or oldest first, with replies nested', async () => {
    const { comments } = testApp.app.services
    const target = story(4)
    const ids: number[] = []
    for (let i = 0; i < 120; i++) {
      const c = await comments.post({
        articleId: target.id,
        authorName: `R${i}`,
        body: `comment ${i}`,
        createdAt: new Date(TEST_NOW.getTime() - (200 - i) * 60_000),
      })
      ids.push(c.id)
    }
    const reply = await post(target, { name: 'Gus', body: 'a reply', parentId: ids[119] }, 'rep')
    assert.equal(reply.statusCode, 201)
    const newest = await testApp.app.web.inject({ url: url(target) })
    const page1 = newest.json<{
      comments: ApiComment[]
      totalPages: number
      totalThreads: number
    }>()
    assert.equal(page1.comments.length, 50)
    assert.equal(page1.totalThreads, 120)
    assert.equal(page1.totalPages, 3)
    assert.equal(page1.comments[0]?.id, ids[119])
    assert.equal(page1.comments[0]?.replies?.[0]?.body, 'a reply')
    const oldest = await testApp.app.web.inject({ url: `${url(target)}?order=oldest&page=3` })
    const page3 = oldest.json<{ comments: ApiComment[] }>()
    assert.equal(page3.comments.length, 20)
    assert.equal(page3.comments.at(-1)?.id, ids[119])
    assert.equal(page3.comments[0]?.id, ids[100])
  })

  test('the API takes JSON only (415) and refuses another site’s browser (403)', async () => {
    const s = story(3)
    const send = (payload: string, headers: Record<string, string>) =>
      testApp.app.web.inject({ method: 'POST', url: url(s), payload, headers })
    const formEncoded = await send('name=Eve&body=hello', {
      'content-type': 'application/x-www-form-urlencoded',
      'user-agent': 'eve',
    })
    assert.equal(formEncoded.statusCode, 415)
    assert.equal(codeOf(formEncoded), 'UNSUPPORTED_MEDIA_TYPE')
    for (const type of ['text/plain', 'multipart/form-data; boundary=x']) {
      const response = await send('{"name":"Eve","body":"hello"}', {
        'content-type': type,
        'user-agent': 'eve',
      })
      assert.equal(response.statusCode, 415, type)
    }
    const json = JSON.stringify({ name: 'Eve', body: 'cross-site hello' })
    const foreign: Record<string, string>[] = [
      { origin: 'https://evil.example' },
      { origin: 'null' },
      { 'sec-fetch-site': 'cross-site' },
    ]
    for (const headers of foreign) {
      const response = await send(json, {
        'content-type': 'application/json',
        'user-agent': 'eve',
        ...headers,
      })
      assert.equal(response.statusCode, 403, JSON.stringify(headers))
      assert.equal(codeOf(response), 'CROSS_SITE_REQUEST')
    }
    const sameOrigin = await send(json, {
      'content-type': 'application/json; charset=utf-8',
      'user-agent': 'eve',
      origin: 'http://127.0.0.1:3000',
      'sec-fetch-site': 'same-origin',
    })
    assert.equal(sameOrigin.statusCode, 201)
  })

  test('one address posting under 20 User-Agents gets no more than its limit', async () => {
    const limited = await buildTestApp({ articles: 2 })
    try {
      const { items } = await limited.app.services.newsroom.listArticles({}, 1, 1)
      const slug = items[0]?.slug ?? ''
      const statuses: number[] = []
      for (let i = 0; i < 20; i++) {
        const response = await limited.app.web.inject({
          method: 'POST',
          url: `/api/v1/articles/${slug}/comments`,
          payload: { name: 'Flood', body: `flood ${i}` },
          headers: { 'user-agent': `Mozilla/5.0 flood-${i}` },
          remoteAddress: '203.0.113.77',
        })
        statuses.push(response.statusCode)
      }
      // MASTHEAD_COMMENTS_ADDRESS_RATE_PER_MINUTE defaults to 10.
      assert.equal(statuses.filter((s) => s === 201).length, 10)
      assert.equal(statuses.filter((s) => s === 429).length, 10)
    } finally {
      await limited.dispose()
    }
  })

  test('a renamed story takes comments at its former slug too', async () => {
    const target = story(5)
    const { newsroom } = testApp.app.services
    const renamed = await newsroom.updateArticle(target.id, { slug: `${target.slug}-renamed` })
    const response = await post(target, { name: 'Ivo', body: 'Still here' }, 'renamed')
    assert.equal(response.statusCode, 201)
    const listed = await testApp.app.web.inject({ url: url(renamed) })
    const ids = listed.json<{ comments: ApiComment[] }>().comments.map((c) => c.id)
    assert.ok(ids.includes(response.json<{ comment: ApiComment }>().comment.id))
  })
})

/** Posting the comment form on the real app: 303 on success, the form again with its errors on 400. */

import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { all, headingNamed, htmlProblems, one, textOf } from '../../helpers/html.js'
import { type SiteApp, startSiteApp } from './site-app.js'

const FORM = { 'content-type': 'application/x-www-form-urlencoded' }

function form(fields: Record<string, string>): string {
  return new URLSearchParams(fields).toString()
}

describe('comment form', () => {
  let site: SiteApp
  const post = (payload: string, path = `${site.articlePath}/comments`) =>
    site.request({ method: 'POST', url: path, payload, headers: FORM })

  before(async () => {
    site = await startSiteApp()
  })
  after(() => site.close())

  test('a good comment answers 303 to the story and then shows there, counted', async () => {
    const before = await site.testApp.app.services.comments.countVisible(site.article.id)
    await site.get(site.articlePath) // warm the page cache: the post must purge it
    const body = 'Clear reporting.\nThank you for the harbour maps!'
    const response = await post(form({ name: 'Ada Reader', email: '', body, website: '' }))
    assert.equal(response.status, 303)
    const location = String(response.headers.location)
    const match = /^(.+)#comment-(\d+)$/.exec(location)
    assert.ok(match, location)
    assert.equal(match[1], site.articlePath)

    const page = await site.get(site.articlePath)
    const item = one(page.doc, `#comment-${match[2]}`)
    assert.equal(textOf(one(item, '.comment-author')), 'Ada Reader')
    assert.equal(one(item, '.comment-body').textContent, body)
    assert.ok(one(item, 'time').getAttribute('datetime'))
    assert.ok(headingNamed(page.doc, `Comments ${before + 1}`))
  })

  test('301 characters answer 400 with the text kept and the error next to the field', async () => {
    const body = 'é'.repeat(301)
    const response = await post(form({ name: 'Ada', email: 'ada@example.org', body, website: '' }))
    assert.equal(response.status, 400)
    assert.notEqual(response.headers['cache-control'], 'public, max-age=60')
    assert.deepEqual(await htmlProblems(response.html), [])
    const { doc } = response
    const textarea = one(doc, 'textarea[name="body"]')
    assert.equal(textarea.textContent, body)
    assert.equal(textarea.getAttribute('aria-invalid'), 'true')
    const errorId = (textarea.getAttribute('aria-describedby') ?? '')
      .split(' ')
      .find((id) => id.endsWith('-error'))
    assert.ok(errorId, 'the textarea is described by its error')
    assert.match(textOf(doc.getElementById(errorId)), /300/)
    const summary = one(doc, '[role="alert"]')
    assert.equal(one(summary, 'a').getAttribute('href'), `#${textarea.id}`)
    assert.equal(one(doc, 'input[name="name"]').getAttribute('value'), 'Ada')
    assert.equal(one(doc, 'input[name="email"]').getAttribute('value'), 'ada@example.org')
    assert.equal(textOf(one(doc, '[data-grapheme-counter]')), '301/300')
    assert.equal(all(doc, 'h1').length, 1)
  })

  test('each invalid field is flagged on its own input', async () => {
    const cases: [Record<string, string>, string][] = [
      [{ name: '', body: 'Hello' }, 'name'],
      [{ name: 'N'.repeat(51), body: 'Hello' }, 'name'],
      [{ name: 'Ada', email: 'not-an-address', body: 'Hello' }, 'email'],
      [{ name: 'Ada', body: '   ' }, 'body'],
      [{ name: 'Ada', body: 'bell \u0007 here' }, 'body'],
    ]
    for (const [fields, invalid] of cases) {
      const response = await post(form(fields))
      assert.equal(response.status, 400, JSON.stringify(fields))
      const input = one(response.doc, `[name="${invalid}"]`)
      assert.equal(input.getAttribute('aria-invalid'), 'true', JSON.stringify(fields))
    }
  })

  test('a filled honeypot is answered like a success but stores nothing', async () => {
    const before = await site.testApp.app.services.comments.countVisible(site.article.id)
    const response = await post(
      form({ name: 'Bot', body: 'Buy now', website: 'http://spam.example' }),
    )
    assert.equal(response.status, 303)
    assert.equal(await site.testApp.app.services.comments.countVisible(site.article.id), before)
  })

  test('posting to an unknown story answers the 404 page; a malformed form a clear 4xx', async () => {
    const section = site.article.section.slug
    const missing = await post(
      form({ name: 'Ada', body: 'Hi' }),
      `/${section}/no-such-story/comments`,
    )
    assert.equal(missing.status, 404)
    const unknownField = await post(form({ name: 'Ada', body: 'Hi', admin: '1' }))
    assert.equal(unknownField.status, 400)
    const badParent = await post(form({ name: 'Ada', body: 'Hi', parent_id: 'x' }))
    assert.equal(badParent.status, 400)
    const noParent = await post(form({ name: 'Ada', body: 'Hi', parent_id: '999999' }))
    assert.equal(noParent.status, 400)
    const multipart = await site.request({
      method: 'POST',
      url: `${site.articlePath}/comments`,
      payload: '--x\r\n\r\n--x--',
      headers: { 'content-type': 'multipart/form-data; boundary=x' },
    })
    assert.ok(multipart.status >= 400 && multipart.status < 500, String(multipart.status))
    const huge = await post(form({ name: 'Ada', body: 'x'.repeat(200_000) }))
    assert.ok(huge.status >= 400 && huge.status < 500, String(huge.status))
  })
})

/** Posting the comment form on the real app: 303 on success, the form again with its errors on 4xx. */

import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { all, headingNamed, htmlProblems, one, textOf } from '../../helpers/html.js'
import { type Fetched, type SiteApp, startSiteApp } from './site-app.js'

const FORM = 'application/x-www-form-urlencoded'

function form(fields: Record<string, string>): string {
  return new URLSearchParams(fields).toString()
}

describe('comment form', () => {
  let site: SiteApp
  let stamp: string
  /** Posts the form as the reader `ua` (each test its own reader, so rate limits stay apart). */
  const post = (
    fields: Record<string, string>,
    ua: string,
    path = `${site.articlePath}/comments`,
  ) =>
    site.request({
      method: 'POST',
      url: path,
      payload: form({ stamp, ...fields }),
      headers: { 'content-type': FORM, 'user-agent': ua },
    })
  const report = (id: number, ua: string, remoteAddress: string, withStamp = true) =>
    site.request({
      method: 'POST',
      url: `${site.articlePath}/comments/${id}/report`,
      payload: withStamp ? form({ stamp }) : '',
      headers: { 'content-type': FORM, 'user-agent': ua },
      remoteAddress,
    })
  const idFrom = (response: Fetched): number => {
    const match = /#comment-(\d+)$/.exec(String(response.headers.location))
    assert.ok(match, String(response.headers.location))
    return Number(match[1])
  }

  before(async () => {
    // The test clock stands still, so the time-to-submit check is off here (tested in the domain),
    // and every post comes from 127.0.0.1: the per-address limits are tested in the domain and
    // in 'per-address limits' below.
    site = await startSiteApp({
      MASTHEAD_COMMENTS_MIN_SUBMIT_SECONDS: '0',
      MASTHEAD_COMMENTS_ADDRESS_RATE_PER_MINUTE: '0',
      MASTHEAD_COMMENTS_ADDRESS_RATE_PER_DAY: '0',
    })
    const page = await site.get(site.articlePath)
    stamp = one(page.doc, 'input[name="stamp"]').getAttribute('value') ?? ''
  })
  after(() => site.close())

  test('a good comment answers 303 to the story and then shows there, counted', async () => {
    const before = await site.testApp.app.services.comments.countVisible(site.article.id)
    await site.get(site.articlePath) // warm the page cache: the post must purge it
    const body = 'Clear reporting.\nThank you for the harbour maps!'
    const response = await post({ name: 'Ada Reader', email: '', body, website: '' }, 'good')
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
    const response = await post(
      { name: 'Ada', email: 'ada@example.org', body, website: '' },
      'long',
    )
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

  test('300 characters counted as graphemes (flags, families) are accepted', async () => {
    const body = `${'🇳🇴'.repeat(100)}${'👨‍👩‍👧'.repeat(100)}${'e\u0301'.repeat(100)}`
    const response = await post({ name: 'Ada', body }, 'graphemes')
    assert.equal(response.status, 303)
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
      const response = await post(fields, 'invalid')
      assert.equal(response.status, 400, JSON.stringify(fields))
      const input = one(response.doc, `[name="${invalid}"]`)
      assert.equal(input.getAttribute('aria-invalid'), 'true', JSON.stringify(fields))
    }
  })

  test('a form without a valid stamp is shown again with the text kept', async () => {
    for (const bad of ['', '123.forged', `${Date.now()}.${'A'.repeat(43)}`]) {
      const response = await site.request({
        method: 'POST',
        url: `${site.articlePath}/comments`,
        payload: form({ name: 'Ada', body: 'Kept text', stamp: bad }),
        headers: { 'content-type': FORM, 'user-agent': 'stamp' },
      })
      assert.equal(response.status, 400)
      assert.equal(one(response.doc, 'textarea[name="body"]').textContent, 'Kept text')
      assert.ok(textOf(one(response.doc, '[role="alert"]')).includes('expired'))
    }
  })

  test('a filled honeypot is answered like a success but stores nothing', async () => {
    const before = await site.testApp.app.services.comments.countVisible(site.article.id)
    const response = await post(
      { name: 'Bot', body: 'Buy now', website: 'http://spam.example' },
      'honeypot',
    )
    assert.equal(response.status, 303)
    assert.equal(await site.testApp.app.services.comments.countVisible(site.article.id), before)
  })

  test('a comment with a link is held: the reader is told, the page does not show it', async () => {
    const body = 'Cheap watches at www.example.shop today'
    const response = await post({ name: 'Linker', body }, 'link')
    assert.equal(response.status, 303)
    const location = String(response.headers.location)
    assert.equal(location, `${site.articlePath}?notice=held&because=link#comments-title`)
    const page = await site.get(location.replace(/#.*$/, ''))
    assert.equal(page.status, 200)
    assert.match(
      textOf(one(page.doc, '[role="status"]')),
      /waiting for review\. It contains a link/,
    )
    assert.ok(!page.html.includes('Cheap watches'))
    assert.deepEqual(await htmlProblems(page.html), [])
  })

  test('readers’ markup is shown as text, never as HTML', async () => {
    const body = '<script>alert(1)</script><img src=x onerror=alert(2)><b>bold</b>'
    const response = await post({ name: '<i>Eve</i>', body }, 'xss')
    assert.equal(response.status, 303)
    const page = await site.get(site.articlePath)
    const item = one(page.doc, `#comment-${idFrom(response)}`)
    assert.equal(one(item, '.comment-body').textContent, body)
    assert.equal(textOf(one(item, '.comment-author')), '<i>Eve</i>')
    assert.equal(all(item, 'script, img, b, i').length, 0)
    assert.deepEqual(await htmlProblems(page.html), [])
  })

  test('a reply form opens with ?reply=ID, works without JavaScript and nests the reply', async () => {
    const top = await post({ name: 'Top', body: 'A question for the desk?' }, 'reply-top')
    const topId = idFrom(top)
    const page = await site.get(`${site.articlePath}?reply=${topId}`)
    assert.equal(page.status, 200)
    const formEl = one(page.doc, '#comment-form')
    assert.equal(one(formEl, 'input[name="parent_id"]').getAttribute('value'), String(topId))
    assert.match(textOf(one(formEl, '.comment-replying')), /Replying to Top/)
    assert.deepEqual(await htmlProblems(page.html), [])
    const reply = await post(
      { name: 'Desk', body: 'Here is the answer.', parent_id: String(topId) },
      'reply',
    )
    assert.equal(reply.status, 303)
    const after = await site.get(site.articlePath)
    const nested = one(after.doc, `#comment-${topId} .comment-replies #comment-${idFrom(reply)}`)
    assert.equal(textOf(one(nested, '.comment-body')), 'Here is the answer.')
    // Replies go one level deep: a reply has no reply link, and replying to it is refused.
    assert.equal(all(nested, '.comment-reply').length, 0)
    const deeper = await post(
      { name: 'Deep', body: 'Too deep', parent_id: String(idFrom(reply)) },
      'reply-deep',
    )
    assert.equal(deeper.status, 400)
  })

  test('identical repeats are refused with 409 and the form', async () => {
    const first = await post({ name: 'Rep', body: 'Same words twice' }, 'repeat')
    assert.equal(first.status, 303)
    const again = await post({ name: 'Rep', body: 'Same words twice' }, 'repeat')
    assert.equal(again.status, 409)
    assert.equal(one(again.doc, 'textarea[name="body"]').textContent, 'Same words twice')
  })

  test('the sixth comment in a minute answers 429 with Retry-After, the text kept', async () => {
    for (let i = 1; i <= 5; i++) {
      const ok = await post({ name: 'Busy', body: `Thought number ${i}` }, 'busy')
      assert.equal(ok.status, 303, `comment ${i}`)
    }
    const limited = await post({ name: 'Busy', body: 'One more thought' }, 'busy')
    assert.equal(limited.status, 429)
    assert.ok(Number(limited.headers['retry-after']) >= 1)
    assert.equal(one(limited.doc, 'textarea[name="body"]').textContent, 'One more thought')
    assert.deepEqual(await htmlProblems(limited.html), [])
  })

  test('three reports from distinct addresses hide a comment; one address counts once', async () => {
    const posted = await post({ name: 'Rude', body: 'Something unkind' }, 'reported')
    const id = idFrom(posted)
    await site.get(site.articlePath)
    const first = await report(id, 'reporter-1', '192.0.2.1')
    assert.equal(first.status, 303)
    assert.equal(
      String(first.headers.location),
      `${site.articlePath}?notice=reported#comments-title`,
    )
    // The same address with other User-Agents adds nothing.
    for (const ua of ['reporter-1', 'A', 'B', 'C']) {
      assert.equal((await report(id, ua, '192.0.2.1')).status, 303)
    }
    // A report without the page's stamp is refused.
    const unstamped = await report(id, 'reporter-9', '192.0.2.9', false)
    assert.equal(unstamped.status, 400)
    assert.equal((await report(id, 'reporter-2', '192.0.2.2')).status, 303)
    assert.ok((await site.get(site.articlePath)).doc.getElementById(`comment-${id}`))
    assert.equal((await report(id, 'reporter-3', '192.0.2.3')).status, 303)
    const page = await site.get(site.articlePath)
    assert.equal(page.doc.getElementById(`comment-${id}`), null)
    const notice = await site.get(`${site.articlePath}?notice=reported`)
    assert.match(textOf(one(notice.doc, '[role="status"]')), /report/)
    assert.equal((await report(id, 'reporter-4', '192.0.2.4')).status, 404)
    const queue = await site.testApp.app.services.comments.moderation.queue({ filter: 'reported' })
    assert.ok(queue.items.some((c) => c.id === id && c.holdReason === 'reported'))
  })

  test('a story with comments closed shows a notice instead of the form and refuses posts', async () => {
    const { comments } = site.testApp.app.services
    await site.get(site.articlePath)
    await comments.moderation.setArticleMode(site.article.id, 'closed', 'test')
    const page = await site.get(site.articlePath)
    assert.equal(page.doc.getElementById('comment-form'), null)
    assert.match(textOf(one(page.doc, '.comments-closed')), /closed/)
    assert.deepEqual(await htmlProblems(page.html), [])
    const refused = await post({ name: 'Late', body: 'Too late' }, 'closed')
    assert.equal(refused.status, 403)
    await comments.moderation.setArticleMode(site.article.id, null, 'test')
    assert.ok((await site.get(site.articlePath)).doc.getElementById('comment-form'))
  })

  test('posting to an unknown story answers the 404 page; a malformed form a clear 4xx', async () => {
    const section = site.article.section.slug
    const missing = await post(
      { name: 'Ada', body: 'Hi' },
      'bad',
      `/${section}/no-such-story/comments`,
    )
    assert.equal(missing.status, 404)
    const unknownField = await post({ name: 'Ada', body: 'Hi', admin: '1' }, 'bad')
    assert.equal(unknownField.status, 400)
    const badParent = await post({ name: 'Ada', body: 'Hi', parent_id: 'x' }, 'bad')
    assert.equal(badParent.status, 400)
    const noParent = await post({ name: 'Ada', body: 'Hi', parent_id: '999999' }, 'bad')
    assert.equal(noParent.status, 400)
    // Ids beyond the integer column's range are refused before any query (PostgreSQL would fail).
    for (const parent of ['2147483648', '99999999999', '0', '-1', '1.5']) {
      const outOfRange = await post({ name: 'Ada', body: 'Hi', parent_id: parent }, 'bad')
      assert.equal(outOfRange.status, 400, parent)
    }
    const hugeReportId = await site.request({
      method: 'POST',
      url: `${site.articlePath}/comments/2147483648/report`,
    })
    assert.equal(hugeReportId.status, 400)
    const multipart = await site.request({
      method: 'POST',
      url: `${site.articlePath}/comments`,
      payload: '--x\r\n\r\n--x--',
      headers: { 'content-type': 'multipart/form-data; boundary=x' },
    })
    assert.ok(multipart.status >= 400 && multipart.status < 500, String(multipart.status))
    const huge = await post({ name: 'Ada', body: 'x'.repeat(200_000) }, 'bad')
    assert.ok(huge.status >= 400 && huge.status < 500, String(huge.status))
    for (const query of [
      '?order=sideways',
      '?cpage=0',
      '?reply=abc',
      '?reply=2147483648',
      '?notice=pwned',
    ]) {
      const response = await site.get(`${site.articlePath}${query}`)
      assert.equal(response.status, 400, query)
    }
    assert.equal((await report(999_999, 'bad', '192.0.2.99')).status, 404)
    // Past the integer column: a clear 400 on both databases (PostgreSQL answered 500).
    const bigParent = await post({ name: 'Ada', body: 'Hi', parent_id: '2147483648' }, 'big')
    assert.equal(bigParent.status, 400)
    const badId = await site.request({
      method: 'POST',
      url: `${site.articlePath}/comments/abc/report`,
      payload: '',
      headers: { 'content-type': FORM },
    })
    assert.equal(badId.status, 400)
  })

  test('a form or report another site’s page sends is refused with 403', async () => {
    const foreign: Record<string, string>[] = [
      { origin: 'https://evil.example' },
      { 'sec-fetch-site': 'cross-site' },
    ]
    for (const headers of foreign) {
      const response = await site.request({
        method: 'POST',
        url: `${site.articlePath}/comments`,
        payload: form({ stamp, name: 'Eve', body: 'From elsewhere' }),
        headers: { 'content-type': FORM, 'user-agent': 'eve', ...headers },
      })
      assert.equal(response.status, 403, JSON.stringify(headers))
    }
    const own = 'http://127.0.0.1:3000'
    const same = await post({ name: 'Sam', body: 'From here' }, 'same-origin', undefined)
    assert.equal(same.status, 303)
    const withOrigin = await site.request({
      method: 'POST',
      url: `${site.articlePath}/comments`,
      payload: form({ stamp, name: 'Sam', body: 'From here, said so' }),
      headers: { 'content-type': FORM, 'user-agent': 'same-origin-2', origin: own },
    })
    assert.equal(withOrigin.status, 303)
  })
})

describe('a held comment’s author is told why', () => {
  let site: SiteApp
  let stamp: string
  const post = (fields: Record<string, string>, ua: string) =>
    site.request({
      method: 'POST',
      url: `${site.articlePath}/comments`,
      payload: form({ stamp, ...fields }),
      headers: { 'content-type': FORM, 'user-agent': ua },
    })
  /** Posts, follows the redirect and returns the notice's text. */
  const noticeAfter = async (fields: Record<string, string>, ua: string) => {
    const response = await post(fields, ua)
    assert.equal(response.status, 303)
    const location = String(response.headers.location)
    const page = await site.get(location.replace(/#.*$/, ''))
    assert.equal(page.status, 200)
    assert.deepEqual(await htmlProblems(page.html), [])
    return { location, text: textOf(one(page.doc, '[role="status"]')), html: page.html }
  }

  before(async () => {
    site = await startSiteApp({
      MASTHEAD_COMMENTS_MIN_SUBMIT_SECONDS: '0',
      MASTHEAD_COMMENTS_ADDRESS_RATE_PER_MINUTE: '0',
      MASTHEAD_COMMENTS_ADDRESS_RATE_PER_DAY: '0',
      MASTHEAD_COMMENTS_HOLD_FIRST: 'true',
      MASTHEAD_COMMENTS_BANNED_WORDS: 'grumbleweed',
    })
    const page = await site.get(site.articlePath)
    stamp = one(page.doc, 'input[name="stamp"]').getAttribute('value') ?? ''
  })
  after(() => site.close())

  test('a first comment is held and its author learns that later ones appear at once', async () => {
    const first = await noticeAfter({ name: 'Nova', body: 'First time here.' }, 'nova')
    assert.match(first.location, /[?&]because=first_comment#/)
    assert.match(first.text, /your first comment here/)
    const [held] = (
      await site.testApp.app.services.comments.moderation.queue({
        filter: 'held',
        articleId: site.article.id,
      })
    ).items
    assert.ok(held)
    await site.testApp.app.services.comments.moderation.approve(held.id, 'cli')
    const second = await post({ name: 'Nova', body: 'And again, now approved.' }, 'nova')
    assert.match(String(second.headers.location), /#comment-\d+$/)
  })

  test('a listed word is named as a reason, never the word itself', async () => {
    const held = await noticeAfter({ name: 'Lex', body: 'What a GRUMBLEWEED of a plan.' }, 'lex')
    assert.match(held.location, /[?&]because=listed_word#/)
    assert.match(held.text, /a word our moderators check/)
    assert.ok(!held.html.toLowerCase().includes('grumbleweed'))
  })

  test('a banned reader is told only that the comment waits', async () => {
    const seen = await post({ name: 'Bo', body: 'Hello there.' }, 'bo')
    assert.equal(seen.status, 303)
    const [mine] = (
      await site.testApp.app.services.comments.moderation.queue({
        filter: 'held',
        articleId: site.article.id,
      })
    ).items.filter((c) => c.authorName === 'Bo')
    assert.ok(mine)
    await site.testApp.app.services.comments.moderation.banReader(
      { commentId: mine.id },
      'cli',
      'test',
    )
    const banned = await noticeAfter({ name: 'Bo', body: 'Still here.' }, 'bo')
    assert.match(banned.location, /\?notice=held#/)
    assert.equal(
      banned.text,
      'Thanks — your comment is waiting for review. It will appear once a moderator approves it.',
    )
  })

  test('an unknown reason in the address is a clear 400, not a guess', async () => {
    const response = await site.get(`${site.articlePath}?notice=held&because=secret_list`)
    assert.equal(response.status, 400)
  })
})

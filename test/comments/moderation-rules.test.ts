/** The pure moderation rules: banned words, links, and the status a new comment starts with. */

import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import {
  containsLink,
  createBannedWordMatcher,
  initialStatus,
} from '../../src/comments/moderation-rules.js'

describe('moderation rules', () => {
  test('banned words match whole words and phrases, ignoring case and accents', () => {
    const banned = createBannedWordMatcher(['idiot', 'Crétin', 'rotten apple', ' '])
    for (const text of ['You IDIOT!', 'quel cretin', 'CRÉTIN.', 'a rotten\napple indeed'])
      assert.equal(banned(text), true, text)
    for (const text of ['idiotic plans', 'rotten apples', 'apple rotten', 'kind words'])
      assert.equal(banned(text), false, text)
    assert.equal(createBannedWordMatcher([])('idiot'), false)
  })

  test('links are spotted by scheme, www. or a domain; abbreviations and numbers are not', () => {
    for (const text of [
      'see https://example.org',
      'ftp://files.example',
      'www.example.com',
      'go to spam-shop.com now',
      'example.co.uk/path',
      'visit example.com.',
      'SPAM.COM/now',
      'spam\u200B.com',
      'spam\uFF0Ecom',
      '\uFF53\uFF50\uFF41\uFF4D\uFF0E\uFF43\uFF4F\uFF4D',
      'spam\u3002com/x',
      'spam\u2060.\u200Dcom',
    ])
      assert.equal(containsLink(text), true, text)
    for (const text of ['e.g. this', 'i.e. that', 'version 3.5', 'end.Start', 'Mr. Smith'])
      assert.equal(containsLink(text), false, text)
  })

  test('a banned reader goes to spam; words, links, premoderation and first comments are held', () => {
    const base = {
      mode: 'open' as const,
      bannedWord: false,
      link: false,
      firstComment: false,
      readerBanned: false,
    }
    assert.deepEqual(initialStatus(base), { status: 'published', holdReason: null })
    assert.deepEqual(initialStatus({ ...base, readerBanned: true, bannedWord: true }), {
      status: 'spam',
      holdReason: 'banned_reader',
    })
    assert.equal(initialStatus({ ...base, bannedWord: true }).holdReason, 'banned_word')
    assert.equal(initialStatus({ ...base, link: true }).holdReason, 'link')
    assert.equal(initialStatus({ ...base, mode: 'premoderated' }).holdReason, 'premoderation')
    assert.equal(initialStatus({ ...base, firstComment: true }).holdReason, 'first_comment')
  })
})

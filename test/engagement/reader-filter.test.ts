/** Which requests are a person reading: bots, link previews, prefetches and HEAD are not. */

import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { readerVerdict, type ViewRequest } from '../../src/engagement/reader-filter.js'

const BROWSER =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36'

const request = (headers: ViewRequest['headers'], method = 'GET'): ViewRequest => ({
  method,
  address: '203.0.113.9',
  headers,
})

describe('readerVerdict', () => {
  test('a browser GET is a reader, and so is a beacon POST', () => {
    assert.equal(readerVerdict(request({ 'user-agent': BROWSER })), 'reader')
    assert.equal(readerVerdict(request({ 'user-agent': BROWSER }, 'POST')), 'reader')
    const iphone =
      'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1'
    assert.equal(readerVerdict(request({ 'user-agent': iphone })), 'reader')
    const linkedInApp = `${BROWSER} [LinkedInApp]`
    assert.equal(readerVerdict(request({ 'user-agent': linkedInApp })), 'reader')
  })

  test('HEAD never counts', () => {
    assert.equal(readerVerdict(request({ 'user-agent': BROWSER }, 'HEAD')), 'head')
  })

  test('a request without a user agent does not count', () => {
    assert.equal(readerVerdict(request({})), 'no-agent')
    assert.equal(readerVerdict(request({ 'user-agent': 'x' })), 'no-agent')
  })

  const bots = [
    'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)',
    'Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)',
    'Mozilla/5.0 AppleWebKit/537.36 (KHTML, like Gecko; compatible; GPTBot/1.2; +https://openai.com/gptbot)',
    'Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)',
    'Mozilla/5.0 (compatible; Discordbot/2.0; +https://discordapp.com)',
    'WhatsApp/2.23.20.0',
    'TelegramBot (like TwitterBot)',
    'facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)',
    'Twitterbot/1.0',
    'LinkedInBot/1.0 (compatible; Mozilla/5.0; Apache-HttpClient +http://www.linkedin.com)',
    'Mozilla/5.0 (Windows NT 6.1; WOW64) SkypeUriPreview Preview/0.5',
    'Mozilla/5.0 (compatible; Bluesky Cardyb/1.1; +mailto:support@bsky.app)',
    'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/131.0.0.0 Safari/537.36',
    'curl/8.5.0',
    'python-requests/2.32.3',
    'Wget/1.21.4',
    'Go-http-client/1.1',
    'Mozilla/5.0 (compatible; AhrefsBot/7.0; +http://ahrefs.com/robot/)',
  ]
  for (const agent of bots) {
    test(`"${agent.slice(0, 40)}…" is not a reader`, () => {
      assert.equal(readerVerdict(request({ 'user-agent': agent })), 'bot')
    })
  }

  const prefetches: ViewRequest['headers'][] = [
    { 'sec-purpose': 'prefetch' },
    { 'sec-purpose': 'prefetch;prerender' },
    { 'sec-purpose': 'prefetch;anonymous-client-ip' },
    { purpose: 'prefetch' },
    { 'x-purpose': 'preview' },
    { 'x-moz': 'prefetch' },
  ]
  for (const hints of prefetches) {
    test(`${JSON.stringify(hints)} is a prefetch, not a view`, () => {
      assert.equal(readerVerdict(request({ 'user-agent': BROWSER, ...hints })), 'prefetch')
    })
  }
})

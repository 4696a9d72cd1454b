/** The search page on the real app: the masthead box, results, count, paging, empty state, odd input. */

import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { all, htmlProblems, one, textOf } from '../../helpers/html.js'
import { type SiteApp, startSiteApp } from './site-app.js'

describe('search page', () => {
  let site: SiteApp

  before(async () => {
    site = await startSiteApp()
    const { newsroom } = site.testApp.app.services
    const [section] = await newsroom.listSections()
    assert.ok(section)
    for (let i = 0; i < 12; i++) {
      await newsroom.createArticle({
        headline: `Zeppelin sighting number ${i + 1}`,
        bodyMarkdown: `A <b>zeppelin</b> & its crew were seen over the bay (${i + 1}).`,
        sectionId: section.id,
        authorIds: [site.article.authors[0]?.id ?? 0],
        status: 'published',
        publishedAt: new Date('2026-11-10T08:00:00Z'),
      })
    }
  })
  after(() => site.close())

  test('every page has a labelled search form in the masthead that works without JavaScript', async () => {
    const page = await site.get('/')
    const form = one(page.doc, 'header.masthead form[role="search"]')
    assert.equal(form.getAttribute('action'), '/search')
    assert.equal(form.getAttribute('method'), 'get')
    const input = one(form, 'input[name="q"]')
    const label = one(form, `label[for="${input.getAttribute('id') ?? ''}"]`)
    assert.equal(textOf(label), 'Search stories')
  })

  test('results: one h1, the count, marked headlines and snippets, the query echoed, no caching', async () => {
    const page = await site.get('/search?q=zeppelin')
    assert.equal(page.status, 200)
    assert.deepEqual(await htmlProblems(page.html), [])
    assert.equal(all(page.doc, 'h1').length, 1)
    assert.match(String(page.headers['cache-control']), /private|no-store/)
    assert.equal(page.headers['x-robots-tag'], 'noindex')
    assert.equal(one(page.doc, 'meta[name="robots"]').getAttribute('content'), 'noindex')
    assert.equal(
      textOf(one(page.doc, '.search-status[role="status"]')),
      '12 results for “zeppelin” · page 1 of 2',
    )
    assert.equal(one(page.doc, '#search-q').getAttribute('value'), 'zeppelin')
    const results = all(page.doc, '.search-results > li')
    assert.equal(results.length, 10)
    const first = results[0]
    assert.ok(first)
    assert.deepEqual(all(first, 'h3 mark').map(textOf), ['Zeppelin'])
    // Stored text is shown as text: the tags the author typed stay visible characters, never markup.
    assert.deepEqual(all(first, '.search-result-snippet mark').map(textOf), ['zeppelin'])
    assert.equal(all(first, '.search-result-snippet b').length, 0)
    assert.match(textOf(one(first, '.search-result-snippet')), /A <b>zeppelin<\/b> & its crew/)
    const next = one(page.doc, 'nav[aria-label="Pagination"] a[rel="next"]')
    assert.equal(next.getAttribute('href'), '/search?q=zeppelin&page=2')
    const second = await site.get('/search?q=zeppelin&page=2')
    assert.equal(all(second.doc, '.search-results > li').length, 2)
    assert.equal(one(second.doc, '.search-results').getAttribute('start'), '11')
  })

  test('filters come from the form and stay in the paging links', async () => {
    const { newsroom } = site.testApp.app.services
    const [section] = await newsroom.listSections()
    assert.ok(section)
    const page = await site.get(
      `/search?q=zeppelin&section=${section.slug}&from=2026-11-10&to=2026-11-10`,
    )
    assert.equal(page.status, 200)
    assert.match(textOf(one(page.doc, '.search-status')), /^12 results/)
    assert.equal(
      one(page.doc, `#search-section option[value="${section.slug}"]`).hasAttribute('selected'),
      true,
    )
    assert.equal(
      one(page.doc, 'a[rel="next"]').getAttribute('href'),
      `/search?q=zeppelin&section=${section.slug}&from=2026-11-10&to=2026-11-10&page=2`,
    )
    const none = await site.get('/search?q=zeppelin&from=2026-11-11&to=')
    assert.match(textOf(one(none.doc, '.search-status')), /^No results/)
    assert.ok(all(none.doc, '.search-help li').length > 0)
  })

  test('a blank search and a query with nothing to search for explain themselves', async () => {
    const blank = await site.get('/search')
    assert.equal(blank.status, 200)
    assert.deepEqual(await htmlProblems(blank.html), [])
    assert.match(textOf(one(blank.doc, '[role="status"]')), /Type one or more words/)
    const odd = await site.get(`/search?q=${encodeURIComponent('NOT *')}`)
    assert.equal(odd.status, 200)
    assert.match(textOf(one(odd.doc, '[role="status"]')), /Type one or more words/)
    assert.equal(one(odd.doc, '#search-q').getAttribute('value'), 'NOT *')
  })

  test('odd input gives a page with results or a message, never a server error', async () => {
    const inputs = [
      '"zeppelin',
      'NEAR(',
      '*',
      '\u0000',
      'x'.repeat(10_000),
      '😀',
      'שלום עולם',
      '<script>alert(1)</script>',
    ]
    for (const q of inputs) {
      const page = await site.get(`/search?q=${encodeURIComponent(q)}`)
      assert.equal(page.status, 200, q.slice(0, 20))
      assert.equal(all(page.doc, 'script:not([type="application/ld+json"]):not([src])').length, 0)
    }
    const long = await site.get(`/search?q=${'x'.repeat(10_000)}`)
    assert.match(textOf(one(long.doc, '[role="status"]')), /at most 256 characters/)
    const badDate = await site.get('/search?q=zeppelin&from=yesterday')
    assert.equal(badDate.status, 400)
    const badPage = await site.get('/search?q=zeppelin&page=0')
    assert.equal(badPage.status, 400)
    const unknown = await site.get('/search?q=zeppelin&sort=new')
    assert.equal(unknown.status, 400)
  })
})

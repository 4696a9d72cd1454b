/** Malformed addresses, queries, bodies and methods get a clear 4xx from the site, never a 5xx. */

import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { all, headingNamed, htmlProblems, one, textOf } from '../../helpers/html.js'
import { type SiteApp, startSiteApp } from './site-app.js'

describe('bad input on the reader site', () => {
  let site: SiteApp

  before(async () => {
    site = await startSiteApp()
  })
  after(() => site.close())

  test('the 404 page helps: a message, the front page, the sections and the latest stories', async () => {
    const page = await site.get('/no-section-by-this-name')
    assert.equal(page.status, 404)
    assert.deepEqual(await htmlProblems(page.html), [])
    assert.equal(textOf(one(page.doc, 'h1')), "We couldn't find that page")
    assert.ok(all(page.doc, 'main a[href="/"]').length >= 1)
    const sections = await site.testApp.app.services.newsroom.listSections()
    const sectionList = one(headingNamed(page.doc, 'Sections')?.parentElement ?? page.doc, 'ul')
    assert.equal(all(sectionList, 'a').length, sections.length)
    const latest = one(headingNamed(page.doc, 'Latest stories')?.parentElement ?? page.doc, 'ul')
    assert.equal(all(latest, 'a').length, 5)
    assert.equal(one(page.doc, 'meta[name="robots"]').getAttribute('content'), 'noindex')
  })

  test('a batch of malformed requests answers 4xx (or a redirect), never 5xx', async () => {
    const { articlePath } = site
    const section = site.article.section.slug
    const form = { 'content-type': 'application/x-www-form-urlencoded' }
    const requests: {
      method?: string
      url: string
      payload?: string
      headers?: Record<string, string>
    }[] = [
      { url: '/' + 'a'.repeat(5000) },
      { url: `/${section}/${'b'.repeat(3000)}` },
      { url: '/%00' },
      { url: `/${section}/%00` },
      { url: '/%zz' },
      { url: `/${section}/%zz` },
      { url: '/../etc/passwd' },
      { url: '/..%2f..%2fetc%2fpasswd' },
      { url: `/${section}/..%2F..%2Fsecret` },
      { url: '/%E2%98%83' },
      { url: `/${section}/%F0%9F%87%B3%F0%9F%87%B4` },
      { url: '/ÅSIA' },
      { url: `/${section}?page=99999999999999999999999` },
      { url: `/${section}?page=1&page=2` },
      { url: `/${section}?page[]=1` },
      { url: `/${section}?page=%00` },
      { url: `/${section}?page=0x10` },
      { url: `/${section}?page=Infinity` },
      { url: `/${section}?page=NaN` },
      { url: '/author/%zz' },
      { url: '/author/' + 'c'.repeat(400) },
      { url: '/tag/%00?page=2' },
      { url: '/tag/x?utm_=1' },
      { url: `${articlePath}?%zz=1` },
      { url: `${articlePath}?a=${'x'.repeat(4000)}` },
      { url: `${articlePath}/extra/segments` },
      { url: '/?page=2' },
      { url: '//double//slashes' },
      { method: 'DELETE', url: articlePath },
      { method: 'PUT', url: '/' },
      { method: 'PATCH', url: `/${section}` },
      { method: 'POST', url: '/' },
      { method: 'POST', url: articlePath, payload: 'x=1', headers: form },
      { method: 'POST', url: `${articlePath}/comments` },
      { method: 'POST', url: `${articlePath}/comments`, payload: '%zz=%zz&name=%', headers: form },
      {
        method: 'POST',
        url: `${articlePath}/comments`,
        payload: 'name=a&name=b&body=hi',
        headers: form,
      },
      {
        method: 'POST',
        url: `${articlePath}/comments`,
        payload: '{"name":1}',
        headers: { 'content-type': 'application/json' },
      },
      {
        method: 'POST',
        url: `${articlePath}/comments`,
        payload: '{not json',
        headers: { 'content-type': 'application/json' },
      },
      {
        method: 'POST',
        url: `${articlePath}/comments`,
        payload: 'body=hi',
        headers: { 'content-type': 'text/plain' },
      },
      {
        method: 'POST',
        url: `${articlePath}/comments?page=1`,
        payload: 'name=a&body=hi',
        headers: form,
      },
      { method: 'POST', url: `/${section}/%00/comments`, payload: 'name=a&body=hi', headers: form },
      { method: 'GET', url: `${articlePath}/comments` },
    ]
    const failures: string[] = []
    for (const request of requests) {
      const response = await site.request({ method: request.method ?? 'GET', ...request })
      if (response.status >= 500 || response.status < 300) {
        failures.push(`${request.method ?? 'GET'} ${request.url.slice(0, 80)} → ${response.status}`)
      }
    }
    assert.deepEqual(failures, [])
  })

  test('a failure answers 500 with a generic message and the request id, never the error', async () => {
    const { newsroom } = site.testApp.app.services
    const original = newsroom.findPublishedArticle
    newsroom.findPublishedArticle = () => Promise.reject(new Error('disk on fire at /var/db'))
    try {
      const page = await site.get(`/${site.article.section.slug}/a-story-no-cache-has-seen`)
      assert.equal(page.status, 500)
      assert.deepEqual(await htmlProblems(page.html), [])
      assert.equal(page.html.includes('disk on fire'), false)
      assert.equal(textOf(one(page.doc, 'h1')), 'Something went wrong on our side')
      assert.ok(textOf(one(page.doc, '.request-id code')).length > 0)
      assert.ok(one(page.doc, 'nav[aria-label="Sections"]'))
    } finally {
      newsroom.findPublishedArticle = original
    }
  })

  test('the error page for a bad request is a full, valid layout page', async () => {
    const page = await site.get(`/${site.article.section.slug}?page=abc`)
    assert.equal(page.status, 400)
    assert.deepEqual(await htmlProblems(page.html), [])
    assert.equal(all(page.doc, 'h1').length, 1)
    assert.ok(one(page.doc, 'nav[aria-label="Sections"]'))
    assert.equal(textOf(one(page.doc, 'a.skip-link')), 'Skip to main content')
  })
})

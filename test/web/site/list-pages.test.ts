/** Front, section, author and tag pages on the real app: content, pagination and page-number errors. */

import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { all, headingNamed, htmlProblems, one, regionNamed, textOf } from '../../helpers/html.js'
import { type SiteApp, startSiteApp } from './site-app.js'

describe('front and list pages', () => {
  let site: SiteApp
  let largest: { slug: string; total: number }

  before(async () => {
    site = await startSiteApp()
    const { newsroom } = site.testApp.app.services
    // Extra stories in the story's section, so it has more than one page.
    const sections = await newsroom.listSections()
    const section = sections.find((s) => s.slug === site.article.section.slug)
    assert.ok(section)
    for (let i = 0; i < 25; i++) {
      const story = await newsroom.createArticle({
        headline: `Harbour notes, part ${i + 1}`,
        bodyMarkdown: 'A short note from the harbour.',
        sectionId: section.id,
        authorIds: [site.article.authors[0]?.id ?? 0],
      })
      await newsroom.publishArticle(story.id, new Date('2026-11-01T08:00:00Z'))
    }
    const { total } = await newsroom.listArticles({ sectionId: section.id }, 1, 20)
    largest = { slug: section.slug, total }
  })
  after(() => site.close())

  test('the front page: site name as h1, top stories, a block per section, the three rails', async () => {
    const page = await site.get('/')
    assert.equal(page.status, 200)
    assert.deepEqual(await htmlProblems(page.html), [])
    const h1 = all(page.doc, 'h1')
    assert.equal(h1.length, 1)
    assert.equal(textOf(h1[0]), 'The Harbour Ledger')
    assert.ok(all(regionNamed(page.doc, 'Top stories'), 'article').length >= 1)
    const sections = await site.testApp.app.services.newsroom.listSections()
    for (const section of sections) {
      const heading = headingNamed(page.doc, section.name)
      assert.ok(heading, `a block for ${section.name}`)
      assert.equal(one(heading, 'a').getAttribute('href'), `/${section.slug}`)
      const stories = all(regionNamed(page.doc, section.name), 'article')
      assert.ok(stories.length >= 1 && stories.length <= 5)
    }
    for (const title of ['Popular Now', 'Weekly Best Articles', 'Must-Reads']) {
      assert.ok(all(regionNamed(page.doc, title), 'li').length > 0, title)
    }
    const ld = JSON.parse(
      one(page.doc, 'script[type="application/ld+json"]').textContent ?? '',
    ) as {
      '@type': string
    }
    assert.equal(ld['@type'], 'WebSite')
    assert.equal(
      one(page.doc, 'link[rel="canonical"]').getAttribute('href'),
      'http://127.0.0.1:3000/',
    )
  })

  test('a section page lists 20 stories, numbered pagination, and page 2 differs', async () => {
    const first = await site.get(`/${largest.slug}`)
    assert.equal(first.status, 200)
    assert.deepEqual(await htmlProblems(first.html), [])
    assert.equal(textOf(one(first.doc, 'h1')), site.article.section.name)
    const stories = (doc: Document) =>
      all(doc, 'main .story-list article h2 a').map((a) => a.getAttribute('href'))
    assert.equal(stories(first.doc).length, 20)
    const nav = one(first.doc, 'nav[aria-label="Pagination"]')
    assert.equal(textOf(one(nav, '[aria-current="page"]')), 'Page 1')
    assert.equal(one(nav, 'a[rel="next"]').getAttribute('href'), `/${largest.slug}?page=2`)
    assert.equal(nav.querySelector('a[rel="prev"]'), null)

    const second = await site.get(`/${largest.slug}?page=2`)
    assert.equal(second.status, 200)
    const onSecond = stories(second.doc)
    assert.equal(onSecond.length, Math.min(20, largest.total - 20))
    for (const href of onSecond) assert.ok(!stories(first.doc).includes(href))
    const nav2 = one(second.doc, 'nav[aria-label="Pagination"]')
    assert.equal(one(nav2, 'a[rel="prev"]').getAttribute('href'), `/${largest.slug}`)
    assert.equal(
      one(second.doc, 'link[rel="canonical"]').getAttribute('href'),
      `http://127.0.0.1:3000/${largest.slug}?page=2`,
    )
  })

  test('bad page numbers answer 400 with a clear message; a page past the last answers 404', async () => {
    for (const bad of ['0', 'abc', '-1', '1.5', '', '1e3x', '99999999999999999999']) {
      const response = await site.get(`/${largest.slug}?page=${bad}`)
      assert.equal(response.status, 400, `page=${bad}`)
      assert.match(textOf(one(response.doc, 'main')), /page number must be a whole number/)
      assert.deepEqual(await htmlProblems(response.html), [])
    }
    for (const past of ['99999', '100000']) {
      assert.equal((await site.get(`/${largest.slug}?page=${past}`)).status, 404, `page=${past}`)
    }
  })

  test('an unknown query parameter answers 400 naming it; tracking parameters are accepted', async () => {
    const bad = await site.get(`/${largest.slug}?sort=oldest`)
    assert.equal(bad.status, 400)
    assert.match(textOf(one(bad.doc, 'main')), /“sort”/)
    for (const url of [
      `/?utm_source=x&utm_campaign=y`,
      `/${largest.slug}?page=2&fbclid=abc`,
      `${site.articlePath}?gclid=1&utm_medium=social`,
    ]) {
      assert.equal((await site.get(url)).status, 200, url)
    }
    assert.equal((await site.get(`${site.articlePath}?page=2`)).status, 400)
    assert.equal((await site.get('/?q=1')).status, 400)
  })

  test('an author page shows the author box and their stories', async () => {
    const author = site.article.authors[0]
    assert.ok(author)
    const page = await site.get(`/author/${author.slug}`)
    assert.equal(page.status, 200)
    assert.deepEqual(await htmlProblems(page.html), [])
    assert.match(textOf(one(page.doc, 'h1')), new RegExp(author.name))
    const box = one(page.doc, '.author-box')
    if (author.jobTitle !== '') assert.ok(textOf(box).includes(author.jobTitle))
    if (author.bio !== '') assert.ok(textOf(box).includes(author.bio))
    if (author.email !== '') assert.ok(one(box, `a[href="mailto:${author.email}"]`))
    if (author.photo !== null) assert.ok(one(box, 'picture img'))
    assert.ok(all(page.doc, 'main .story-list article').length > 0)
    assert.equal((await site.get('/author/nobody-by-this-name')).status, 404)
  })

  test('a tag page lists the stories with that tag', async () => {
    const tag = site.article.tags[0]
    assert.ok(tag)
    const page = await site.get(`/tag/${tag.slug}`)
    assert.equal(page.status, 200)
    assert.deepEqual(await htmlProblems(page.html), [])
    assert.match(textOf(one(page.doc, 'h1')), new RegExp(tag.name))
    const links = all(page.doc, 'main .story-list article h2 a').map((a) => a.getAttribute('href'))
    assert.ok(links.includes(site.articlePath))
    assert.equal((await site.get('/tag/no-such-topic')).status, 404)
    assert.equal((await site.get(`/tag/${tag.slug}?page=0`)).status, 400)
  })

  test('reserved first segments are never sections', async () => {
    for (const segment of ['author', 'tag', 'media', 'assets', 'admin', 'api']) {
      const response = await site.get(`/${segment}`)
      assert.equal(response.status, 404, segment)
    }
  })
})

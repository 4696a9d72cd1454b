/** The article page on the real app: every part 1–12 of the reference page, metadata and redirects. */

import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { all, headingNamed, htmlProblems, one, regionNamed, textOf } from '../../helpers/html.js'
import { ARTICLE_TYPES } from '../../../src/web/site/metadata/article-data.js'
import { type Fetched, type SiteApp, startSiteApp } from './site-app.js'

const SITE_URL = 'http://127.0.0.1:3000'

describe('article page', () => {
  let site: SiteApp
  let page: Fetched

  before(async () => {
    site = await startSiteApp()
    page = await site.get(site.articlePath)
  })
  after(() => site.close())

  const sectionNames = () => new Set(all(page.doc, 'nav[aria-label="Sections"] a').map(textOf))

  test('answers 200 with valid HTML and cache headers', async () => {
    assert.equal(page.status, 200)
    assert.match(String(page.headers['content-type']), /^text\/html/)
    assert.ok(page.headers['cache-control'])
    assert.deepEqual(await htmlProblems(page.html), [])
  })

  test('1. skip links at the top and "Back to front page"/"Back to top" at the bottom', () => {
    const links = all(page.doc, 'body a')
    assert.equal(textOf(links[0]), 'Skip to main content')
    assert.equal(links[0]?.getAttribute('href'), '#main')
    assert.equal(textOf(links[1]), 'Back to front page')
    assert.equal(links[1]?.getAttribute('href'), '/')
    const main = one(page.doc, 'main')
    assert.equal(main.id, 'main')
    assert.equal(main.getAttribute('tabindex'), '-1')
    const last = links.slice(-2)
    assert.deepEqual(last.map(textOf), ['Back to top', 'Back to front page'])
    assert.equal(last[1]?.getAttribute('href'), '/')
    const top = last[0]?.getAttribute('href')?.slice(1) ?? ''
    assert.ok(page.doc.getElementById(top), 'Back to top points at an element that exists')
  })

  test('2. headline, dek, linked byline, dates and the view counter', async () => {
    const { article } = site
    const h1s = all(page.doc, 'h1')
    assert.equal(h1s.length, 1)
    assert.equal(textOf(h1s[0]), article.headline)
    if (article.dek !== '') assert.equal(textOf(one(page.doc, '.story-dek')), article.dek)
    const byline = one(page.doc, '.byline')
    for (const author of article.authors) {
      const link = one(byline, `a[href="/author/${author.slug}"]`)
      assert.equal(textOf(link), author.name)
    }
    const published = one(byline, 'time')
    assert.equal(published.getAttribute('datetime'), article.publishedAt.toISOString())
    if (article.updatedAt !== null) assert.match(textOf(byline), /Updated/)
    const views = await site.testApp.app.services.engagement.viewCount(article.id)
    const expected = `${new Intl.NumberFormat('en-US').format(views)} ${views === 1 ? 'view' : 'views'}`
    assert.equal(textOf(one(byline, '.view-count')), expected)
  })

  test('3. lead photo: picture with AVIF/WebP/JPEG, sizes, dimensions, priority, caption and credit', () => {
    const photo = site.article.leadPhoto
    assert.ok(photo)
    const figure = one(page.doc, 'figure.lead-photo')
    assert.ok(one(figure, 'source[type="image/avif"]').getAttribute('srcset'))
    assert.ok(one(figure, 'source[type="image/webp"]').getAttribute('srcset'))
    const img = one(figure, 'picture img')
    assert.match(img.getAttribute('src') ?? '', /\.jpg$/)
    assert.ok(img.getAttribute('srcset'))
    assert.ok(img.getAttribute('sizes'))
    assert.ok(Number(img.getAttribute('width')) > 0)
    assert.ok(Number(img.getAttribute('height')) > 0)
    assert.equal(img.getAttribute('fetchpriority'), 'high')
    assert.equal(img.getAttribute('loading'), 'eager')
    assert.equal(img.getAttribute('alt'), photo.alt)
    const caption = textOf(one(figure, 'figcaption'))
    assert.ok(caption.includes(`Photo: ${photo.credit}`), caption)
  })

  test('4. the body is the sanitized HTML, with paragraphs and credited body photos', () => {
    const body = one(page.doc, '.story-body')
    assert.ok(all(body, 'p').length > 0)
    assert.equal(all(body, 'script, iframe, [onclick], [style]').length, 0)
    for (const figure of all(body, 'figure')) assert.match(textOf(figure), /Photo: \S/)
  })

  test('5. an author box per author with photo, job title, bio and a mailto link', () => {
    const boxes = all(
      regionNamed(
        page.doc,
        site.article.authors.length === 1 ? 'About the author' : 'About the authors',
      ),
      '.author-box',
    )
    assert.equal(boxes.length, site.article.authors.length)
    site.article.authors.forEach((author, index) => {
      const box = boxes[index] as Element
      assert.equal(textOf(one(box, `a[href="/author/${author.slug}"]`)), author.name)
      if (author.jobTitle !== '') assert.ok(textOf(box).includes(author.jobTitle))
      if (author.bio !== '') assert.ok(textOf(box).includes(author.bio))
      if (author.email !== '') {
        assert.equal(one(box, 'a[href^="mailto:"]').getAttribute('href'), `mailto:${author.email}`)
      }
      if (author.photo !== null) assert.ok(one(box, 'img').getAttribute('alt'))
    })
  })

  test('6. comments: count in the heading, a labelled form with the grapheme counter, the list', async () => {
    const count = await site.testApp.app.services.comments.countVisible(site.article.id)
    const heading = headingNamed(page.doc, `Comments ${count}`)
    assert.ok(heading, `a heading "Comments ${count}"`)
    assert.equal(heading.tagName, 'H2')
    const form = one(page.doc, 'form.comment-form')
    assert.equal(form.getAttribute('method'), 'post')
    assert.equal(form.getAttribute('action'), `${site.articlePath}/comments`)
    for (const field of all(form, 'input:not([type="hidden"]), textarea')) {
      assert.ok(one(form, `label[for="${field.id}"]`), `a label for ${field.getAttribute('name')}`)
    }
    const textarea = one(form, 'textarea[name="body"]')
    assert.equal(textarea.getAttribute('data-grapheme-limit'), '300')
    assert.equal(textarea.hasAttribute('maxlength'), false)
    const counter = one(form, '[data-grapheme-counter]')
    assert.equal(textOf(counter), '0/300')
    assert.ok((textarea.getAttribute('aria-describedby') ?? '').split(' ').includes(counter.id))
    const name = one(form, 'input[name="name"]')
    assert.ok(name.hasAttribute('required'))
    assert.equal(one(form, 'input[name="email"]').getAttribute('type'), 'email')
    const honeypot = one(form, 'input[name="website"]')
    assert.equal(honeypot.getAttribute('tabindex'), '-1')
    assert.equal(honeypot.getAttribute('autocomplete'), 'off')
    const wrapper = honeypot.parentElement as Element
    assert.equal(wrapper.getAttribute('aria-hidden'), 'true')
    assert.ok(wrapper.classList.contains('visually-hidden'))
    const shown = await site.testApp.app.services.comments.listVisible(site.article.id, {
      limit: 200,
    })
    assert.equal(all(page.doc, '[id^="comment-"].comment').length, shown.length)
    // Comment counter, copy-link and the view beacon: each a deferred same-origin file.
    const scripts = all(page.doc, 'script[src]')
    assert.equal(scripts.length, 3)
    for (const script of scripts) assert.ok(script.hasAttribute('defer'))
  })

  test('7. "[SECTION] Latest Stories" lists the 6 newest of the section, without the story', async () => {
    const { newsroom } = site.testApp.app.services
    const { section } = site.article
    const sectionId = (await newsroom.listSections()).find((s) => s.slug === section.slug)?.id
    const newest = await newsroom.latestArticles({
      sectionId,
      limit: 6,
      excludeIds: [site.article.id],
    })
    const { total } = await newsroom.listArticles({ sectionId }, 1, 1)
    assert.equal(newest.length, Math.min(6, total - 1))
    const rail = regionNamed(page.doc, `[${section.name.toUpperCase()}] Latest Stories`)
    const links = all(rail, 'li a').map((a) => a.getAttribute('href'))
    assert.deepEqual(
      links,
      newest.map((s) => `/${s.section.slug}/${s.slug}`),
    )
    assert.ok(!links.includes(site.articlePath))
  })

  test('8. "Weekly Best Articles" lists 12 stories', () => {
    assert.equal(all(regionNamed(page.doc, 'Weekly Best Articles'), 'li a').length, 12)
  })

  for (const title of ['You May Also Like', 'Popular Now', 'Must-Reads']) {
    test(`9–11. "${title}" lists 5 numbered stories with section labels`, () => {
      const items = all(regionNamed(page.doc, title), 'ol > li')
      assert.equal(items.length, 5)
      const sections = new Set([...sectionNames()].map((name) => name.toUpperCase()))
      for (const item of items) {
        const label = textOf(one(item, '.section-label'))
        assert.ok(sections.has(label), `label ${label} is an upper-case section name`)
        assert.notEqual(one(item, 'a').getAttribute('href'), site.articlePath)
      }
    })
  }

  test('12. "Share it on…" links to each network and e-mail, plus a copy-link button', () => {
    const share = regionNamed(page.doc, 'Share it on…')
    const canonical = SITE_URL + site.articlePath
    const names = ['X', 'Facebook', 'LinkedIn', 'Reddit', 'WhatsApp', 'Bluesky', 'Telegram']
    const links = all(share, 'a')
    for (const name of names) {
      const link = links.find((a) => textOf(a).startsWith(name + ' '))
      assert.ok(link, `a ${name} link`)
      assert.equal(link.getAttribute('target'), '_blank')
      assert.equal(link.getAttribute('rel'), 'noopener noreferrer')
      assert.match(textOf(link), /opens in a new tab/)
      const href = new URL(link.getAttribute('href') ?? '')
      assert.equal(href.protocol, 'https:')
      assert.ok(decodeURIComponent(href.search).includes(canonical), `${name} shares the URL`)
    }
    const mail = links.find((a) => textOf(a) === 'E-mail')
    assert.ok(mail)
    const mailto = mail.getAttribute('href') ?? ''
    assert.ok(mailto.startsWith('mailto:?subject='))
    assert.ok(decodeURIComponent(mailto).includes(canonical))
    const button = one(share, 'button[data-copy-link]')
    assert.equal(button.getAttribute('type'), 'button')
    assert.equal(button.getAttribute('data-copy-link'), canonical)
    assert.equal(button.getAttribute('aria-controls'), 'copy-status')
    assert.equal(one(share, '#copy-status').getAttribute('role'), 'status')
    assert.equal(all(page.doc, 'script[src^="http"], iframe, img[src^="http"]').length, 0)
  })

  test('the parts come in reference order, top to bottom', () => {
    const order = [
      'Skip to main content',
      site.article.headline,
      'About the author',
      'Comments',
      'Latest Stories',
      'Weekly Best Articles',
      'You May Also Like',
      'Popular Now',
      'Must-Reads',
      'Share it on…',
      'Back to front page',
    ]
    const text = textOf(page.doc.body)
    let at = 0
    for (const part of order) {
      const found = text.indexOf(part, at)
      assert.ok(found >= at, `"${part}" comes after the previous part`)
      at = found
    }
  })

  test('head: title, description, canonical, Open Graph, Twitter card and NewsArticle JSON-LD', () => {
    const { article } = site
    const head = page.doc.head
    const canonical = SITE_URL + site.articlePath
    assert.equal(textOf(one(head, 'title')), `${article.headline} — The Harbour Ledger`)
    assert.equal(page.doc.documentElement.getAttribute('lang'), 'en')
    assert.ok(one(head, 'meta[name="description"]').getAttribute('content'))
    assert.equal(one(head, 'link[rel="canonical"]').getAttribute('href'), canonical)
    const og = (property: string) =>
      one(head, `meta[property="${property}"]`).getAttribute('content')
    assert.equal(og('og:type'), 'article')
    assert.equal(og('og:url'), canonical)
    assert.equal(og('og:title'), article.headline)
    assert.equal(og('og:site_name'), 'The Harbour Ledger')
    assert.match(og('og:image') ?? '', /^http:\/\/127\.0\.0\.1:3000\/media\/.+\.jpg$/)
    assert.equal(og('article:published_time'), article.publishedAt.toISOString())
    assert.equal(og('article:section'), article.section.name)
    assert.equal(
      one(head, 'meta[name="twitter:card"]').getAttribute('content'),
      'summary_large_image',
    )
    assert.equal(one(head, 'meta[name="color-scheme"]').getAttribute('content'), 'light dark')
    assert.ok(one(head, 'link[rel="stylesheet"]').getAttribute('href'))
    assert.equal(one(head, 'link[rel="icon"]').getAttribute('type'), 'image/svg+xml')
    const data = JSON.parse(one(head, 'script[type="application/ld+json"]').textContent ?? '') as {
      '@type': string
      headline: string
      datePublished: string
      author: { '@type': string; name: string; url: string }[]
      publisher: { '@type': string; name: string }
      mainEntityOfPage: { '@id': string }
      image: string[]
    }
    assert.equal(data['@type'], ARTICLE_TYPES[article.label])
    assert.equal(data.headline, article.headline)
    assert.equal(data.datePublished, article.publishedAt.toISOString())
    assert.equal(data.author[0]?.['@type'], 'Person')
    assert.equal(data.author[0]?.url, `${SITE_URL}/author/${article.authors[0]?.slug}`)
    assert.equal(data.publisher['@type'], 'NewsMediaOrganization')
    assert.equal(data.mainEntityOfPage['@id'], canonical)
    assert.equal(data.image[0], og('og:image'))
  })

  test('the navigation marks the story’s section as current', () => {
    const current = one(page.doc, 'nav[aria-label="Sections"] a[aria-current="page"]')
    assert.equal(current.getAttribute('href'), `/${site.article.section.slug}`)
  })

  test('a wrong section answers 301 to the canonical address, keeping the query string', async () => {
    const other =
      [...sectionNames()].length > 1
        ? all(page.doc, 'nav[aria-label="Sections"] a')
            .map((a) => a.getAttribute('href') ?? '')
            .find((href) => href !== `/${site.article.section.slug}`)
        : '/nowhere'
    const response = await site.get(`${other}/${site.article.slug}?utm_source=newsletter`)
    assert.equal(response.status, 301)
    assert.equal(response.headers.location, `${site.articlePath}?utm_source=newsletter`)
  })

  test('a former slug answers 301 to the story’s current address', async () => {
    const { newsroom } = site.testApp.app.services
    const { items } = await newsroom.listArticles({}, 2, 5)
    const story = items[0]
    assert.ok(story)
    const renamed = await newsroom.updateArticle(story.id, { slug: `${story.slug}-renamed` })
    const response = await site.get(`/${story.section.slug}/${story.slug}`)
    assert.equal(response.status, 301)
    assert.equal(response.headers.location, `/${renamed.section.slug}/${renamed.slug}`)
    assert.equal((await site.get(`/${renamed.section.slug}/${renamed.slug}`)).status, 200)
  })

  test('an unknown story answers the 404 page', async () => {
    const response = await site.get(`/${site.article.section.slug}/no-story-lives-here`)
    assert.equal(response.status, 404)
    assert.ok(headingNamed(response.doc, "We couldn't find that page"))
  })
  test('a trailing slash answers 301 to the address without it, keeping the query string', async () => {
    const section = `/${site.article.section.slug}`
    const cases: [string, string][] = [
      [`${site.articlePath}/?utm_source=feed`, `${site.articlePath}?utm_source=feed`],
      [`${section}/`, section],
      [`/author/${site.article.authors[0]?.slug}/`, `/author/${site.article.authors[0]?.slug}`],
    ]
    for (const [from, to] of cases) {
      const response = await site.get(from)
      assert.equal(response.status, 301, from)
      assert.equal(response.headers.location, to, from)
    }
  })

  test('the comment form’s address fetched with GET leads back to the story’s comments', async () => {
    const response = await site.get(`${site.articlePath}/comments`)
    assert.equal(response.status, 301)
    assert.equal(response.headers.location, `${site.articlePath}#comments-title`)
  })

  test('a path that only looks like one of ours never redirects off the site', async () => {
    for (const path of [
      '//elsewhere.example/',
      '//elsewhere.example/news/',
      '/%2F%2Felsewhere.example/',
    ]) {
      const response = await site.get(path)
      assert.equal(
        response.status >= 400 && response.status < 500,
        true,
        `${path}: ${response.status}`,
      )
      assert.equal(response.headers.location, undefined, path)
    }
  })
})

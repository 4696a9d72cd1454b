/**
 * Search-engine and social metadata of every page type on the real app: the JSON-LD objects, Open
 * Graph and Twitter tags, robots, and one set of dates shared by JSON-LD, meta tags and <time>.
 */

import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import type { Actor } from '../../../src/accounts/index.js'
import { all, one } from '../../helpers/html.js'
import { type Fetched, type SiteApp, startSiteApp } from './site-app.js'

const SITE_URL = 'http://127.0.0.1:3000'
const EDITOR: Actor = { userId: 0, role: 'editor', name: 'Desk editor' }

type Ld = Record<string, unknown> & { '@type': string }

/** Every JSON-LD object of the page, after checking no script body could close its element. */
export function jsonLdOf(page: Fetched): Ld[] {
  const bodies = [
    ...page.html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g),
  ].map((m) => m[1] ?? '')
  assert.ok(bodies.length > 0, 'the page has JSON-LD')
  for (const body of bodies) assert.ok(!body.includes('<'), 'no < inside a JSON-LD block')
  const parsed = all(page.doc, 'script[type="application/ld+json"]').map(
    (s) => JSON.parse(s.textContent ?? '') as Ld,
  )
  assert.equal(parsed.length, bodies.length)
  for (const data of parsed) assert.equal(data['@context'], 'https://schema.org')
  return parsed
}

function ofType(objects: Ld[], type: string): Ld {
  const found = objects.find((o) => o['@type'] === type)
  assert.ok(found, `a ${type} among ${objects.map((o) => o['@type']).join(', ')}`)
  return found
}

function meta(page: Fetched, key: string): string | null {
  const element =
    page.doc.head.querySelector(`meta[property="${key}"]`) ??
    page.doc.head.querySelector(`meta[name="${key}"]`)
  return element?.getAttribute('content') ?? null
}

/** What every indexable page must carry: canonical, robots, Open Graph and Twitter tags. */
function assertSocialTags(page: Fetched, path: string): void {
  const canonical = one(page.doc.head, 'link[rel="canonical"]').getAttribute('href')
  assert.equal(canonical, SITE_URL + path)
  assert.equal(meta(page, 'robots'), 'max-image-preview:large')
  assert.equal(meta(page, 'og:url'), canonical)
  for (const key of ['og:title', 'og:description', 'og:site_name', 'og:type', 'og:locale']) {
    assert.ok(meta(page, key), `${key} is set`)
  }
  for (const key of ['twitter:card', 'twitter:title', 'twitter:description']) {
    assert.ok(meta(page, key), `${key} is set`)
  }
  for (const key of ['og:image', 'twitter:image']) {
    const url = meta(page, key)
    if (url !== null) assert.match(url, /^http:\/\/127\.0\.0\.1:3000\/media\/\S+\.jpg$/, key)
  }
}

function breadcrumbNames(objects: Ld[]): [string, string][] {
  const list = ofType(objects, 'BreadcrumbList').itemListElement as {
    position: number
    name: string
    item: string
  }[]
  list.forEach((item, i) => assert.equal(item.position, i + 1))
  return list.map((item) => [item.name, item.item])
}

describe('page metadata', () => {
  let site: SiteApp

  before(async () => {
    site = await startSiteApp()
  })
  after(() => site.close())

  test('the story: NewsArticle with crops, people, publisher, and the dates the byline shows', async () => {
    const page = await site.get(site.articlePath)
    assertSocialTags(page, site.articlePath)
    const objects = jsonLdOf(page)
    const article = objects[0] as Ld & Record<string, unknown>
    const { article: story } = site
    assert.equal(article['@type'], story.label === 'news' ? 'NewsArticle' : article['@type'])
    assert.equal(article.headline, story.headline)
    assert.equal(article.url, SITE_URL + site.articlePath)
    assert.equal(article.articleSection, story.section.name)
    assert.deepEqual(
      article.keywords,
      story.tags.map((t) => t.name),
    )
    const images = article.image as string[]
    assert.equal(images.length, 3)
    for (const [i, ratio] of ['16x9', '4x3', '1x1'].entries()) {
      assert.match(images[i] ?? '', new RegExp(`^${SITE_URL}/media/\\S+-${ratio}-\\d+\\.jpg$`))
    }
    assert.equal(meta(page, 'og:image'), images[0])
    assert.equal(meta(page, 'twitter:card'), 'summary_large_image')
    const authors = article.author as { '@type': string; name: string; url: string }[]
    assert.deepEqual(
      authors.map((a) => [a['@type'], a.name, a.url]),
      story.authors.map((a) => ['Person', a.name, `${SITE_URL}/author/${a.slug}`]),
    )
    const publisher = article.publisher as { '@type': string; logo: { url: string } }
    assert.equal(publisher['@type'], 'NewsMediaOrganization')
    assert.match(publisher.logo.url, /^http:\/\/127\.0\.0\.1:3000\/\S+$/)

    // One set of dates: JSON-LD, article:* meta tags and the byline's <time> elements.
    const times = all(one(page.doc, '.byline'), 'time').map((t) => t.getAttribute('datetime'))
    assert.equal(article.datePublished, meta(page, 'article:published_time'))
    assert.equal(article.datePublished, times[0])
    assert.equal(article.dateModified, meta(page, 'article:modified_time'))
    assert.equal(article.dateModified, times[1] ?? times[0])
    assert.deepEqual(breadcrumbNames(objects), [
      ['The Harbour Ledger', `${SITE_URL}/`],
      [story.section.name, `${SITE_URL}/${story.section.slug}`],
      [story.headline, SITE_URL + site.articlePath],
    ])
  })

  test('every crop the JSON-LD names is served, made on first request for older photos', async () => {
    const page = await site.get(site.articlePath)
    const images = jsonLdOf(page)[0]?.image as string[]
    for (const url of images) {
      const path = new URL(url).pathname
      const response = await site.testApp.app.web.inject({ method: 'GET', url: path })
      assert.equal(response.statusCode, 200, path)
      assert.equal(response.headers['content-type'], 'image/jpeg')
    }
    // Photos saved before crops existed have none on disk: the first request makes them.
    const wrongWidth = new URL(images[0] ?? '').pathname.replace(/-(\d+)\.jpg$/, '-999.jpg')
    const refused = await site.testApp.app.web.inject({ method: 'GET', url: wrongWidth })
    assert.equal(refused.statusCode, 404, 'only the one width a crop has is ever made')
  })

  test('a correction becomes a CorrectionComment and moves every modified date together', async () => {
    const { newsroom } = site.testApp.app.services
    const note = await newsroom.addArticleNote(EDITOR, site.article.id, {
      kind: 'correction',
      text: 'The berth is number 4, not 7. </script><script>alert(1)</script>',
    })
    const page = await site.get(site.articlePath)
    const article = jsonLdOf(page)[0] as Ld & Record<string, unknown>
    const corrections = article.correction as {
      '@type': string
      text: string
      datePublished: string
    }[]
    assert.deepEqual(
      corrections.map((c) => [c['@type'], c.text, c.datePublished]),
      [['CorrectionComment', note.text, note.createdAt.toISOString()]],
    )
    const modified = note.createdAt.toISOString()
    assert.equal(article.dateModified, modified)
    assert.equal(meta(page, 'article:modified_time'), modified)
    assert.equal(one(page.doc, '.byline-updated time').getAttribute('datetime'), modified)
  })

  test('the label picks the schema.org type', async () => {
    const { newsroom } = site.testApp.app.services
    for (const [label, type] of [
      ['opinion', 'OpinionNewsArticle'],
      ['analysis', 'AnalysisNewsArticle'],
      ['review', 'ReviewNewsArticle'],
      ['explainer', 'NewsArticle'],
      ['sponsored', 'AdvertiserContentArticle'],
      ['news', 'NewsArticle'],
    ] as const) {
      await newsroom.updateArticle(site.article.id, { label })
      const page = await site.get(site.articlePath)
      assert.equal(jsonLdOf(page)[0]?.['@type'], type, label)
    }
  })

  test('the SEO title and description lead <title>, the description, Open Graph and Twitter tags', async () => {
    const { newsroom } = site.testApp.app.services
    const { article: story } = site
    const tags = (page: Fetched) => ({
      title: page.doc.title,
      description: meta(page, 'description'),
      ogTitle: meta(page, 'og:title'),
      ogDescription: meta(page, 'og:description'),
      twitterTitle: meta(page, 'twitter:title'),
      twitterDescription: meta(page, 'twitter:description'),
    })
    const seoTitle = 'Harbour dues: what changes & when'
    const seoDescription = 'The new dues, berth by berth, from March.'
    await newsroom.updateArticle(story.id, { seoTitle, seoDescription })
    try {
      const page = await site.get(site.articlePath)
      assert.deepEqual(tags(page), {
        title: `${seoTitle} — The Harbour Ledger`,
        description: seoDescription,
        ogTitle: seoTitle,
        ogDescription: seoDescription,
        twitterTitle: seoTitle,
        twitterDescription: seoDescription,
      })
      assert.equal(one(page.doc, 'h1').textContent, story.headline, 'readers see the headline')
      assert.equal(jsonLdOf(page)[0]?.headline, story.headline)
      assert.equal(jsonLdOf(page)[0]?.description, seoDescription)
    } finally {
      await newsroom.updateArticle(story.id, { seoTitle: '', seoDescription: '' })
    }
    const plain = await site.get(site.articlePath)
    const dek = story.dek === '' ? story.headline : story.dek
    assert.deepEqual(tags(plain), {
      title: `${story.headline} — The Harbour Ledger`,
      description: dek,
      ogTitle: story.headline,
      ogDescription: dek,
      twitterTitle: story.headline,
      twitterDescription: dek,
    })
  })

  test('a headline cannot break out of its script element', async () => {
    const { newsroom } = site.testApp.app.services
    const headline = 'Port </script><script>alert(1)</script> & <!-- talks'
    await newsroom.updateArticle(site.article.id, { headline })
    const page = await site.get(site.articlePath)
    assert.equal(jsonLdOf(page)[0]?.headline, headline)
    assert.equal(all(page.doc, 'script:not([src]):not([type="application/ld+json"])').length, 0)
  })

  test('the front page: WebSite with a SearchAction, and the publisher', async () => {
    const page = await site.get('/')
    assertSocialTags(page, '/')
    const objects = jsonLdOf(page)
    const website = ofType(objects, 'WebSite')
    assert.equal(website.url, `${SITE_URL}/`)
    assert.deepEqual(website.potentialAction, {
      '@type': 'SearchAction',
      target: { '@type': 'EntryPoint', urlTemplate: `${SITE_URL}/search?q={search_term_string}` },
      'query-input': 'required name=search_term_string',
    })
    const publisher = ofType(objects, 'NewsMediaOrganization')
    assert.equal(publisher.name, 'The Harbour Ledger')
  })

  test('sections and tags are CollectionPages listing the stories shown', async () => {
    const section = site.article.section
    const tag = site.article.tags[0]
    assert.ok(tag)
    for (const [path, name] of [
      [`/${section.slug}`, section.name],
      [`/tag/${tag.slug}`, tag.name],
    ] as const) {
      const page = await site.get(path)
      assertSocialTags(page, path)
      const objects = jsonLdOf(page)
      const collection = ofType(objects, 'CollectionPage')
      assert.equal(collection.url, SITE_URL + path)
      assert.equal(collection.name, name)
      const list = collection.mainEntity as {
        '@type': string
        numberOfItems: number
        itemListElement: { url: string }[]
      }
      assert.equal(list['@type'], 'ItemList')
      const cards = all(page.doc, 'main .story-list h2 a').map(
        (a) => SITE_URL + (a.getAttribute('href') ?? ''),
      )
      assert.deepEqual(
        list.itemListElement.map((item) => item.url),
        cards,
      )
      assert.equal(list.numberOfItems, cards.length)
      assert.deepEqual(breadcrumbNames(objects)[1], [name, SITE_URL + path])
    }
  })

  test('an author page is a ProfilePage about a Person', async () => {
    const author = site.article.authors[0]
    assert.ok(author)
    const path = `/author/${author.slug}`
    const page = await site.get(path)
    assertSocialTags(page, path)
    const objects = jsonLdOf(page)
    const profile = ofType(objects, 'ProfilePage')
    const person = profile.mainEntity as Record<string, unknown>
    assert.equal(person['@type'], 'Person')
    assert.equal(person.name, author.name)
    assert.equal(person.url, SITE_URL + path)
    assert.deepEqual(breadcrumbNames(objects)[1], [author.name, SITE_URL + path])
  })

  test('the corrections page is a CollectionPage; error pages say noindex and carry no JSON-LD', async () => {
    const page = await site.get('/corrections')
    assertSocialTags(page, '/corrections')
    assert.equal(ofType(jsonLdOf(page), 'CollectionPage').name, 'Corrections')
    const missing = await site.get('/no-such-section')
    assert.equal(missing.status, 404)
    assert.equal(meta(missing, 'robots'), 'noindex')
    assert.equal(all(missing.doc, 'script[type="application/ld+json"]').length, 0)
  })
})

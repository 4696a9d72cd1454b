/** Markdown rendering and the sanitizer allowlist: headings, links, photo figures, hostile input. */

import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { parseHTML } from 'linkedom'
import type { Photo } from '../../src/media/types.js'
import { renderArticleBody } from '../../src/newsroom/article-render.js'
import { sanitizeArticleHtml } from '../../src/newsroom/article-sanitize.js'
import type { PhotoLookup } from '../../src/newsroom/index.js'

const PHOTO: Photo = {
  id: 7,
  storageKey: '2026/11/harbour',
  mimeType: 'image/jpeg',
  width: 1600,
  height: 1000,
  alt: 'Boats in the harbour',
  caption: 'Boats return at dawn.',
  credit: 'Harbour Photo Agency',
}
const photos: PhotoLookup = async (ids) =>
  new Map(ids.filter((id) => id === PHOTO.id).map((id) => [id, PHOTO]))

async function render(markdown: string): Promise<Document> {
  const { html } = await renderArticleBody(markdown, photos)
  return parseHTML(`<!doctype html><html><body>${html}</body></html>`).document
}

async function rejects(markdown: string, code: string): Promise<void> {
  await assert.rejects(renderArticleBody(markdown, photos), (error: { code?: string }) => {
    assert.equal(error.code, code)
    return true
  })
}

describe('renderArticleBody', () => {
  test('a # heading becomes h2 because the page h1 is the headline', async () => {
    const doc = await render('# Storm warning\n\n## Ports closed\n\nText.')
    assert.equal(doc.querySelector('h1'), null)
    assert.equal(doc.querySelector('h2')?.textContent, 'Storm warning')
    assert.equal(doc.querySelector('h3')?.textContent, 'Ports closed')
  })

  test('## subheadings become h2 when the body has no # heading', async () => {
    const doc = await render('Intro.\n\n## Ports closed\n\n### Night ferries\n\nText.')
    assert.equal(doc.querySelector('h2')?.textContent, 'Ports closed')
    assert.equal(doc.querySelector('h3')?.textContent, 'Night ferries')
  })

  test('keeps quotes, lists, emphasis and links', async () => {
    const doc = await render(
      '> "We stay," she said.\n\n- one\n- **two**\n\n1. *first*\n\n[port](/world/port)',
    )
    assert.ok(doc.querySelector('blockquote p'))
    assert.equal(doc.querySelectorAll('ul li').length, 2)
    assert.equal(doc.querySelector('strong')?.textContent, 'two')
    assert.equal(doc.querySelector('ol em')?.textContent, 'first')
    assert.equal(doc.querySelector('a')?.getAttribute('href'), '/world/port')
    assert.equal(doc.querySelector('a')?.getAttribute('rel'), null)
  })

  test('external links, written or bare, get rel="noopener"', async () => {
    const doc = await render('[agency](https://agency.example/report) and www.example.org')
    const links = [...doc.querySelectorAll('a')]
    assert.equal(links.length, 2)
    for (const link of links) assert.equal(link.getAttribute('rel'), 'noopener')
  })

  test('raw HTML in the Markdown stays text: no script element, no event handler', async () => {
    const doc = await render('<script>alert(1)</script>\n\nHi <img src=x onerror="alert(1)"> there')
    assert.equal(doc.querySelector('script'), null)
    assert.equal(doc.querySelector('img'), null)
    assert.equal(doc.querySelectorAll('[onerror]').length, 0)
    assert.match(doc.body.textContent ?? '', /<script>alert\(1\)<\/script>/)
  })

  test('javascript: links are not turned into links', async () => {
    const doc = await render('[click](javascript:alert(1)) and [data](data:text/html,hi)')
    assert.equal(doc.querySelectorAll('a').length, 0)
  })

  test('a photo on its own line becomes a figure with sources, caption and credit', async () => {
    const doc = await render('Before.\n\n![Two boats](photo:7)\n\nAfter.')
    const figure = doc.querySelector('figure.body-photo')
    assert.ok(figure)
    const sources = [...figure.querySelectorAll('picture source')]
    assert.deepEqual(
      sources.map((s) => s.getAttribute('type')),
      ['image/avif', 'image/webp'],
    )
    assert.match(sources[0]?.getAttribute('srcset') ?? '', /harbour-480\.avif 480w/)
    const img = figure.querySelector('picture img')
    assert.ok(img)
    assert.match(img.getAttribute('src') ?? '', /^\/media\/2026\/11\/harbour-800\.jpg$/)
    assert.equal(img.getAttribute('alt'), 'Two boats')
    assert.equal(img.getAttribute('width'), '800')
    assert.equal(img.getAttribute('height'), '500')
    assert.equal(img.getAttribute('loading'), 'lazy')
    assert.equal(img.getAttribute('decoding'), 'async')
    assert.ok(img.getAttribute('sizes'))
    assert.match(figure.querySelector('figcaption')?.textContent ?? '', /Boats return at dawn\./)
    assert.equal(
      figure.querySelector('figcaption .credit')?.textContent,
      'Photo: Harbour Photo Agency',
    )
    assert.equal(figure.parentElement?.tagName, 'BODY')
  })

  test('an unknown photo id is refused on save', async () => {
    await rejects('![Missing](photo:999)', 'ARTICLE_BODY_PHOTO_UNKNOWN')
  })

  test('a photo inside running text is refused', async () => {
    await rejects('Look ![boats](photo:7) here.', 'ARTICLE_BODY_PHOTO_INLINE')
  })

  test('outside images are not hotlinked; their alt text remains', async () => {
    const doc = await render('![a tracking pixel](https://tracker.example/p.gif)')
    assert.equal(doc.querySelector('img'), null)
    assert.equal(doc.querySelector('p')?.textContent, 'a tracking pixel')
  })

  test('counts the words readers read', async () => {
    const { wordCount } = await renderArticleBody(
      '# Two words\n\nThree more words.\n\n![x](photo:7)',
      photos,
    )
    assert.equal(wordCount, 5)
  })
})

describe('sanitizeArticleHtml', () => {
  test('strips scripts, handlers, styles and javascript: URLs from raw HTML', () => {
    const html = sanitizeArticleHtml(
      '<p style="color:red" onclick="x()">Hi<script>alert(1)</script></p>' +
        '<img src="x" onerror="alert(1)"><a href="javascript:alert(1)">bad</a><iframe src="/x"></iframe>',
    )
    const doc = parseHTML(`<html><body>${html}</body></html>`).document
    assert.equal(doc.querySelector('script'), null)
    assert.equal(doc.querySelector('iframe'), null)
    assert.equal(doc.querySelectorAll('[onclick], [onerror], [style]').length, 0)
    assert.equal(doc.querySelector('a')?.getAttribute('href') ?? null, null)
  })

  test('keeps only our own image paths', () => {
    const html = sanitizeArticleHtml(
      '<img src="https://tracker.example/p.gif" alt="x"><img src="/media/a.jpg" alt="y">',
    )
    const doc = parseHTML(`<html><body>${html}</body></html>`).document
    const srcs = [...doc.querySelectorAll('img')].map((img) => img.getAttribute('src'))
    assert.deepEqual(srcs, [null, '/media/a.jpg'])
  })
})

/** The shared layout and JSON-LD block: head metadata, masthead heading rule, and script-safe JSON. */

import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { renderDocument } from '../../../src/web/render/html.js'
import { jsonForScript } from '../../../src/web/render/json-ld.js'
import { absoluteUrl, Layout, type LayoutProps } from '../../../src/web/render/layout.js'
import { all, htmlProblems, one, parsePage, textOf } from '../../helpers/html.js'

const frame: LayoutProps['frame'] = {
  site: { url: 'https://news.example.org', name: 'The Harbour Ledger', language: 'en-GB' },
  assets: { stylesheet: '/assets/site.1.css', favicon: '/favicon.svg' },
  sections: [
    { slug: 'asia', name: 'Asia' },
    { slug: 'world', name: 'World' },
  ],
  editionDate: new Date('2026-11-20T09:00:00Z'),
}

function page(props: Partial<LayoutProps>): Document {
  return parsePage(
    renderDocument(
      Layout({
        frame,
        meta: { title: 'Rain', description: 'It rained.', canonicalPath: '/asia/rain' },
        children: 'x',
        ...props,
      }),
    ),
  )
}

describe('layout', () => {
  test('writes language, title, description, canonical and the stylesheet and icon links', async () => {
    const doc = page({})
    assert.equal(doc.documentElement.getAttribute('lang'), 'en-GB')
    assert.equal(textOf(one(doc, 'title')), 'Rain — The Harbour Ledger')
    assert.equal(
      one(doc, 'link[rel="canonical"]').getAttribute('href'),
      'https://news.example.org/asia/rain',
    )
    assert.equal(one(doc, 'link[rel="stylesheet"]').getAttribute('href'), '/assets/site.1.css')
    assert.equal(
      one(doc, 'meta[property="og:url"]').getAttribute('content'),
      'https://news.example.org/asia/rain',
    )
    assert.equal(one(doc, '.edition time').getAttribute('datetime'), '2026-11-20')
    assert.deepEqual(
      await htmlProblems(
        renderDocument(
          Layout({ frame, meta: { title: 'A', description: 'B' }, children: <p>x</p> }),
        ),
      ),
      [],
    )
  })

  test('the site name is the h1 only on the front page', () => {
    assert.equal(all(page({ isFront: true }), 'h1').length, 1)
    assert.equal(all(page({}), 'h1').length, 0)
    assert.equal(textOf(one(page({}), 'p.masthead-title a')), 'The Harbour Ledger')
  })

  test('marks the active section in the navigation', () => {
    const doc = page({ activeSection: 'world' })
    const current = all(doc, 'nav[aria-label="Sections"] [aria-current="page"]')
    assert.deepEqual(
      current.map((a) => a.getAttribute('href')),
      ['/world'],
    )
  })

  test('error pages say noindex and have no canonical link', () => {
    const doc = page({ meta: { title: 'Oops', description: 'No.', noindex: true } })
    assert.equal(one(doc, 'meta[name="robots"]').getAttribute('content'), 'noindex')
    assert.equal(doc.querySelector('link[rel="canonical"]'), null)
  })

  test('absoluteUrl joins the site URL and a root-relative path', () => {
    assert.equal(
      absoluteUrl(frame.site, '/media/a-1200.jpg'),
      'https://news.example.org/media/a-1200.jpg',
    )
  })

  test('jsonForScript escapes < and line separators, and still parses to the same value', () => {
    const value = { headline: '</script><script>alert(1)</script>', note: 'a\u2028b' }
    const text = jsonForScript(value)
    assert.equal(text.includes('<'), false)
    assert.equal(text.includes('\u2028'), false)
    assert.deepEqual(JSON.parse(text), value)
  })
})

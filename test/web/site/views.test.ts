/** Reader views rendered from fixture props: valid HTML, one h1, landmarks, and the article's parts. */

import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { renderDocument } from '../../../src/web/render/html.js'
import { ArticlePage } from '../../../src/web/site/pages/article-page.tsx'
import type { ArticlePageProps } from '../../../src/web/site/pages/load-article-page.js'
import { AuthorPage } from '../../../src/web/site/pages/author-page.tsx'
import { ErrorPage } from '../../../src/web/site/pages/error-page.tsx'
import { FrontPage } from '../../../src/web/site/pages/front-page.tsx'
import { NotFoundPage } from '../../../src/web/site/pages/not-found-page.tsx'
import { SectionPage } from '../../../src/web/site/pages/section-page.tsx'
import { TagPage } from '../../../src/web/site/pages/tag-page.tsx'
import { all, htmlProblems, one, parsePage, regionNamed, textOf } from '../../helpers/html.js'
import { commentsProps } from './comment-fixtures.js'
import { article, AUTHOR, frame, SECTIONS, summaries } from './site-fixtures.js'

function articleProps(overrides: Partial<ArticlePageProps> = {}): ArticlePageProps {
  return {
    frame: frame(),
    article: article(),
    canonicalPath: '/asia/port-expansion-approved',
    views: 1234,
    viewToken: '42.1790000000.abcdefghijklmnopqrstuv',
    comments: commentsProps(),
    refused: undefined,
    latest: summaries(6, 200),
    weeklyBest: summaries(12, 300),
    related: summaries(5, 400),
    popularNow: summaries(5, 500),
    mustReads: summaries(5, 600),
    mustReadsPicked: 3,
    ...overrides,
  }
}

const list = (count: number, page = 1) => ({
  items: summaries(count),
  page,
  perPage: 20,
  total: 95,
  totalPages: 5,
})

const PAGES: Record<string, () => string> = {
  article: () => renderDocument(ArticlePage(articleProps())),
  'article with a refused comment': () =>
    renderDocument(
      ArticlePage(
        articleProps({
          refused: {
            draft: { name: 'Ada', email: '', body: 'x'.repeat(301), bodyLength: 301 },
            errors: [{ field: 'body', message: 'A comment may have at most 300 characters.' }],
          },
          comments: commentsProps({
            draft: { name: 'Ada', email: '', body: 'x'.repeat(301), bodyLength: 301 },
            errors: [{ field: 'body', message: 'A comment may have at most 300 characters.' }],
          }),
        }),
      ),
    ),
  'article without photo, tags or comments': () =>
    renderDocument(
      ArticlePage(
        articleProps({
          article: { ...article(), leadPhoto: null, tags: [], updatedAt: null },
          comments: commentsProps({ threads: [], count: 0, mode: 'closed' }),
          related: [],
          mustReads: [],
          mustReadsPicked: 0,
        }),
      ),
    ),
  front: () =>
    renderDocument(
      FrontPage({
        frame: frame(),
        topStories: summaries(5, 10),
        blocks: SECTIONS.map((section, i) => ({ section, stories: summaries(4, 20 + i * 10) })),
        popularNow: summaries(5, 50),
        weeklyBest: summaries(6, 60),
        mustReads: summaries(5, 70),
        mustReadsPicked: 5,
      }),
    ),
  section: () =>
    renderDocument(
      SectionPage({
        frame: frame(),
        section: SECTIONS[0] as (typeof SECTIONS)[0],
        list: list(20, 3),
      }),
    ),
  author: () => renderDocument(AuthorPage({ frame: frame(), author: AUTHOR, list: list(20) })),
  tag: () =>
    renderDocument(
      TagPage({
        frame: frame(),
        tag: { id: 1, slug: 'shipping', name: 'Shipping' },
        list: list(20, 5),
      }),
    ),
  'not found': () => renderDocument(NotFoundPage({ frame: frame(), latest: summaries(5) })),
  error: () =>
    renderDocument(
      ErrorPage({
        frame: frame(),
        status: 500,
        title: 'Oops',
        message: 'Try again.',
        requestId: 'req-1',
      }),
    ),
}

describe('reader views', () => {
  for (const [name, render] of Object.entries(PAGES)) {
    test(`the ${name} page is valid HTML with one h1 and labelled, unique landmarks`, async () => {
      const html = render()
      assert.deepEqual(await htmlProblems(html), [])
      const doc = parsePage(html)
      assert.equal(all(doc, 'h1').length, 1)
      assert.equal(all(doc, 'main#main[tabindex="-1"]').length, 1)
      const navLabels = all(doc, 'nav').map((n) => n.getAttribute('aria-label'))
      assert.equal(new Set(navLabels).size, navLabels.length, `nav labels ${navLabels.join(', ')}`)
      assert.ok(navLabels.includes('Sections'))
      assert.equal(all(doc, '[style]').length, 0, 'no inline styles (CSP)')
      assert.equal(textOf(doc.querySelector('a.skip-link')), 'Skip to main content')
    })
  }

  test('headings never skip a level', () => {
    for (const [name, render] of Object.entries(PAGES)) {
      const levels = all(parsePage(render()), 'h1, h2, h3, h4, h5, h6').map((h) =>
        Number(h.tagName.slice(1)),
      )
      levels.reduce((previous, level) => {
        assert.ok(level <= previous + 1, `${name}: h${previous} is followed by h${level}`)
        return level
      }, 0)
    }
  })

  test("a staff reply shows its badge beside the name; readers' comments show none", () => {
    const doc = parsePage(render('article'))
    assert.deepEqual(
      all(doc, '.comment-meta').map((meta) => [
        textOf(one(meta, '.comment-author')),
        meta.querySelector('.comment-badge')?.textContent ?? null,
      ]),
      [
        ['Ada <b>', null],
        ['Ben', 'Author'],
        ['Cy', null],
      ],
    )
  })

  test('text is escaped everywhere, and the JSON-LD cannot close its script element', () => {
    const html = render('article')
    const doc = parsePage(html)
    assert.equal(textOf(one(doc, 'h1')), 'Port expansion approved after </script> long debate')
    assert.equal(all(doc, '.comment-author b').length, 0)
    const ld = all(doc, 'script[type="application/ld+json"]').map(
      (script) => JSON.parse(script.textContent ?? '') as Record<string, unknown>,
    )
    assert.deepEqual(
      ld.map((data) => data['@type']),
      ['NewsArticle', 'BreadcrumbList'],
    )
    assert.equal(ld[0]?.headline, 'Port expansion approved after </script> long debate')
    const crumbs = ld[1]?.itemListElement as { name: string }[]
    assert.equal(crumbs[2]?.name, 'Port expansion approved after </script> long debate')
    assert.equal(html.includes('after </script>'), false)
  })

  test('a refused comment keeps the text, flags the field and summarises the error', () => {
    const doc = parsePage(render('article with a refused comment'))
    const summary = one(doc, '[role="alert"]')
    assert.equal(one(summary, 'a').getAttribute('href'), '#comment-body')
    const textarea = one(doc, 'textarea[name="body"]')
    assert.equal(textarea.textContent, 'x'.repeat(301))
    assert.equal(textarea.getAttribute('aria-invalid'), 'true')
    const describedBy = (textarea.getAttribute('aria-describedby') ?? '').split(' ')
    const error = one(doc, '#comment-body-error')
    assert.ok(describedBy.includes('comment-body-error'))
    assert.match(textOf(error), /300/)
    assert.equal(textOf(one(doc, '[data-grapheme-counter]')), '301/300')
    assert.equal(one(doc, 'input[name="name"]').getAttribute('value'), 'Ada')
  })

  test('Must-Reads say honestly when they are topped up from Weekly Best', () => {
    const doc = parsePage(render('article'))
    assert.match(textOf(one(regionNamed(doc, 'Must-Reads'), '.rail-note')), /completed/)
  })

  test('pagination marks the current page and links previous and next', () => {
    const doc = parsePage(render('section'))
    const nav = one(doc, 'nav[aria-label="Pagination"]')
    assert.equal(textOf(one(nav, '[aria-current="page"]')), 'Page 3')
    assert.equal(one(nav, 'a[rel="prev"]').getAttribute('href'), '/asia?page=2')
    assert.equal(one(nav, 'a[rel="next"]').getAttribute('href'), '/asia?page=4')
    assert.equal(all(nav, 'a[href="/asia"]').length, 1, 'page 1 links to the plain path')
  })
})

function render(name: string): string {
  const page = PAGES[name]
  assert.ok(page)
  return page()
}

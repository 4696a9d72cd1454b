import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { GhostBodyError } from '../../../src/imports/ghost/ghost-body-error.js'
import { lexicalToHtml } from '../../../src/imports/ghost/lexical-html.js'
import { mobiledocToHtml } from '../../../src/imports/ghost/mobiledoc-html.js'
import { ghostPosts } from './ghost-fixture.js'

const field = (id: string, name: string): string => {
  const post = ghostPosts().find((p) => p.id === id)
  return String(post?.[name])
}

describe('mobiledocToHtml', () => {
  const html = mobiledocToHtml(field('p1', 'mobiledoc'))

  test('renders sections with markups opened and closed per marker', () => {
    assert.match(html, /<p>The harbour board met on <strong>Tuesday<\/strong>\.<\/p>/)
    assert.match(html, /<h2>New timetable<\/h2>/)
    assert.match(
      html,
      /<ul><li><a href="https:\/\/example.org\/timetable">Read the timetable<\/a><\/li><li><em>two <br>lines<\/em><\/li><\/ul>/,
    )
  })

  test('renders image and hr cards', () => {
    assert.match(
      html,
      /<figure><img src="__GHOST_URL__\/content\/images\/2021\/04\/ferry.jpg" alt="The night ferry"><figcaption>Leaving <em>port<\/em><\/figcaption><\/figure>/,
    )
    assert.match(html, /<hr>/)
  })

  test('escapes text and renders markdown and html cards', () => {
    const doc = {
      version: '0.3.1',
      markups: [],
      atoms: [],
      cards: [
        ['markdown', { markdown: '## Sub\n\n*x*' }],
        ['html', { html: '<table><tr><td>1</td></tr></table>' }],
      ],
      sections: [
        [1, 'p', [[0, [], 0, '1 < 2 & "q"']]],
        [10, 0],
        [10, 1],
      ],
    }
    const out = mobiledocToHtml(JSON.stringify(doc))
    assert.match(out, /<p>1 &lt; 2 &amp; &quot;q&quot;<\/p>/)
    assert.match(out, /<h2>Sub<\/h2>\n<p><em>x<\/em><\/p>/)
    assert.match(out, /<table><tr><td>1<\/td><\/tr><\/table>/)
  })

  test('unreadable mobiledoc is a GhostBodyError', () => {
    assert.throws(() => mobiledocToHtml('{not json'), GhostBodyError)
    assert.throws(() => mobiledocToHtml('{"version":"0.3.1"}'), GhostBodyError)
  })
})

describe('lexicalToHtml', () => {
  const html = lexicalToHtml(field('p2', 'lexical'))

  test('renders paragraphs with format bit flags, headings, lists, links and quotes', () => {
    assert.match(html, /<p>Rain fell <strong><em>all night<\/em><\/strong> in the valley\.<\/p>/)
    assert.match(html, /<h3>What comes next<\/h3>/)
    assert.match(
      html,
      /<ol><li>Sandbags<\/li><li><a href="https:\/\/example.org\/roads">Road closures<\/a><\/li><\/ol>/,
    )
    assert.match(html, /<blockquote>We were ready,<\/blockquote>/)
  })

  test('renders Ghost cards: rule, markdown, html, image, embed with its link kept', () => {
    assert.match(html, /<hr>/)
    assert.match(html, /<p>A <em>short<\/em> note\.<\/p>/)
    assert.match(html, /<p class="box">Raw box<\/p>/)
    assert.match(
      html,
      /<img src="https:\/\/cdn.example.org\/river.jpg" alt="The river"><figcaption>High water<\/figcaption>/,
    )
    assert.match(
      html,
      /<a href="https:\/\/video.example.org\/v\/42">https:\/\/video.example.org\/v\/42<\/a>/,
    )
  })

  test('code formats and code blocks escape their text', () => {
    const doc = {
      root: {
        type: 'root',
        children: [
          { type: 'paragraph', children: [{ type: 'text', text: 'a<b', format: 17 }] },
          { type: 'codeblock', code: 'if (a < b) {}', language: 'js' },
        ],
      },
    }
    const out = lexicalToHtml(JSON.stringify(doc))
    assert.match(out, /<strong><code>a&lt;b<\/code><\/strong>/)
    assert.match(out, /<pre><code class="language-js">if \(a &lt; b\) \{\}<\/code><\/pre>/)
  })

  test('unreadable lexical is a GhostBodyError', () => {
    assert.throws(() => lexicalToHtml('[]'), GhostBodyError)
    assert.throws(() => lexicalToHtml('nope'), GhostBodyError)
  })
})

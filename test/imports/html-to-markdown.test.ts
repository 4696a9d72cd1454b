/** HTML from other platforms to our Markdown: what Markdown can say is kept, the rest is text. */

import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { htmlToMarkdown } from '../../src/imports/index.js'

const md = (html: string, photoFor?: (src: string) => number | undefined) =>
  htmlToMarkdown(html, photoFor === undefined ? {} : { photoFor }).markdown

describe('htmlToMarkdown', () => {
  test('headings, paragraphs, emphasis and links', () => {
    assert.equal(
      md(
        '<h2>Tide</h2><p>It <em>rose </em><b>fast</b>, <s>slowly</s> <a href="https://x.example/a b">here</a>.</p>',
      ),
      '## Tide\n\nIt *rose* **fast**, ~~slowly~~ [here](https://x.example/a%20b).',
    )
  })

  test('links with unsafe schemes keep only their text', () => {
    assert.equal(md('<p><a href="javascript:alert(1)">click</a></p>'), 'click')
  })

  test('lists, nested lists, ordered lists with a start, and quotes', () => {
    assert.equal(
      md(
        '<ul><li>one</li><li>two<ul><li>inner</li></ul></li></ul><ol start="4"><li>four</li></ol>',
      ),
      '- one\n- two\n  - inner\n\n4. four',
    )
    assert.equal(md('<blockquote><p>a</p><p>b</p></blockquote>'), '> a\n>\n> b')
  })

  test('code blocks keep their text and language, code spans their backticks', () => {
    assert.equal(
      md(
        '<pre><code class="language-js">if (a &lt; b)\n  go()</code></pre><p>Use <code>a`b</code></p>',
      ),
      '```js\nif (a < b)\n  go()\n```\n\nUse ``a`b``',
    )
  })

  test('tables become pipe tables', () => {
    assert.equal(
      md(
        '<table><thead><tr><th>Port</th><th>Depth</th></tr></thead><tbody><tr><td>North|East</td><td>9 m</td></tr></tbody></table>',
      ),
      '| Port | Depth |\n| --- | --- |\n| North\\|East | 9 m |',
    )
  })

  test('images become our photos (in place) when imported, otherwise they are left out and listed', () => {
    const result = htmlToMarkdown(
      '<p>Before<img src="https://old.example/a.jpg" alt="The quay"> after</p><figure><img src="b.jpg"><figcaption>Gone</figcaption></figure>',
      { photoFor: (src) => (src.endsWith('a.jpg') ? 42 : undefined) },
    )
    assert.equal(result.markdown, 'Before\n\n![The quay](photo:42)\n\nafter\n\nGone')
    assert.deepEqual(result.droppedImages, ['b.jpg'])
  })

  test('text that looks like markup stays text; scripts and unknown tags give their text only', () => {
    assert.equal(
      md(
        '<p># not a heading</p><p>2. not a list</p><p>a *star* &amp;amp; [x]</p><script>bad()</script><blink>odd</blink>',
      ),
      '\\# not a heading\n\n2\\. not a list\n\na \\*star\\* \\&amp; \\[x\\]\n\nodd',
    )
  })

  test('WordPress-style bare text: blank lines make paragraphs', () => {
    assert.equal(
      htmlToMarkdown('One\nstill one\n\nTwo <i>b</i>', { blankLinesAreParagraphs: true }).markdown,
      'One still one\n\nTwo *b*',
    )
  })
})

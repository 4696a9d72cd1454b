import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { raw } from '../../../src/web/render/html.js'

describe('jsx runtime', () => {
  test('escapes text and attribute values', () => {
    const name = '<script>"x"</script>'
    const html = (
      <p class="a" title={name}>
        {name}
      </p>
    ).value
    assert.equal(
      html,
      '<p class="a" title="&lt;script&gt;&quot;x&quot;&lt;/script&gt;">&lt;script&gt;&quot;x&quot;&lt;/script&gt;</p>',
    )
  })

  test('passes raw() through unescaped and renders void elements without a closing tag', () => {
    const html = (
      <div>
        {raw('<b>bold</b>')}
        <img src="/a.jpg" alt="" hidden={false} loading="lazy" />
        <input required />
      </div>
    ).value
    assert.equal(
      html,
      '<div><b>bold</b><img src="/a.jpg" alt="" loading="lazy"><input required></div>',
    )
  })

  test('renders components, fragments, arrays and skips null/boolean children', () => {
    const Item = (props: { n: number }) => <li>{props.n}</li>
    const html = (
      <>
        <ul>
          {[1, 2].map((n) => (
            <Item n={n} />
          ))}
        </ul>
        {null}
        {false}
      </>
    ).value
    assert.equal(html, '<ul><li>1</li><li>2</li></ul>')
  })
})

import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import {
  type JsonChooser,
  selectJson,
  type TakenValue,
} from '../../../src/imports/ghost/json-select.js'
import { JsonSyntaxError } from '../../../src/imports/ghost/json-tokenizer.js'

/** The input cut into chunks of `size` bytes, so every token may straddle a boundary. */
async function* chunks(text: string | Uint8Array, size: number): AsyncGenerator<Uint8Array> {
  const bytes = typeof text === 'string' ? Buffer.from(text, 'utf8') : text
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size)
}

async function collect(
  text: string | Uint8Array,
  choose: JsonChooser,
  size = 3,
): Promise<TakenValue[]> {
  const out: TakenValue[] = []
  for await (const taken of selectJson(chunks(text, size), choose)) out.push(taken)
  return out
}

const takeAll: JsonChooser = () => 'take'

describe('selectJson', () => {
  const sample = {
    a: [1, -2.5e3, true, false, null, 'x\u00e9\ud83d\ude00 "q" \\ \n\t'],
    b: { c: { d: 'deep' }, e: [] },
    f: '',
  }
  const text = ` \uFEFF${JSON.stringify(sample, null, 2)}\n`.replace('\uFEFF', '')

  test('builds the same value as JSON.parse whatever the chunk size', async () => {
    for (const size of [1, 2, 7, 64, 100000]) {
      const [root] = await collect(text, takeAll, size)
      assert.deepEqual(root?.value, sample, `chunk size ${size}`)
    }
  })

  test('takes only chosen paths, in document order, with their paths', async () => {
    const choose: JsonChooser = (path) =>
      path.length === 0 || path[0] === 'a' ? (path.length < 2 ? 'enter' : 'take') : 'skip'
    const taken = await collect(text, choose)
    assert.deepEqual(
      taken.map((t) => [t.path, t.value]),
      sample.a.map((v, i) => [['a', i], v]),
    )
  })

  test('a skipped subtree is not decoded, a taken one after it still is', async () => {
    const json = '{"skip":{"big":"' + 'z'.repeat(5000) + '","n":[1,{"x":"]}"}]},"keep":{"k":"v"}}'
    const taken = await collect(
      json,
      (p) => (p.length === 0 ? 'enter' : p[0] === 'keep' ? 'take' : 'skip'),
      11,
    )
    assert.deepEqual(
      taken.map((t) => t.value),
      [{ k: 'v' }],
    )
  })

  test('flags invalid UTF-8 in a taken value and goes on', async () => {
    const bytes = Buffer.concat([
      Buffer.from('[{"t":"ok"},{"t":"a'),
      Buffer.from([0xff, 0xfe]),
      Buffer.from('b"},{"t":"fine"}]'),
    ])
    const taken = await collect(bytes, (p) => (p.length === 0 ? 'enter' : 'take'), 5)
    assert.deepEqual(
      taken.map((t) => t.invalidUtf8),
      [false, true, false],
    )
    assert.equal((taken[2]?.value as { t: string }).t, 'fine')
  })

  test('broken JSON throws with the byte offset after handing over what was complete', async () => {
    const json = '[{"a":1},{"a":2},{"a" 3}]'
    const seen: unknown[] = []
    await assert.rejects(
      async () => {
        for await (const t of selectJson(chunks(json, 100), (p) =>
          p.length === 0 ? 'enter' : 'take',
        ))
          seen.push(t.value)
      },
      (error: unknown) => error instanceof JsonSyntaxError && error.offset === 22,
    )
    assert.deepEqual(seen, [{ a: 1 }, { a: 2 }])
  })

  test('incomplete input and trailing data are syntax errors', async () => {
    await assert.rejects(collect('{"a":[1,2', takeAll), JsonSyntaxError)
    await assert.rejects(collect('{"a":1} x', takeAll), JsonSyntaxError)
    await assert.rejects(collect('{"a":tru}', takeAll), JsonSyntaxError)
    await assert.rejects(collect('[1,]', takeAll), JsonSyntaxError)
  })
})

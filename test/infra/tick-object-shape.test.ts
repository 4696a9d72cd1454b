/** Holding a nextTick entry keeps the hidden class of every later entry through full collections. */

import assert from 'node:assert/strict'
import { execFile } from 'node:child_process'
import path from 'node:path'
import { test } from 'node:test'
import { promisify } from 'node:util'
import { holdTickObjectShape } from '../../src/infra/tick-object-shape.js'

const execFileAsync = promisify(execFile)
const ROOT = path.resolve(import.meta.dirname, '../..')

/**
 * The hidden classes (V8's "map", as %DebugPrint shows it) of a nextTick entry before and after
 * five full collections run while no entry is alive, in a process of its own; `hold` calls
 * holdTickObjectShape first.
 */
async function entryClasses(hold: boolean): Promise<[string, string]> {
  const script = `
    import { holdTickObjectShape, newTickObject } from './src/infra/tick-object-shape.ts'
    // V8's own syntax, out of reach of the TypeScript loader's transform.
    const debugPrint = new Function('object', '%DebugPrint(object)')
    if (${hold}) holdTickObjectShape()
    debugPrint(newTickObject())
    for (let i = 0; i < 5; i++) {
      await new Promise((resolve) => setImmediate(resolve))
      globalThis.gc()
    }
    debugPrint(newTickObject())
  `
  const { stdout } = await execFileAsync(
    process.execPath,
    [
      '--allow-natives-syntax',
      '--expose-gc',
      '--import',
      'tsx',
      '--input-type=module',
      '-e',
      script,
    ],
    { cwd: ROOT },
  )
  const classes = [...stdout.matchAll(/^ - map: (0x[0-9a-f]+)/gm)].map((match) => match[1] ?? '')
  assert.equal(classes.length, 2, `two entries printed:\n${stdout}`)
  return [classes[0] ?? '', classes[1] ?? '']
}

test('an entry is held, and a second call holds nothing more', () => {
  // False would mean Node renamed or stopped reporting its TickObject resources (a Node upgrade):
  // start-up would then run with the slow nextTick this module exists to prevent.
  assert.equal(holdTickObjectShape(), true)
  assert.equal(holdTickObjectShape(), true)
})

test('with an entry held, later entries keep its hidden class through full collections', async () => {
  const [before, after] = await entryClasses(true)
  assert.equal(after, before)
})

test('without one, the collections free the class and later entries get a new one', async () => {
  // The reason for holding: if V8 stops freeing the class, this fails and the hold can go.
  const [before, after] = await entryClasses(false)
  assert.notEqual(after, before)
})

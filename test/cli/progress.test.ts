/** The progress display: a redrawn bar on a terminal, occasional plain lines elsewhere. */

import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { createProgress } from '../../src/cli/progress.js'

describe('createProgress', () => {
  test('not on a terminal: a plain line every lineEvery items, and the last one', () => {
    let text = ''
    const progress = createProgress(
      { isTTY: false, write: (t) => (text += t) },
      { unit: 'records', lineEvery: 2 },
    )
    for (let done = 1; done <= 5; done++) progress.update({ done, counters: { created: done } })
    progress.finish()
    assert.equal(text, '  2 records: 2 created\n  4 records: 4 created\n  5 records: 5 created\n')
  })

  test('on a terminal: a bar redrawn in place, at most every redrawMs, then a newline', () => {
    let text = ''
    let clock = 0
    const progress = createProgress(
      { isTTY: true, write: (t) => (text += t) },
      { unit: 'records', redrawMs: 100, now: () => clock },
    )
    progress.update({ done: 1, bytesRead: 50, totalBytes: 100 })
    clock = 50
    progress.update({ done: 2, bytesRead: 60, totalBytes: 100 })
    clock = 200
    progress.update({ done: 3, bytesRead: 100, totalBytes: 100 })
    progress.finish()
    const frames = text.split('\r').filter(Boolean)
    assert.equal(frames.length, 3)
    assert.match(frames[0] ?? '', /^\[#{12}-{12}\] {2}50% 1 records/)
    assert.match(frames[2] ?? '', /^\[#{24}\] 100% 3 records\s*\n$/)
  })
})

/** The batched log stream: info lines wait for a batch, warnings go out at once, nothing is lost. */

import assert from 'node:assert/strict'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { Writable } from 'node:stream'
import { test } from 'node:test'
import { pino } from 'pino'
import { createLogStream } from '../../src/infra/log-stream.js'
import { createLogger, rawLogTarget } from '../../src/infra/logger.js'

/** A log stream whose writes are recorded instead of reaching a file descriptor. */
function recorded(): { writes: string[]; stream: ReturnType<typeof createLogStream> } {
  const writes: string[] = []
  return {
    writes,
    stream: createLogStream(99, (_fd, bytes) => writes.push(Buffer.from(bytes).toString('utf8'))),
  }
}

const info = (n: number): string => `{"level":30,"time":1,"msg":"line ${n}"}\n`

test('info lines wait until a batch is full, then go out in one write, in order', () => {
  const { writes, stream } = recorded()
  let n = 0
  while (writes.length === 0) stream.write(info(n++))
  assert.equal(writes.length, 1)
  const lines = (writes[0] ?? '').split('\n').filter(Boolean)
  assert.equal(lines.length, n)
  assert.ok(n > 50, `a batch holds many access-log lines (${n})`)
  assert.deepEqual(
    lines.map((line) => (JSON.parse(line) as { msg: string }).msg),
    Array.from({ length: n }, (_, i) => `line ${i}`),
  )
  stream.flush()
})

test('a warning writes everything pending with it at once', () => {
  const { writes, stream } = recorded()
  stream.write(info(1))
  stream.write(info(2))
  assert.deepEqual(writes, [])
  stream.write('{"level":40,"time":1,"msg":"careful"}\n')
  assert.equal(writes.length, 1)
  assert.match(writes[0] ?? '', /line 1.*\n.*line 2.*\n.*careful/)
  stream.write('{"level":50,"time":1,"msg":"broken"}\n')
  assert.equal(writes.length, 2, 'an error too')
})

test('a lone info line is written within a second', async () => {
  const { writes, stream } = recorded()
  stream.write(info(1))
  await new Promise((resolve) => setTimeout(resolve, 1200))
  assert.deepEqual(writes, [info(1)])
})

test('lines reach a real file descriptor whole', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'masthead-log-'))
  const file = path.join(dir, 'log')
  const fd = fs.openSync(file, 'w')
  try {
    const stream = createLogStream(fd)
    const logger = pino({ base: { app: 'masthead' } }, stream)
    for (let i = 0; i < 500; i++) logger.info({ i, text: 'é ü ✓' }, 'request completed')
    stream.flush()
    const lines = fs.readFileSync(file, 'utf8').split('\n').filter(Boolean)
    assert.equal(lines.length, 500)
    assert.deepEqual(
      lines.map((line) => (JSON.parse(line) as { i: number }).i),
      Array.from({ length: 500 }, (_, i) => i),
    )
    assert.equal((JSON.parse(lines[0] ?? '{}') as { text: string }).text, 'é ü ✓')
  } finally {
    fs.closeSync(fd)
    fs.rmSync(dir, { recursive: true, force: true })
  }
})

test("a raw line goes where the logger writes, with the logger's bindings", () => {
  const lines: string[] = []
  const logger = createLogger({
    level: 'info',
    destination: new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(chunk.toString('utf8'))
        done()
      },
    }),
  })
  const target = rawLogTarget(logger)
  assert.equal(target.bindings, ',"app":"masthead"')
  target.write('{"level":30}\n')
  assert.deepEqual(lines, ['{"level":30}\n'])
})

test('writeInfo batches like an info line and keeps its place before a later warning', () => {
  const { writes, stream } = recorded()
  stream.writeInfo(info(1))
  stream.write(info(2))
  assert.deepEqual(writes, [], 'both wait for the batch')
  stream.write('{"level":50,"time":1,"msg":"broken"}\n')
  assert.equal(writes.length, 1)
  assert.match(writes[0] ?? '', /line 1.*\n.*line 2.*\n.*broken/)
})

test("a raw target on the process's own stream goes through writeInfo, in order", () => {
  const { writes, stream } = recorded()
  const target = rawLogTarget(pino({ base: { app: 'masthead' } }, stream))
  target.write(info(1))
  stream.write('{"level":40,"time":1,"msg":"careful"}\n')
  assert.equal(writes.length, 1)
  assert.match(writes[0] ?? '', /line 1.*\n.*careful/)
})

test('lines of any length and script keep their order across batches', () => {
  const { writes, stream } = recorded()
  const lines = [
    info(1),
    `{"level":30,"msg":"${'ü✓'.repeat(8000)}"}\n`,
    info(2),
    `{"level":30,"msg":"${'x'.repeat(70_000)}"}\n`,
    info(3),
    '{"level":40,"msg":"careful"}\n',
  ]
  for (const line of lines) stream.write(line)
  stream.flush()
  assert.equal(writes.join(''), lines.join(''))
  assert.ok(writes.length >= 3, `a line longer than a batch goes alone (${writes.length} writes)`)
})

/** The real `masthead` binary (bin/masthead.js) in a child process: exit codes and a signal stop. */

import assert from 'node:assert/strict'
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { after, before, describe, test } from 'node:test'

const ROOT = path.resolve(import.meta.dirname, '../..')
const BIN = path.join(ROOT, 'bin/masthead.js')

let dir: string
before(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'masthead-bin-'))
})
after(() => fs.rmSync(dir, { recursive: true, force: true }))

/** Spawns the binary with only the variables given (plus PATH and HOME). */
function spawnBinary(args: string[], env: Record<string, string> = {}) {
  const child = spawn(process.execPath, [BIN, ...args], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let stdout = ''
  let stderr = ''
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk))
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))
  const exited = new Promise<number | null>((resolve) => child.once('close', resolve))
  return { child, exited, output: () => ({ stdout, stderr }) }
}

describe('bin/masthead.js', () => {
  test('--help exits 0 with the usage on stdout; an unknown command exits 2', async () => {
    const help = spawnBinary(['--help'])
    assert.equal(await help.exited, 0)
    assert.match(help.output().stdout, /Usage: masthead <command>/)
    const unknown = spawnBinary(['publish-everything'])
    assert.equal(await unknown.exited, 2)
    assert.match(unknown.output().stderr, /unknown command "publish-everything"/)
  })

  test('start serves, then SIGTERM closes it and the process exits 0 by itself', async () => {
    const server = spawnBinary(['start'], {
      MASTHEAD_DATABASE_URL: `sqlite:${path.join(dir, 'start.db')}`,
      MASTHEAD_MEDIA_DIR: path.join(dir, 'media'),
      MASTHEAD_HOST: '127.0.0.1',
      MASTHEAD_PORT: '0',
      MASTHEAD_DEMO: 'false',
      MASTHEAD_LOG_LEVEL: 'warn',
    })
    const url = await new Promise<string>((resolve, reject) => {
      server.child.stdout.on('data', () => {
        const found = /Masthead is serving .* at (http:\/\/\S+)/.exec(server.output().stdout)
        if (found?.[1] !== undefined) resolve(found[1])
      })
      void server.exited.then((code) =>
        reject(new Error(`start exited early (${code}): ${server.output().stderr}`)),
      )
    })
    const health = await fetch(`${url}/healthz`)
    assert.equal(health.status, 200)
    server.child.kill('SIGTERM')
    assert.equal(await server.exited, 0, server.output().stderr)
  })
})

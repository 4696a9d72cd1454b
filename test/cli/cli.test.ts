/** The masthead command as a person runs it: real processes on a temp SQLite file. */

import assert from 'node:assert/strict'
import { type ChildProcess, spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { after, before, describe, test } from 'node:test'

const ROOT = path.resolve(import.meta.dirname, '../..')

interface Run {
  code: number | null
  stdout: string
  stderr: string
}

let dir: string
before(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'masthead-cli-'))
})
after(() => {
  fs.rmSync(dir, { recursive: true, force: true })
})

/** The environment of a run against `name`'s own database and media folder. */
function env(name: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const { MASTHEAD_TEST_PG_URL: _pg, ...inherited } = process.env
  return {
    ...inherited,
    MASTHEAD_DATABASE_URL: `sqlite:${path.join(dir, `${name}.db`)}`,
    MASTHEAD_MEDIA_DIR: path.join(dir, `${name}-media`),
    MASTHEAD_LOG_LEVEL: 'silent',
    ...extra,
  }
}

function launch(args: string[], environment: NodeJS.ProcessEnv): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], {
    cwd: ROOT,
    env: environment,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
}

function masthead(args: string[], environment: NodeJS.ProcessEnv): Promise<Run> {
  const child = launch(args, environment)
  let stdout = ''
  let stderr = ''
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })))
}

describe('masthead migrate', () => {
  test('applies the migrations, then finds nothing pending', async () => {
    const first = await masthead(['migrate'], env('migrate'))
    assert.equal(first.code, 0, first.stderr)
    assert.match(first.stdout, /Applied migration 0001-create-core-tables/)
    const second = await masthead(['migrate'], env('migrate'))
    assert.equal(second.code, 0, second.stderr)
    assert.doesNotMatch(second.stdout, /Applied migration/)
  })
})

describe('masthead seed', () => {
  test('seeds a few stories and prints the admin credentials; a second seed needs --force', async () => {
    const first = await masthead(['seed', '--articles', '8', '--seed', '2'], env('seed'))
    assert.equal(first.code, 0, first.stderr)
    assert.match(first.stdout, /articles 8\/8/)
    assert.match(first.stdout, /e-mail: +admin@harbourledger\.example/)
    assert.match(first.stdout, /password: +\S{12,}/)

    const refused = await masthead(['seed', '--articles', '8'], env('seed'))
    assert.equal(refused.code, 1)
    assert.equal(refused.stderr.trim().split('\n').length, 1)
    assert.match(refused.stderr, /--force/)
  })

  test('a malformed --articles is a usage error', async () => {
    const run = await masthead(['seed', '--articles', 'many'], env('seed-bad'))
    assert.equal(run.code, 2)
    assert.match(run.stderr, /--articles/)
  })
})

describe('masthead user add', () => {
  test('creates a user and prints the generated password once', async () => {
    const args = [
      'user',
      'add',
      '--email',
      'Editor@Example.org',
      '--name',
      'Ed Itor',
      '--role',
      'editor',
    ]
    const run = await masthead(args, env('users'))
    assert.equal(run.code, 0, run.stderr)
    assert.match(run.stdout, /editor@example\.org/)
    assert.match(run.stdout, /Password \(shown only this once\): \S{12,}/)

    const again = await masthead(args, env('users'))
    assert.equal(again.code, 1)
    assert.equal(again.stderr.trim().split('\n').length, 1)
  })

  test('bad input is one clear line and exit code 1', async () => {
    const run = await masthead(
      ['user', 'add', '--email', 'nobody', '--name', 'N', '--role', 'owner'],
      env('users-bad'),
    )
    assert.equal(run.code, 1)
    assert.equal(run.stderr.trim().split('\n').length, 1)
    assert.match(run.stderr, /^masthead: /)
  })
})

describe('masthead usage and configuration errors', () => {
  test('an unknown command or option prints the usage on stderr and exits with 2', async () => {
    const unknown = await masthead(['publish-everything'], env('usage'))
    assert.equal(unknown.code, 2)
    assert.match(unknown.stderr, /Usage: masthead <command>/)
    const flag = await masthead(['migrate', '--fast'], env('usage'))
    assert.equal(flag.code, 2)
    assert.match(flag.stderr, /Usage: masthead migrate/)
  })

  test('--help prints a command’s help on stdout', async () => {
    const run = await masthead(['seed', '--help'], env('usage'))
    assert.equal(run.code, 0)
    assert.match(run.stdout, /--articles N/)
  })

  test('a bad MASTHEAD_PORT is one line naming the variable, exit code 1', async () => {
    const run = await masthead(['start'], env('config', { MASTHEAD_PORT: 'abc' }))
    assert.equal(run.code, 1)
    assert.equal(
      run.stderr.trim(),
      'masthead: configuration error: MASTHEAD_PORT: expected a whole number from 0 to 65535, got "abc"',
    )
  })
})

describe('masthead start', () => {
  test('seeds an empty database, serves, answers /healthz and stops on SIGTERM', async () => {
    const child = launch(
      ['start'],
      env('start', { MASTHEAD_PORT: '0', MASTHEAD_DEMO_ARTICLES: '6' }),
    )
    let stdout = ''
    let stderr = ''
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    const exited = new Promise<number | null>((resolve) => child.on('close', resolve))
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout?.on('data', (chunk: Buffer) => {
        stdout += chunk.toString()
        const match = /Masthead is serving The Harbour Ledger at (http:\/\/\S+)/.exec(stdout)
        if (match?.[1] !== undefined) resolve(match[1])
      })
      void exited.then((code) => reject(new Error(`start exited early (${code}): ${stderr}`)))
    })
    assert.match(stdout, /password: +\S{12,}/)
    const health = await fetch(`${url}/healthz`)
    assert.equal(health.status, 200)
    child.kill('SIGTERM')
    assert.equal(await exited, 0)
  })
})

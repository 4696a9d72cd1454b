/** The masthead command run in-process: migrate, seed, user add, usage errors and start. */

import assert from 'node:assert/strict'
import { EventEmitter } from 'node:events'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { after, before, describe, test } from 'node:test'
import type { StopSignals } from '../../src/cli/io.js'
import { runCli } from '../../src/cli/main.js'
import { forEachDatabase } from '../helpers/databases.js'
import { databaseUrl, masthead } from './run-cli.js'

let dir: string
before(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'masthead-cli-'))
})
after(() => {
  fs.rmSync(dir, { recursive: true, force: true })
})

/** The environment of a run against `name`'s own SQLite file and media folder. */
function env(name: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    MASTHEAD_DATABASE_URL: `sqlite:${path.join(dir, `${name}.db`)}`,
    MASTHEAD_MEDIA_DIR: path.join(dir, `${name}-media`),
    MASTHEAD_LOG_LEVEL: 'silent',
    ...extra,
  }
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

forEachDatabase('masthead user add', (t) => {
  const userEnv = (): Record<string, string> => ({
    MASTHEAD_DATABASE_URL: databaseUrl(t),
    MASTHEAD_MEDIA_DIR: path.join(dir, 'users-media'),
    MASTHEAD_LOG_LEVEL: 'silent',
  })

  test('creates a user and prints the generated password once', async () => {
    const args = ['user', 'add', '--email', 'Editor@Example.org', '--name', 'Ed Itor']
    const run = await masthead([...args, '--role', 'editor'], userEnv())
    assert.equal(run.code, 0, run.stderr)
    assert.match(run.stdout, /editor@example\.org/)
    assert.match(run.stdout, /Password \(shown only this once\): \S{12,}/)
    const user = await t.handle.db
      .selectFrom('users')
      .select(['role'])
      .where('email', '=', 'editor@example.org')
      .executeTakeFirst()
    assert.equal(user?.role, 'editor', 'the user is in the configured database')

    const again = await masthead([...args, '--role', 'editor'], userEnv())
    assert.equal(again.code, 1)
    assert.equal(again.stderr.trim().split('\n').length, 1)
  })

  test('bad input is one clear line and exit code 1', async () => {
    const run = await masthead(
      ['user', 'add', '--email', 'nobody', '--name', 'N', '--role', 'owner'],
      userEnv(),
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
    const none = await masthead([], env('usage'))
    assert.equal(none.code, 2)
  })

  test('--help prints a command’s help on stdout', async () => {
    const run = await masthead(['seed', '--help'], env('usage'))
    assert.equal(run.code, 0)
    assert.match(run.stdout, /--articles N/)
  })

  test('settings come from the env passed in: a bad MASTHEAD_PORT is one line, exit code 1', async () => {
    const run = await masthead(['start'], env('config', { MASTHEAD_PORT: 'abc' }))
    assert.equal(run.code, 1)
    assert.equal(
      run.stderr.trim(),
      'masthead: configuration error: MASTHEAD_PORT: expected a whole number from 0 to 65535, got "abc"',
    )
  })
})

describe('masthead start', () => {
  /** Starts `masthead start` in-process with `signals`; resolves with its URL and its run. */
  async function start(signals: StopSignals, exits: number[]) {
    let stdout = ''
    let stderr = ''
    let serving: (url: string) => void = () => {}
    const url = new Promise<string>((resolve) => (serving = resolve))
    const run = runCli(['start'], {
      env: env('start', {
        MASTHEAD_HOST: '127.0.0.1',
        MASTHEAD_PORT: '0',
        MASTHEAD_DEMO_ARTICLES: '6',
      }),
      stdout: {
        write: (text: string) => {
          stdout += text
          const found = /Masthead is serving The Harbour Ledger at (http:\/\/\S+)/.exec(stdout)
          if (found?.[1] !== undefined) serving(found[1])
        },
      },
      stderr: { write: (text: string) => (stderr += text) },
      signals,
      exitNow: (code) => void exits.push(code),
    })
    const first = await Promise.race([url, run.then((code) => `exited ${code}: ${stderr}`)])
    assert.match(first, /^http:/, first)
    return { url: first, run, output: () => ({ stdout, stderr }) }
  }

  test('seeds an empty database, serves, answers /healthz and stops on SIGTERM', async () => {
    const signals = new EventEmitter()
    const exits: number[] = []
    const server = await start(signals, exits)
    assert.match(server.output().stdout, /password: +\S{12,}/)
    const health = await fetch(`${server.url}/healthz`)
    assert.equal(health.status, 200)
    const page = await fetch(`${server.url}/`)
    assert.equal(page.status, 200)
    await page.arrayBuffer()
    signals.emit('SIGTERM', 'SIGTERM')
    assert.equal(await server.run, 0)
    assert.deepEqual(exits, [], 'a graceful stop never ends the process')
    assert.equal(signals.listenerCount('SIGTERM'), 0, 'the signal handlers are removed')
    // A second start on the same database does not seed again, and a second signal while
    // closing asks the caller to end the process now.
    const again = await start(signals, exits)
    assert.doesNotMatch(again.output().stdout, /generating the demo/)
    signals.emit('SIGINT', 'SIGINT')
    signals.emit('SIGINT', 'SIGINT')
    assert.equal(await again.run, 1)
    assert.deepEqual(exits, [1])
    assert.match(again.output().stderr, /SIGINT again, exiting immediately/)
  })
})

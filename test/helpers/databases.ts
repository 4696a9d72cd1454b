/** Runs a suite on a fresh SQLite file and, when MASTHEAD_TEST_PG_URL is set, on PostgreSQL too. */

import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { after, before, describe } from 'node:test'
import pg from 'pg'
import { type DatabaseConfig, PREPARED_STATEMENTS_DEFAULT } from '../../src/config.js'
import { type DatabaseHandle, openDatabase } from '../../src/db/database.js'
import { migrateToLatest } from '../../src/db/migrator.js'

export interface TestDatabase {
  /** The open, migrated database; valid inside tests (after `before`). */
  readonly handle: DatabaseHandle
  /** The config that opens the same database again (for a second process or an app). */
  readonly config: DatabaseConfig
  /** PostgreSQL only: the schema this suite owns. */
  readonly searchPath: string | undefined
}

const requireAll = process.env.MASTHEAD_REQUIRE_ALL === '1'
const pgUrl = process.env.MASTHEAD_TEST_PG_URL

/** Makes an empty, migrated SQLite database in a temp folder. */
export async function createSqliteTestDatabase(): Promise<
  TestDatabase & { dispose(): Promise<void> }
> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'masthead-test-'))
  const config: DatabaseConfig = { kind: 'sqlite', filename: path.join(dir, 'test.db') }
  const handle = openDatabase(config)
  await migrateToLatest(handle)
  return {
    handle,
    config,
    searchPath: undefined,
    dispose: async () => {
      await handle.close()
      fs.rmSync(dir, { recursive: true, force: true })
    },
  }
}

/** Makes an empty, migrated PostgreSQL schema of its own (so test files can run in parallel). */
export async function createPostgresTestDatabase(
  url: string,
): Promise<TestDatabase & { dispose(): Promise<void> }> {
  const schema = `t_${process.pid}_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`
  const admin = new pg.Client({ connectionString: url })
  await admin.connect()
  await admin.query(`create schema "${schema}"`)
  await admin.end()
  const config: DatabaseConfig = {
    kind: 'postgres',
    url,
    preparedStatements: PREPARED_STATEMENTS_DEFAULT,
  }
  const handle = openDatabase(config, { searchPath: schema, poolSize: 4 })
  await migrateToLatest(handle)
  return {
    handle,
    config,
    searchPath: schema,
    dispose: async () => {
      await handle.close()
      const cleanup = new pg.Client({ connectionString: url })
      await cleanup.connect()
      await cleanup.query(`drop schema "${schema}" cascade`)
      await cleanup.end()
    },
  }
}

/**
 * Declares `describe(name [sqlite])` and, with PostgreSQL available, `describe(name [postgres])`.
 * Without MASTHEAD_TEST_PG_URL the PostgreSQL run is skipped with a reason, or fails under
 * MASTHEAD_REQUIRE_ALL=1.
 * @example forEachDatabase('article queries', (t) => { test('…', async () => { t.handle.db … }) })
 */
export function forEachDatabase(name: string, suite: (database: TestDatabase) => void): void {
  describe(`${name} [sqlite]`, () => {
    declareSuite(() => createSqliteTestDatabase(), suite)
  })
  if (pgUrl === undefined || pgUrl === '') {
    if (requireAll) {
      describe(`${name} [postgres]`, () => {
        before(() => {
          throw new Error('MASTHEAD_REQUIRE_ALL=1 but MASTHEAD_TEST_PG_URL is not set')
        })
        suite(unavailable())
      })
    } else {
      describe(
        `${name} [postgres]`,
        { skip: 'MASTHEAD_TEST_PG_URL is not set: PostgreSQL run skipped' },
        () => {},
      )
    }
    return
  }
  describe(`${name} [postgres]`, () => {
    declareSuite(() => createPostgresTestDatabase(pgUrl), suite)
  })
}

function declareSuite(
  create: () => Promise<TestDatabase & { dispose(): Promise<void> }>,
  suite: (database: TestDatabase) => void,
): void {
  let current: (TestDatabase & { dispose(): Promise<void> }) | undefined
  before(async () => {
    current = await create()
  })
  suite({
    get handle() {
      if (current === undefined)
        throw new Error('the test database is not open yet (use it inside a test)')
      return current.handle
    },
    get config() {
      if (current === undefined)
        throw new Error('the test database is not open yet (use it inside a test)')
      return current.config
    },
    get searchPath() {
      return current?.searchPath
    },
  })
  // Registered after the suite's own hooks, so it runs after them: an app the suite closes in
  // its `after` still flushes (views, the outbox) into a schema that exists.
  after(async () => {
    await current?.dispose()
  })
}

function unavailable(): TestDatabase {
  const fail = (): never => {
    throw new Error(
      'PostgreSQL is required (MASTHEAD_REQUIRE_ALL=1) but MASTHEAD_TEST_PG_URL is not set',
    )
  }
  return {
    get handle() {
      return fail()
    },
    get config() {
      return fail()
    },
    searchPath: undefined,
  }
}

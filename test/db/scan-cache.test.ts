/** A scan holds SQLite's page cache small and gives the configured size back afterwards. */

import assert from 'node:assert/strict'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { test } from 'node:test'
import { sql } from 'kysely'
import { openDatabase } from '../../src/db/database.js'

test('scanning(true) holds the SQLite cache to 1 MiB; scanning(false) restores the configured size', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'masthead-scan-cache-'))
  const handle = openDatabase({
    kind: 'sqlite',
    filename: path.join(dir, 'db.sqlite'),
    cacheMiB: 4,
  })
  try {
    const cacheSize = async (): Promise<number> => {
      const { rows } = await sql<{ cache_size: number }>`pragma cache_size`.execute(handle.db)
      return Number(rows[0]?.cache_size)
    }
    assert.equal(await cacheSize(), -4096)
    handle.scanning(true)
    assert.equal(await cacheSize(), -1024)
    handle.scanning(false)
    assert.equal(await cacheSize(), -4096)
  } finally {
    await handle.close()
    fs.rmSync(dir, { recursive: true, force: true })
  }
})

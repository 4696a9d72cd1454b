/** Every error code is defined once, in one catalogue, with a kind that web/ maps to a status. */

import assert from 'node:assert/strict'
import fs from 'node:fs'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { describe, test } from 'node:test'
import { ERROR_KINDS, type ErrorKind } from '../src/lib/errors.js'
import { STATUS_BY_KIND } from '../src/web/plugins/error-handler.js'

const SRC = path.resolve(import.meta.dirname, '../src')

/** Every file under src/ (relative, forward slashes) whose name says it is a catalogue. */
function catalogueFiles(dir = SRC): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) return catalogueFiles(full)
    const file = path.relative(SRC, full).split(path.sep).join('/')
    return /(^|\/|-)errors\.ts$/.test(file) && file !== 'lib/errors.ts' ? [file] : []
  })
}

/** Every .ts/.tsx file under src/, relative. */
function sourceFiles(dir = SRC): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) return sourceFiles(full)
    return /\.tsx?$/.test(entry.name) ? [path.relative(SRC, full).split(path.sep).join('/')] : []
  })
}

/** Each catalogue file's exported `*_ERRORS` tables. */
async function loadTables(): Promise<Map<string, Map<string, Record<string, ErrorKind>>>> {
  const tables = new Map<string, Map<string, Record<string, ErrorKind>>>()
  for (const file of catalogueFiles()) {
    const module = (await import(pathToFileURL(path.join(SRC, file)).href)) as Record<
      string,
      unknown
    >
    const own = new Map<string, Record<string, ErrorKind>>()
    for (const [name, value] of Object.entries(module)) {
      if (name.endsWith('_ERRORS')) own.set(name, value as Record<string, ErrorKind>)
    }
    tables.set(file, own)
  }
  return tables
}

describe('error catalogue', () => {
  test('finds the catalogues of every domain and of web', () => {
    const files = catalogueFiles()
    for (const expected of [
      'accounts/errors.ts',
      'media/errors.ts',
      'newsroom/errors.ts',
      'engagement/errors.ts',
      'comments/errors.ts',
      'web/plugins/errors.ts',
    ]) {
      assert.ok(files.includes(expected), `${expected} is a catalogue`)
    }
  })

  test('each catalogue file exports exactly one code table', async () => {
    for (const [file, own] of await loadTables()) {
      assert.equal(own.size, 1, `${file} exports one *_ERRORS table`)
    }
  })

  test('codes are upper snake case and unique across all catalogues', async () => {
    const seen = new Map<string, string>()
    for (const [file, own] of await loadTables()) {
      for (const table of own.values()) {
        for (const code of Object.keys(table)) {
          assert.match(code, /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$/, `${code} in ${file}`)
          assert.equal(seen.get(code), undefined, `${code} is defined in ${file} and elsewhere`)
          seen.set(code, file)
        }
      }
    }
    assert.ok(seen.size > 40, 'the catalogues were read')
  })

  test('every kind a catalogue uses has an HTTP status in the one mapping table', async () => {
    for (const kind of ERROR_KINDS) {
      const status = STATUS_BY_KIND[kind]
      assert.ok(Number.isInteger(status) && status >= 400 && status <= 599, `${kind} → ${status}`)
    }
    assert.deepEqual(Object.keys(STATUS_BY_KIND).sort(), [...ERROR_KINDS].sort())
    for (const [file, own] of await loadTables()) {
      for (const table of own.values()) {
        for (const [code, kind] of Object.entries(table)) {
          assert.ok(ERROR_KINDS.includes(kind), `${code} in ${file} has a known kind`)
        }
      }
    }
  })

  test('errors are built only through a catalogue (no MastheadError made elsewhere)', () => {
    const offenders = sourceFiles().filter(
      (file) =>
        file !== 'lib/errors.ts' &&
        /new MastheadError\(/.test(fs.readFileSync(path.join(SRC, file), 'utf8')),
    )
    assert.deepEqual(offenders, [])
  })
})

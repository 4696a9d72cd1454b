/** The prebuilt assets: manifest.json names files that exist, whose bytes match their hashes. */

import assert from 'node:assert/strict'
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { after, before, describe, test } from 'node:test'
import { brotliDecompressSync, gunzipSync } from 'node:zlib'
import { buildAssets, writeAssets } from '../../../src/web/assets/build-assets.js'
import type { AssetFiles } from '../../../src/web/assets/asset-manifest.js'
import { BUILT_ASSETS_DIR, loadAssets } from '../../../src/web/assets/load-assets.js'

/** Checks that every entry of the manifest in `dir` exists and matches its hash and URL. */
function assertManifestMatchesFiles(dir: string): void {
  const stored = JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as AssetFiles
  const entries = [
    ...Object.entries(stored.files),
    [stored.manifest.favicon, stored.favicon],
  ] as const
  const linked = [stored.manifest.stylesheet, ...Object.values(stored.manifest.scripts)]
  for (const url of linked) assert.ok(url in stored.files, `${url} is linked but not in files`)
  for (const [url, asset] of entries) {
    const identity = fs.readFileSync(path.join(dir, asset.file))
    const sha = createHash('sha256').update(identity).digest('hex')
    assert.equal(asset.hash, sha.slice(0, 12), `${url}: hash of ${asset.file}`)
    if (url.startsWith('/assets/')) {
      assert.ok(url.includes(`.${asset.hash}.`), `${url} carries its hash`)
      assert.equal(path.posix.basename(url), asset.file)
    }
    if (asset.br !== undefined)
      assert.deepEqual(brotliDecompressSync(fs.readFileSync(path.join(dir, asset.br))), identity)
    if (asset.gzip !== undefined)
      assert.deepEqual(gunzipSync(fs.readFileSync(path.join(dir, asset.gzip))), identity)
  }
}

describe('prebuilt assets', () => {
  let dir: string
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'masthead-assets-'))
  })
  after(() => fs.rmSync(dir, { recursive: true, force: true }))

  test('writeAssets writes a manifest whose every file exists and matches its hash', async () => {
    const written = await writeAssets(dir)
    assert.ok(Object.keys(written.files).length >= 4)
    assertManifestMatchesFiles(dir)
  })

  test('loadAssets reads back exactly the bytes built in memory', async () => {
    await writeAssets(dir)
    const [loaded, built] = await Promise.all([loadAssets(dir), buildAssets()])
    assert.deepEqual(loaded.manifest, built.manifest)
    assert.deepEqual([...loaded.files.keys()].sort(), [...built.files.keys()].sort())
    for (const [url, asset] of built.files) assert.deepEqual(loaded.files.get(url), asset, url)
    assert.deepEqual(loaded.favicon, built.favicon)
  })

  test('a missing manifest stops the start, naming the missing file', async () => {
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'masthead-no-assets-'))
    try {
      await assert.rejects(loadAssets(empty), (error: Error) => {
        assert.equal((error.cause as NodeJS.ErrnoException).code, 'ENOENT')
        return true
      })
    } finally {
      fs.rmSync(empty, { recursive: true, force: true })
    }
  })

  // npm install and npm ci build dist/ (the prepare script), so the CI tree always has it.
  test(
    'the manifest `npm start` reads (dist/assets) matches its files',
    { skip: !fs.existsSync(path.join(BUILT_ASSETS_DIR, 'manifest.json')) && 'not built' },
    () => assertManifestMatchesFiles(BUILT_ASSETS_DIR),
  )
})

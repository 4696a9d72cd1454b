/** Loads the prebuilt browser assets (dist/assets/manifest.json and its files) for the server to send. */

import { readFileSync } from 'node:fs'
import fs from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import {
  ASSET_FILES_VERSION,
  type AssetFiles,
  type BuiltAsset,
  type BuiltAssets,
  type StoredAsset,
} from './asset-manifest.js'

const HERE = path.dirname(fileURLToPath(import.meta.url))
/**
 * dist/assets of this checkout. This module runs from src/web/assets/, dist/web/assets/ or the
 * bundle in dist/server/, so the root is the nearest folder above that holds a package.json
 * naming this project (dist/package.json names `masthead-dist`).
 */
export const BUILT_ASSETS_DIR = path.join(projectRoot(HERE), 'dist/assets')
/** From source (tsx: tests, `npm run dev`) the assets are built in memory, so edits show at once. */
const RUNNING_FROM_SOURCE = import.meta.url.endsWith('.ts')

/**
 * The assets the server sends: read from dist/assets when running compiled (`npm start`), built in
 * memory when running from source, so esbuild is never loaded by a production server.
 */
export async function serverAssets(): Promise<BuiltAssets> {
  if (!RUNNING_FROM_SOURCE) return loadAssets(BUILT_ASSETS_DIR)
  const { buildAssets } = await import('./build-assets.js')
  return buildAssets()
}

/**
 * Reads manifest.json in `dir` and every file it names into memory (a few tens of kilobytes).
 * @example const { manifest } = await loadAssets('dist/assets')
 */
export async function loadAssets(dir: string): Promise<BuiltAssets> {
  const manifestPath = path.join(dir, 'manifest.json')
  let stored: AssetFiles
  try {
    stored = JSON.parse(await fs.readFile(manifestPath, 'utf8')) as AssetFiles
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT')
      throw new Error(`${manifestPath} is missing: run \`npm run build\` first`, { cause: error })
    throw error
  }
  if (stored.version !== ASSET_FILES_VERSION)
    throw new Error(`${manifestPath} is from another version: run \`npm run build\` again`)
  const read = async (asset: StoredAsset): Promise<BuiltAsset> => {
    const bodies: BuiltAsset['bodies'] = { identity: await fs.readFile(path.join(dir, asset.file)) }
    if (asset.br !== undefined) bodies.br = await fs.readFile(path.join(dir, asset.br))
    if (asset.gzip !== undefined) bodies.gzip = await fs.readFile(path.join(dir, asset.gzip))
    return { contentType: asset.contentType, hash: asset.hash, bodies }
  }
  const files = new Map<string, BuiltAsset>()
  for (const [url, asset] of Object.entries(stored.files)) files.set(url, await read(asset))
  return { manifest: stored.manifest, files, favicon: await read(stored.favicon) }
}

/** The nearest folder at or above `dir` whose package.json is this project's (`masthead`). */
function projectRoot(dir: string): string {
  for (let current = dir; ; current = path.dirname(current)) {
    try {
      const pkg = JSON.parse(readFileSync(path.join(current, 'package.json'), 'utf8')) as {
        name?: unknown
      }
      if (pkg.name === 'masthead') return current
    } catch {
      // No package.json here (or not JSON): keep looking upwards.
    }
    if (path.dirname(current) === current) throw new Error(`no masthead package.json above ${dir}`)
  }
}

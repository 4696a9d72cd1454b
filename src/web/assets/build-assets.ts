/** Builds the browser assets (client scripts bundled, CSS minified, all precompressed): at build time, or in memory when running from source. */

import { createHash } from 'node:crypto'
import fs from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { brotliCompressSync, constants as zlib, gzipSync } from 'node:zlib'
import { build, transform } from 'esbuild'
import {
  ASSET_FILES_VERSION,
  type AssetFiles,
  type BuiltAsset,
  type BuiltAssets,
  type StoredAsset,
} from './asset-manifest.js'

// The sources always come from src/ (this module also runs compiled, from dist/web/assets/, when
// the build script calls it), so the paths are taken from the repository root.
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..')
const CLIENT_DIR = path.join(ROOT, 'src/client')
const STYLESHEET = path.join(ROOT, 'src/web/site/styles/site.css')
const NEWSROOM_STYLESHEET = path.join(ROOT, 'src/web/newsroom/styles/newsroom.css')
const FAVICON = path.join(ROOT, 'src/web/assets/favicon.svg')

/** The scripts pages may load, by manifest key → file in src/client/. */
const SCRIPTS = {
  commentCounter: 'comment-counter',
  copyLink: 'copy-link',
  viewBeacon: 'view-beacon',
  storyEditor: 'story-editor',
  livePreview: 'live-preview',
  moderationKeys: 'moderation-keys',
  frontOrder: 'front-order',
} as const

let built: Promise<BuiltAssets> | undefined

/**
 * Builds (once per process) the hashed, precompressed assets and their manifest, in memory.
 * @example const { manifest } = await buildAssets(); manifest.scripts.copyLink // '/assets/copy-link.9f…js'
 */
export function buildAssets(): Promise<BuiltAssets> {
  built ??= buildAll().catch((error: unknown) => {
    built = undefined
    throw error
  })
  return built
}

async function buildAll(): Promise<BuiltAssets> {
  const files = new Map<string, BuiltAsset>()
  const add = (name: string, ext: string, contentType: string, bytes: Buffer): string => {
    const asset = encode(contentType, bytes)
    const url = `/assets/${name}.${asset.hash}.${ext}`
    files.set(url, asset)
    return url
  }

  const scripts = await bundleScripts()
  const scriptUrls = {} as Record<keyof typeof SCRIPTS, string>
  for (const [key, name] of Object.entries(SCRIPTS) as [keyof typeof SCRIPTS, string][]) {
    const bytes = scripts.get(name)
    if (bytes === undefined) throw new Error(`esbuild produced no output for src/client/${name}.ts`)
    scriptUrls[key] = add(name, 'js', 'text/javascript; charset=utf-8', bytes)
  }
  const css = await readStylesheet(STYLESHEET)
  const stylesheet = add('site', 'css', 'text/css; charset=utf-8', css)
  const newsroomCss = await readStylesheet(NEWSROOM_STYLESHEET)
  const newsroomStylesheet = add('newsroom', 'css', 'text/css; charset=utf-8', newsroomCss)
  const favicon = encode('image/svg+xml', await fs.readFile(FAVICON))

  return {
    manifest: { stylesheet, newsroomStylesheet, favicon: '/favicon.svg', scripts: scriptUrls },
    files,
    favicon,
  }
}

/** Bundles every client script in one esbuild run; returns bytes by entry name. */
async function bundleScripts(): Promise<Map<string, Buffer>> {
  const result = await build({
    entryPoints: Object.values(SCRIPTS).map((name) => path.join(CLIENT_DIR, `${name}.ts`)),
    bundle: true,
    minify: true,
    format: 'iife',
    target: 'es2020',
    platform: 'browser',
    write: false,
    outdir: 'out',
    entryNames: '[name]',
    logLevel: 'silent',
    legalComments: 'none',
  })
  const outputs = new Map<string, Buffer>()
  for (const file of result.outputFiles) {
    outputs.set(path.basename(file.path, '.js'), Buffer.from(file.contents))
  }
  return outputs
}

/** A stylesheet minified; empty until the file exists, so the server still starts. */
async function readStylesheet(file: string): Promise<Buffer> {
  let source: string
  try {
    source = await fs.readFile(file, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return Buffer.alloc(0)
    throw error
  }
  const { code } = await transform(source, {
    loader: 'css',
    minify: true,
    target: ['chrome100', 'firefox100', 'safari15'],
  })
  return Buffer.from(code)
}

/** Hashes and precompresses (at the highest settings: this runs once) one asset. */
function encode(contentType: string, identity: Buffer): BuiltAsset {
  const hash = createHash('sha256').update(identity).digest('hex').slice(0, 12)
  const bodies: BuiltAsset['bodies'] = { identity }
  if (identity.length >= 256) {
    const br = brotliCompressSync(identity, {
      params: { [zlib.BROTLI_PARAM_QUALITY]: 11, [zlib.BROTLI_PARAM_SIZE_HINT]: identity.length },
    })
    const gzip = gzipSync(identity, { level: 9 })
    if (br.length < identity.length) bodies.br = br
    if (gzip.length < identity.length) bodies.gzip = gzip
  }
  return { contentType, hash, bodies }
}

/** The file name a URL's bytes are written under, e.g. 'site.1a2b3c4d5e6f.css'. */
const fileNameOf = (url: string): string => path.posix.basename(url)

/**
 * Builds the assets and writes them to `outDir`: each file, its .br and .gz when smaller, and
 * manifest.json, which is all the server reads at run time. Returns the manifest written.
 * @example await writeAssets('dist/assets')
 */
export async function writeAssets(outDir: string): Promise<AssetFiles> {
  const assets = await buildAssets()
  await fs.rm(outDir, { recursive: true, force: true })
  await fs.mkdir(outDir, { recursive: true })
  const store = async (url: string, asset: BuiltAsset): Promise<StoredAsset> => {
    const file = fileNameOf(url)
    await fs.writeFile(path.join(outDir, file), asset.bodies.identity)
    const stored: StoredAsset = { file, contentType: asset.contentType, hash: asset.hash }
    if (asset.bodies.br !== undefined) {
      stored.br = `${file}.br`
      await fs.writeFile(path.join(outDir, stored.br), asset.bodies.br)
    }
    if (asset.bodies.gzip !== undefined) {
      stored.gzip = `${file}.gz`
      await fs.writeFile(path.join(outDir, stored.gzip), asset.bodies.gzip)
    }
    return stored
  }
  const files: Record<string, StoredAsset> = {}
  for (const [url, asset] of assets.files) files[url] = await store(url, asset)
  const manifestFile: AssetFiles = {
    version: ASSET_FILES_VERSION,
    manifest: assets.manifest,
    files,
    favicon: await store(assets.manifest.favicon, assets.favicon),
  }
  await fs.writeFile(
    path.join(outDir, 'manifest.json'),
    `${JSON.stringify(manifestFile, null, 2)}\n`,
  )
  return manifestFile
}
